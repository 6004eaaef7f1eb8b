/**
 * The one text normalization of Dalil, used by the bank's grounding check, the grader and search.
 *
 * Two strengths:
 * - `normalizeQuote`: Unicode NFC and whitespace folding only. An evidence quote must stand in its
 *   paragraph under this, so a quote stays a real quote.
 * - `foldArabic` / `analyze`: the Arabic-aware folding that answers are judged by (diacritics, hamza
 *   and alef forms, taa marbuta, alef maqsura, tatweel, look-alike letters, digits in any script,
 *   punctuation), with clitic-aware token matching on top.
 *
 * Pure TypeScript: no DOM, no Node, no Svelte. Runs in the server, the browser and the CLI.
 */

/** Any run of white space, including no-break and zero-width spaces that pasted text brings. */
const SPACES = /(?:[\s\u00A0\u200B\u200C\u2060\uFEFF]|\u200D)+/gu;

/**
 * Unicode NFC and whitespace folding, trimmed: the only normalization an evidence quote gets.
 * @param text any text
 */
export function normalizeQuote(text: string): string {
	const s = text.normalize('NFC');
	// most quotes have single plain spaces only: no new string then
	return foldsSpaces(s) ? s.replace(SPACES, ' ').trim() : s;
}

/** Whether `normalizeQuote` has spaces to fold or trim in an NFC text. */
function foldsSpaces(s: string): boolean {
	const n = s.length;
	if (n > 0 && (isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(n - 1)))) return true;
	for (let i = 0; i < n; i++) {
		const c = s.charCodeAt(i);
		if (c === 32 ? s.charCodeAt(i + 1) === 32 || isSpace(s.charCodeAt(i + 1)) : isSpace(c)) {
			return true;
		}
	}
	return false;
}

/** The characters `SPACES` matches, by code (a paragraph is scanned character by character). */
function isSpace(c: number): boolean {
	if (c === 32 || (c >= 9 && c <= 13)) return true;
	if (c < 0xa0) return false;
	return (
		c === 0xa0 ||
		c === 0x1680 ||
		(c >= 0x2000 && c <= 0x200d) ||
		c === 0x2028 ||
		c === 0x2029 ||
		c === 0x202f ||
		c === 0x205f ||
		c === 0x2060 ||
		c === 0x3000 ||
		c === 0xfeff
	);
}

/**
 * `normalizeQuote` of a text with, for each character of the result, its offset in the input, so a
 * match found in the folded text can be highlighted in the stored one.
 * Assumes the input is already NFC (stored paragraphs are checked to be).
 * @param text an NFC text
 */
