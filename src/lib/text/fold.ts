/**
 * The Arabic-aware folding that answers are judged by: diacritics, hamza and alef forms, taa
 * marbuta, alef maqsura, tatweel, look-alike letters, digits in any script, punctuation.
 * Table-driven and re-entrant: every call folds into arrays of its own.
 * Pure TypeScript: no DOM, no Node.
 */

/**
 * Arabic combining marks that carry no letter: harakat, tanween, shadda, sukun, superscript alef,
 * Quranic annotation signs (Unicode blocks Arabic 0610–061A, 064B–065F, 0670, 06D6–06ED).
 */
export const ARABIC_MARKS =
	/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g;
/** Latin combining marks left by NFD (é → e), so "Sirté" and "Sirte" agree. */
export const LATIN_MARKS = /[\u0300-\u036F]/g;

/** Letter folds: every form a student may type for the same letter maps to one. */
export const LETTER_FOLDS: Record<string, string> = {
	// alef with hamza above/below, madda, wasla → bare alef
	'\u0623': '\u0627',
	'\u0625': '\u0627',
	'\u0622': '\u0627',
	'\u0671': '\u0627',
	// hamza on waw / on yaa → the carrier letter
	'\u0624': '\u0648',
	'\u0626': '\u064A',
	// taa marbuta → haa, alef maqsura → yaa (the two spellings students mix at word end)
	'\u0629': '\u0647',
	'\u0649': '\u064A',
	// Persian/Urdu look-alikes that other keyboards type: keheh, farsi yeh, heh goal, heh with yeh
	'\u06A9': '\u0643',
	'\u06CC': '\u064A',
	'\u06C1': '\u0647',
	'\u06C0': '\u0647',
	'\u06D5': '\u0647',
	// Arabic decimal separator, thousands separator and percent sign (U+066B, U+066C, U+066A)
	'\u066B': '.',
	'\u066C': '',
	'\u066A': '%',
	// heh doachashmee, swash kaf, Farsi/Urdu yeh variants
	'\u06BE': '\u0647',
	'\u06AA': '\u0643',
	'\u06D2': '\u064A',
	'\u06D0': '\u064A'
};

/**
 * Folds a text for comparison: lower case, NFKC (presentation forms), no diacritics or tatweel,
 * one form per letter, ASCII digits, punctuation to spaces, single spaces, digits split from
 * letters ("120كلم" → "120 كلم").
 *
 * Written as two passes over character codes rather than a chain of Unicode
 * regular expressions: the grader folds every answer and the bank check every key and paragraph,
 * and building strings a character at a time was most of their time. Text made only of ASCII and
 * Arabic (what students type) skips the Unicode normalizations, which change nothing there.
 * @param text any text
 */
export function foldArabic(text: string): string {
	return codesToString(foldCodes(comparable(text), false).codes);
}

/** Text that NFKC, NFD and lower-casing beyond ASCII leave as it is (ASCII, Arabic, spaces). */
export const PLAIN =
	/^[\t\n\r\u0020-\u007F\u00A0\u0600-\u0652\u0656-\u0674\u0679-\u06FF\u200B-\u200D\u2060\uFEFF]*$/;

/** The text with the Unicode normalizations folding needs done (none, for plain text). */
function comparable(text: string): string {
	if (PLAIN.test(text)) return text;
	const s = text.normalize('NFKC').toLowerCase();
	return s.normalize('NFD').replace(LATIN_MARKS, '').normalize('NFC');
}

function isArabicMark(c: number): boolean {
	return (
		(c >= 0x064b && c <= 0x065f) ||
		c === 0x0670 ||
		(c >= 0x0610 && c <= 0x061a) ||
		(c >= 0x06d6 && c <= 0x06dc) ||
		(c >= 0x06df && c <= 0x06e8) ||
		(c >= 0x06ea && c <= 0x06ed)
	);
}

/** Codes at and above this are left as they are by pass 1 and classified one by one by pass 2. */
const TABLE_END = 0x0700;
/** Pass 1 drops the character. */
const DROP = -1;
/**
 * Pass 1 by code below `TABLE_END`: what the character becomes (marks and tatweel dropped, ASCII
 * lower case, digits to ASCII, one form per letter), or `DROP`.
 */
const LETTER_OF = Int32Array.from({ length: TABLE_END }, (_, c) => {
	if (c >= 65 && c <= 90) return c + 32;
	if (c < 0x0600) return c;
	if (c === 0x0640 || isArabicMark(c)) return DROP;
	if (c >= 0x0660 && c <= 0x0669) return c - 0x0660 + 48;
	if (c >= 0x06f0 && c <= 0x06f9) return c - 0x06f0 + 48;
	const fold = LETTER_FOLDS[String.fromCharCode(c)];
	return fold === undefined ? c : fold === '' ? DROP : fold.charCodeAt(0);
});

const LETTER = 1;
const OTHER_NUMBER = 2;
const DIGIT = 3;
const CLASS_CACHE = new Map<string, number>();

/** What a character is to the tokenizer: 0 separator, letter, other number, ASCII digit. */
function classOf(c: number, ch: string): number {
	if (c >= 48 && c <= 57) return DIGIT;
	if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return LETTER;
	if (c < 128) return 0;
	if ((c >= 0x0620 && c <= 0x063f) || (c >= 0x0641 && c <= 0x064a)) return LETTER;
	let k = CLASS_CACHE.get(ch);
	if (k === undefined) {
		k = /\p{L}/u.test(ch) ? LETTER : /\p{N}/u.test(ch) ? OTHER_NUMBER : 0;
		if (CLASS_CACHE.size < 4096) CLASS_CACHE.set(ch, k);
	}
	return k;
}

