/**
 * Numbers written in digits or in words, Arabic or English: "120", "١٢٠", "مئة وعشرون",
 * "أربعمئة وخمسون", "ثلاثة آلاف", "one hundred and twenty". Works on folded tokens (see
 * `foldArabic`), so hamza, taa marbuta and alef maqsura forms are already one.
 *
 * Pure TypeScript, small: a few dozen number words, no tables beyond them.
 */
import { foldArabic } from './fold';

/** Words worth a value below 100 (units, teens, tens), keyed by folded spelling. */
const SMALL = new Map<string, number>();
/** Words that multiply what stands before them (hundred, thousand, …). */
const SCALE = new Map<string, number>();
/** Words that are a whole hundred or thousand on their own (مئتان, ثلاثمئة, ألفان). */
const WHOLE = new Map<string, number>();

function add(map: Map<string, number>, words: string, value: number) {
	for (const w of words.split(' ')) map.set(foldArabic(w), value);
}

const AR_UNITS: [string, number][] = [
	['واحد واحدة', 1],
	['اثنان اثنين اثنتان اثنتين اثنا اثنتا', 2],
	['ثلاث ثلاثة', 3],
	['أربع أربعة', 4],
	['خمس خمسة', 5],
	['ست ستة', 6],
	['سبع سبعة', 7],
	['ثمان ثماني ثمانية', 8],
	['تسع تسعة', 9],
	['عشر عشرة', 10]
];
for (const [w, v] of AR_UNITS) add(SMALL, w, v);
const AR_TENS = [
	'عشرون عشرين',
	'ثلاثون ثلاثين',
	'أربعون أربعين',
	'خمسون خمسين',
	'ستون ستين',
	'سبعون سبعين',
	'ثمانون ثمانين',
	'تسعون تسعين'
];
AR_TENS.forEach((w, i) => add(SMALL, w, (i + 2) * 10));
add(SCALE, 'مئة مائة مئات', 100);
add(SCALE, 'ألف ألفا آلاف', 1000);
add(SCALE, 'مليون مليونا ملايين', 1e6);
add(SCALE, 'مليار مليارا مليارات', 1e9);
add(WHOLE, 'مئتان مئتين مائتان مائتين', 200);
add(WHOLE, 'ألفان ألفين', 2000);
// ثلاثمئة … تسعمئة written as one word
for (const [stem, v] of [
	['ثلاث', 3],
	['أربع', 4],
	['خمس', 5],
	['ست', 6],
	['سبع', 7],
	['ثمان', 8],
	['ثماني', 8],
	['تسع', 9]
] as const) {
	add(WHOLE, `${stem}مئة ${stem}مائة`, v * 100);
}

const EN_SMALL =
	'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
		' '
	);
EN_SMALL.forEach((w, i) => SMALL.set(w, i));
'twenty thirty forty fifty sixty seventy eighty ninety'
	.split(' ')
	.forEach((w, i) => SMALL.set(w, (i + 2) * 10));
add(SCALE, 'hundred hundreds', 100);
add(SCALE, 'thousand thousands', 1000);
add(SCALE, 'million millions', 1e6);
add(SCALE, 'billion billions', 1e9);

/** "احدى"/"احد" count as one only in "أحد عشر" (eleven); alone they mean "one of". */
const ONE_OF = new Set(['احد', 'احدي']);
const TEN = new Set(['عشر', 'عشره']);
const AND = new Set(['و', 'and']);

/** A number read from tokens. */
export interface ReadNumber {
	value: number;
	/** how many tokens it took */
	length: number;
	/** whether it was (partly) written in words */
	words: boolean;
}

/** A number word's value, and whether it counts (small), multiplies (scale) or stands whole. */
type NumberWord = { kind: 'small' | 'scale' | 'whole'; value: number };

/** The value of one token as a number word, with a conjunction or preposition clitic allowed. */
function wordValue(token: string, first: boolean): NumberWord | undefined {
	const tries = [token];
	if (/^[وفبلك]/.test(token) && token.length > 2) tries.push(token.slice(1));
	if (!first && token.startsWith('و')) tries.reverse();
	for (const t of tries) {
		const s = SMALL.get(t);
		if (s !== undefined) return { kind: 'small', value: s };
		const m = SCALE.get(t);
		if (m !== undefined) return { kind: 'scale', value: m };
		const w = WHOLE.get(t);
		if (w !== undefined) return { kind: 'whole', value: w };
	}
	return undefined;
}

const DIGITS = /^\d+(\.\d+)?$/;

/**
 * Reads the number that starts at token `i`, if one does: digits (already ASCII after folding),
 * number words, or digits followed by a scale word ("1.5 مليون").
 * @param tokens folded tokens
 * @param i where to start
 */
