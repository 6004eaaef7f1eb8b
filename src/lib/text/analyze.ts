/**
 * Texts folded and split into tokens, each with its clitic-free variants, to be matched many times:
 * whole texts, texts whose tokens know where they came from, spans of them, phrases found in them.
 * Pure TypeScript: no DOM, no Node.
 */
import { foldArabic, foldPlainWithOffsets, PLAIN } from './fold';
import { stemVariants } from './stems';

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
	if (PLAIN.test(text)) {
		// one fold of the whole text, which notes where each token starts and ends
		const fold = foldPlainWithOffsets(text);
		const tokens = fold.folded === '' ? [] : fold.folded.split(' ');
		return {
			folded: fold.folded,
			tokens,
			variants: tokens.map(stemVariants),
			tokenStarts: fold.tokenStarts,
			tokenEnds: fold.tokenEnds
		};
	}
	// Unicode normalization moves characters: fold word by word (folding never joins across a
	// space), each token spanning its whole word
	const tokens: string[] = [];
	const tokenStarts: number[] = [];
	const tokenEnds: number[] = [];
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