export function normalizeQuoteWithOffsets(text: string): { text: string; offsets: number[] } {
	if (!foldsSpaces(text)) {
		// nothing to fold (most paragraphs): the text itself, each character where it stands
		const offsets = new Array<number>(text.length);
		for (let i = 0; i < text.length; i++) offsets[i] = i;
		return { text, offsets };
	}
	let out = '';
	const offsets: number[] = [];
	let pendingSpace = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (isSpace(text.charCodeAt(i))) {
			pendingSpace = out.length > 0;
			continue;
		}
		if (pendingSpace) {
			out += ' ';
			offsets.push(i - 1);
			pendingSpace = false;
		}
		out += ch;
		offsets.push(i);
	}
	return { text: out, offsets };
}

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
const PLAIN =
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
	const n = mapped.length;
	const folded: number[] = [];
	const tokenAt: number[] = [];
	const tokenEnd: number[] = [];
	let pending = false;
	let last = 0;
	for (let i = 0; i < n; i++) {
		const c = mapped[i];
		if (
			(c === 44 || c === 46) &&
			!pending &&
			last === DIGIT &&
			i + 1 < n &&
			isDigit(mapped[i + 1])
		) {
			const grouping =
				c === 44 &&
				i + 3 < n &&
				isDigit(mapped[i + 2]) &&
				isDigit(mapped[i + 3]) &&
				!(i + 4 < n && isDigit(mapped[i + 4]));
			if (!grouping) {
				folded.push(46);
				last = 0;
			}
			continue; // (a digit follows: it moves the token's end)
		}
		if (c === 37) {
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

/**
 * The forms a folded Arabic token may stand for once its clitics are taken off, longest first:
 * conjunction و/ف, then preposition ب/ك/ل, then the article ال (لل = ل + ال). Each step is
 * optional, and a step is only taken when a real stem (3+ letters, 2+ after the article) is left,
 * so "وزير" still offers itself, and "الليبيين" meets "ليبيين".
 * @param token one folded token
 */
export function stemVariants(token: string): string[] {
	let out = STEMS.get(token);
	if (out === undefined) {
		out = stems(token);
		// bounded: a bank's or a class's vocabulary fits many times over
		if (STEMS.size >= 50_000) STEMS.clear();
		STEMS.set(token, out);
	}
	return out;
}

/** Tokens seen before and their variants (shared arrays: callers only read them). */
const STEMS = new Map<string, string[]>();

function stems(token: string): string[] {
	const out = [token];
	if (!/^[\u0621-\u064A]/.test(token)) return out;
	const afterConj = [token];
	if (/^[وف]/.test(token) && token.length >= 4) afterConj.push(token.slice(1));
	for (const a of afterConj) {
		const afterPrep = [a];
		if (a.startsWith('لل') && a.length >= 4) afterPrep.push(a.slice(2));
		else if (/^[بكل]/.test(a) && a.length >= 4) afterPrep.push(a.slice(1));
		for (const b of afterPrep) {
			if (!out.includes(b)) out.push(b);
			if (b.startsWith('ال') && b.length >= 4) {
				const c = b.slice(2);
				if (!out.includes(c)) out.push(c);
			}
		}
	}
	return out;
}

/** A text folded and split into tokens, each with its clitic-free variants. */
export interface Analyzed {
	/** the folded text */
	folded: string;
	/** folded tokens, in order */
	tokens: string[];
	/** for each token, `stemVariants(token)` */
	variants: string[][];
}

/**
 * Folds and tokenizes a text once, so it can be matched many times.
 * @param text any text
 */
export function analyze(text: string): Analyzed {
	const folded = foldArabic(text);
	const tokens = folded === '' ? [] : folded.split(' ');
	return { folded, tokens, variants: tokens.map(stemVariants) };
}

/** An analyzed text whose tokens know which characters of the text they were folded from. */
export interface AnalyzedWords extends Analyzed {
	/** for each token, the offset in the text of its first character */
	tokenStarts: number[];
	/** for each token, the offset just past its last character */
	tokenEnds: number[];
}

/**
 * `analyze` of a text, noting where each token comes from, so that the analysis of a span of it
 * can be sliced out (`analyzedSpan`) instead of folded again.
 * @param text a text with single spaces between words and none at its ends
 */
export function analyzeWords(text: string): AnalyzedWords {
	const tokenStarts: number[] = [];
	const tokenEnds: number[] = [];
	if (PLAIN.test(text)) {
		// one fold of the whole text, which notes where each token starts and ends
		const fold = foldCodes(text, true);
		const folded = codesToString(fold.codes);
		const tokens = folded === '' ? [] : folded.split(' ');
		for (let t = 0; t < tokens.length; t++) {
			tokenStarts.push(fold.tokenAt[t]);
			tokenEnds.push(fold.tokenEnd[t]);
		}
		return { folded, tokens, variants: tokens.map(stemVariants), tokenStarts, tokenEnds };
	}
	// Unicode normalization moves characters: fold word by word (folding never joins across a
	// space), each token spanning its whole word
	const tokens: string[] = [];
	for (let start = 0; start < text.length;) {
		let end = text.indexOf(' ', start);
		if (end < 0) end = text.length;
		const folded = foldArabic(text.slice(start, end));
		if (folded !== '') {
			for (const token of folded.split(' ')) {
				tokens.push(token);
				tokenStarts.push(start);
				tokenEnds.push(end);
			}
		}
		start = end + 1;
	}
	return {
		folded: tokens.join(' '),
		tokens,
		variants: tokens.map(stemVariants),
		tokenStarts,
		tokenEnds
	};
}

/**
 * The analysis of `length` characters of an `analyzeWords` text from `at`, sliced from it: the
 * tokens made wholly inside the span. Undefined when a token of the text straddles either end
 * of the span (a word, a number such as 1,200 or a decimal cut in two): fold the span then.
 * @param words the analyzed text
 * @param at where the span starts
 * @param length how long it is
 */
export function analyzedSpan(
	words: AnalyzedWords,
	at: number,
	length: number
): Analyzed | undefined {
	const end = at + length;
	const { tokenStarts: starts, tokenEnds: ends } = words;
	const first = firstAtOrAfter(starts, at);
	const next = firstAtOrAfter(starts, end);
	if (first > 0 && ends[first - 1] > at) return undefined;
	if (next > first && ends[next - 1] > end) return undefined;
	const tokens = words.tokens.slice(first, next);
	return { folded: tokens.join(' '), tokens, variants: words.variants.slice(first, next) };
}

/** Index of the first of the ascending `offsets` at or after `at` (binary search). */
function firstAtOrAfter(offsets: number[], at: number): number {
	let lo = 0;
	let hi = offsets.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (offsets[mid] < at) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/**
 * Whether two analyzed tokens are the same word, clitics aside.
 * @param a variants of one token
 * @param b variants of the other
 */
export function sameWord(a: string[], b: string[]): boolean {
	if (a[0] === b[0]) return true;
	for (let i = 0; i < a.length; i++)
		for (let k = 0; k < b.length; k++) if (a[i] === b[k]) return true;
	return false;
}

/**
 * Where the tokens of `needle` stand in a row in `haystack` (clitics aside), or -1.
 * @param haystack the analyzed text searched
 * @param needle the analyzed phrase sought
 * @param from the first token index to try
 */
export function findPhrase(haystack: Analyzed, needle: Analyzed, from = 0): number {
	const n = needle.tokens.length;
	if (n === 0) return -1;
	outer: for (let i = from; i + n <= haystack.tokens.length; i++) {
		for (let k = 0; k < n; k++) {
			if (!sameWord(haystack.variants[i + k], needle.variants[k])) continue outer;
		}
		return i;
	}
	return -1;
}

/** An analyzed text whose tokens know where they stand in the original text. */
export interface AnalyzedWithOffsets extends Analyzed {
	/** for each token, the offset of the word it came from in the original text */
	starts: number[];
	/** for each token, the end offset (exclusive) of the word it came from */
	ends: number[];
}

/** A written word: letters, digits, marks and tatweel, with decimals and a percent sign kept on. */
const WORD = /[\p{L}\p{N}\p{M}\u0640]+(?:[.,\u066B\u066C][\p{N}]+)*[%\u066A]?/gu;

/**
 * `analyze` of a text, with each token's offsets in the original, so a phrase found in the folded
 * tokens can be highlighted in the stored text.
 * @param text any text
 */
export function analyzeWithOffsets(text: string): AnalyzedWithOffsets {
	const tokens: string[] = [];
	const starts: number[] = [];
	const ends: number[] = [];
	for (const m of text.matchAll(WORD)) {
		const folded = foldArabic(m[0]);
		if (folded === '') continue;
		for (const t of folded.split(' ')) {
			tokens.push(t);
			starts.push(m.index);
			ends.push(m.index + m[0].length);
		}
	}
	return { folded: tokens.join(' '), tokens, variants: tokens.map(stemVariants), starts, ends };
}

/**
 * Optimal string alignment distance (Levenshtein with adjacent transpositions), or `max + 1` as
 * soon as it is known to exceed `max`.
 * @param a one word
 * @param b the other
 * @param max the largest distance of interest
 */
export function editDistance(a: string, b: string, max = Infinity): number {
	if (a === b) return 0;
	if (Math.abs(a.length - b.length) > max) return max + 1;
	const n = b.length;
	if (n + 1 > ROW) {
		ROW = n + 1;
		ROW_BUFFERS.splice(0, 3, ...[0, 1, 2].map(() => new Int32Array(ROW)));
	}
	let prev2 = ROW_BUFFERS[0];
	let prev = ROW_BUFFERS[1];
	let cur = ROW_BUFFERS[2];
	for (let j = 0; j <= n; j++) prev[j] = j;
	for (let i = 1; i <= a.length; i++) {
		cur[0] = i;
		let rowMin = i;
		const ai = a.charCodeAt(i - 1);
		for (let j = 1; j <= n; j++) {
			const bj = b.charCodeAt(j - 1);
			let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1));
			if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
				v = Math.min(v, prev2[j - 2] + 1);
			}
			cur[j] = v;
			if (v < rowMin) rowMin = v;
		}
		if (rowMin > max) return max + 1;
		const t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[n];
}

/** Reused rows of `editDistance` (words are short; grown if ever needed). */
let ROW = 64;
const ROW_BUFFERS: Int32Array[] = [0, 1, 2].map(() => new Int32Array(ROW));