export function readNumber(tokens: readonly string[], i: number): ReadNumber | undefined {
	const t = tokens[i];
	if (t === undefined) return undefined;
	if (DIGITS.test(t)) return readDigits(tokens, i);
	// "أحد عشر", "إحدى عشرة": eleven
	if (ONE_OF.has(t) && tokens[i + 1] !== undefined && TEN.has(tokens[i + 1])) {
		return { value: 11, length: 2, words: true };
	}
	return readNumberWords(tokens, i);
}

/** Digits, and a scale word after them ("1.5 مليون"). */
function readDigits(tokens: readonly string[], i: number): ReadNumber {
	const value = Number(tokens[i]);
	const scale = tokens[i + 1] !== undefined ? SCALE.get(tokens[i + 1]) : undefined;
	if (scale !== undefined && scale >= 1000) return { value: value * scale, length: 2, words: true };
	return { value, length: 1, words: false };
}

/** A number in words being read: thousands and above done, the group below them, the last word. */
interface WordsRead {
	total: number;
	current: number;
	/** the value of the last word taken into `current`, to judge what may follow it */
	last: number;
}

/** Number words from token `i` ("خمسة وعشرون", "two hundred and five", "a thousand"). */
function readNumberWords(tokens: readonly string[], i: number): ReadNumber | undefined {
	const read: WordsRead = { total: 0, current: 0, last: 0 };
	let length = 0;
	let j = i;
	let pendingAnd = false;
	// "a hundred", "a thousand"
	if (tokens[i] === 'a' && tokens[i + 1] !== undefined && SCALE.has(tokens[i + 1])) {
		read.current = 1;
		read.last = 1;
		j = i + 1;
		length = 1;
	}
	while (j < tokens.length) {
		const tok = tokens[j];
		if (length > 0 && AND.has(tok)) {
			if (pendingAnd) break;
			pendingAnd = true;
			j++;
			continue;
		}
		const w = wordValue(tok, length === 0);
		if (!w) break;
		const hasAnd =
			pendingAnd || (length > 0 && tok.startsWith('و') && !SMALL.has(tok) && !SCALE.has(tok));
		if (!takeWord(read, w, length > 0, hasAnd)) break;
		pendingAnd = false;
		j++;
		length = j - i;
	}
	if (length === 0) return undefined;
	return { value: read.total + read.current, length, words: true };
}

/** Takes a number word into the number read so far, if it continues it. */
function takeWord(read: WordsRead, w: NumberWord, continuing: boolean, hasAnd: boolean): boolean {
	// "عشرون ومئة", "خمسة وثلاثمئة": the older order, hundreds after the rest, joined by و
	const hundredsAfter =
		continuing &&
		hasAnd &&
		read.current > 0 &&
		read.current < 100 &&
		((w.kind === 'scale' && w.value === 100) || (w.kind === 'whole' && w.value < 1000));
	if (continuing && !hundredsAfter && !fits(w, read.current, read.last, hasAnd)) return false;
	if (hundredsAfter) read.current += w.value;
	else if (w.kind === 'scale' && w.value === 100) read.current = (read.current || 1) * 100;
	else if (w.kind === 'scale') {
		read.total += (read.current || 1) * w.value;
		read.current = 0;
	} else if (w.kind === 'whole' && w.value >= 1000) {
		read.total += w.value;
		read.current = 0;
	} else read.current += w.value;
	read.last = w.value;
	return true;
}

/** Whether a number word may continue the number read so far. */
function fits(w: NumberWord, current: number, last: number, hasAnd: boolean): boolean {
	if (w.kind === 'scale') {
		// "ثلاث مئة", "خمسة آلاف", "مئة ألف"; not "مئة مئة"
		return (
			!hasAnd && (w.value > 100 ? current > 0 && current < w.value : current > 0 && current < 10)
		);
	}
	if (current === 0) return true; // after a thousand, anything smaller
	if (w.kind === 'whole') return false;
	const v = w.value;
	// teens: "ثلاثة عشر"
	if (v === 10 && !hasAnd && last >= 1 && last <= 9) return true;
	// after hundreds: anything below a hundred
	if (current % 100 === 0) return v < 100 && (hasAnd || v > 0);
	// Arabic units then tens: "خمسة وعشرون"; English tens then units: "twenty five"
	if (last >= 1 && last <= 9 && v >= 20 && v % 10 === 0 && v < 100) return hasAnd;
	if (last >= 20 && last % 10 === 0 && last < 100 && v >= 1 && v <= 9) return true;
	return false;
}

/**
 * Whether a folded token is a number word or digits.
 * @param token a folded token
 */
export function isNumberToken(token: string): boolean {
	return DIGITS.test(token) || wordValue(token, true) !== undefined;
}