/** `classOf` by code below `TABLE_END`. */
const CLASS_OF = Uint8Array.from({ length: TABLE_END }, (_, c) =>
	classOf(c, String.fromCharCode(c))
);

const isDigit = (c: number) => c >= 48 && c <= 57;

/** What `foldCodes` gives back, in arrays of its own: a call never overwrites another's result. */
interface FoldedCodes {
	/** the folded text's character codes */
	codes: number[];
	/** with `tokenStarts`: where each token starts in the input, and ends */
	tokenAt: number[];
	tokenEnd: number[];
}

/**
 * Folds a comparable text into arrays of its own (re-entrant: no shared output), and returns them.
 *
 * Pass 1: marks and tatweel out, ASCII lower case, digits to ASCII, one form per letter.
 * Pass 2: words of letters and digits separated by single spaces. A comma before exactly three
 * digits groups thousands ("1,200"); otherwise a point or comma between digits is a decimal point.
 * The percent sign is a word of its own; digits and letters that touch are split.
 * @param s the text, `comparable` already
 * @param tokenStarts whether to note in `tokenAt` and `tokenEnd` where each token starts and
 *   ends in `s`
 */
function foldCodes(s: string, tokenStarts: boolean): FoldedCodes {
	const { mapped, mappedAt } = mapLetters(s, tokenStarts);
	return tokenize(mapped, mappedAt, tokenStarts);
}

/** Pass 1: each character of `s` as it folds (dropped ones left out), and where it stood. */
function mapLetters(s: string, tokenStarts: boolean): { mapped: number[]; mappedAt: number[] } {
	const mapped: number[] = [];
	// where each mapped character stands in `s`: only needed to note where tokens start
	const mappedAt: number[] = [];
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		const m = c < TABLE_END ? LETTER_OF[c] : c;
		if (m === DROP) continue;
		mapped.push(m);
		if (tokenStarts) mappedAt.push(i);
	}
	return { mapped, mappedAt };
}

/**
 * A comma before exactly three digits groups thousands ("1,200"): it goes. Any other point or
 * comma between digits is a decimal point.
 */
function isThousandsComma(mapped: number[], i: number): boolean {
	const n = mapped.length;
	return (
		mapped[i] === 44 &&
		i + 3 < n &&
		isDigit(mapped[i + 2]) &&
		isDigit(mapped[i + 3]) &&
		!(i + 4 < n && isDigit(mapped[i + 4]))
	);
}

/** Pass 2: the mapped characters as words of letters and digits separated by single spaces. */
function tokenize(mapped: number[], mappedAt: number[], tokenStarts: boolean): FoldedCodes {
	const n = mapped.length;
	const folded: number[] = [];
	const tokenAt: number[] = [];
	const tokenEnd: number[] = [];
	let pending = false;
	let last = 0;
	for (let i = 0; i < n; i++) {
		const c = mapped[i];
		const betweenDigits = !pending && last === DIGIT && i + 1 < n && isDigit(mapped[i + 1]);
		if ((c === 44 || c === 46) && betweenDigits) {
			if (!isThousandsComma(mapped, i)) {
				folded.push(46);
				last = 0;
			}
			continue; // (a digit follows: it moves the token's end)
		}
		if (c === 37) {
			// the percent sign is a word of its own
			if (folded.length > 0) folded.push(32);
			if (tokenStarts) {
				tokenAt.push(mappedAt[i]);
				tokenEnd.push(mappedAt[i] + 1);
			}
			folded.push(37);
			pending = true;
			last = 0;
			continue;
		}
		// a surrogate pair is one character (YAML and JSON texts may hold any)
		const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < n;
		const k =
			c < TABLE_END
				? CLASS_OF[c]
				: classOf(c, pair ? String.fromCharCode(c, mapped[i + 1]) : String.fromCharCode(c));
		if (k === 0) {
			pending = true;
			if (pair) i++;
			continue;
		}
		// digits and letters that touch are split
		if (!pending && ((k === DIGIT && last === LETTER) || (k === LETTER && last === DIGIT)))
			pending = true;
		if (pending && folded.length > 0) folded.push(32);
		if (tokenStarts && (folded.length === 0 || folded[folded.length - 1] === 32))
			tokenAt.push(mappedAt[i]);
		pending = false;
		folded.push(c);
		if (pair) folded.push(mapped[++i]);
		if (tokenStarts) tokenEnd[tokenAt.length - 1] = mappedAt[i] + 1;
		last = k;
	}
	return { codes: folded, tokenAt, tokenEnd };
}

/** The string of character codes (in slices: a call takes only so many arguments). */
function codesToString(codes: number[]): string {
	if (codes.length <= 4096) return String.fromCharCode(...codes);
	let s = '';
	for (let i = 0; i < codes.length; i += 4096)
		s += String.fromCharCode(...codes.slice(i, i + 4096));
	return s;
}

/** A text folded, with where in the input each of its tokens starts and ends. */
export interface FoldedWithOffsets {
	folded: string;
	tokenStarts: number[];
	tokenEnds: number[];
}

/**
 * `foldArabic` of a `PLAIN` text (which the Unicode normalizations leave as it is), noting where
 * each token of the result starts and ends in the text.
 * @param text a text `PLAIN` matches
 */
export function foldPlainWithOffsets(text: string): FoldedWithOffsets {
	const fold = foldCodes(text, true);
	return { folded: codesToString(fold.codes), tokenStarts: fold.tokenAt, tokenEnds: fold.tokenEnd };
}
