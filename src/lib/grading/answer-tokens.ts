/**
 * A typed answer as tokens: folded, with clitic-free variants, lexicon classes and numbers
 * (Arabizi digits read as letters first), and the stretch of the typed text a match came from.
 * Pure TypeScript: no DOM, no Node.
 */
import {
	analyze,
	analyzeWithOffsets,
	type Analyzed,
	type AnalyzedWithOffsets
} from '../text/analyze';
import { lexeme, type Lexeme } from '../text/lexicon';
import { isLatin, readArabizi } from '../text/names';
import { findNumbers, unitOf, type FoundNumber } from '../text/units';

export interface RTok {
	token: string;
	variants: string[];
	lex?: Lexeme;
	/** index into the response's numbers, for number and unit tokens */
	num?: number;
	latin: boolean;
	/** worked out when first needed */
	latinSk?: string[];
	/** Latin skeletons of the variants read as Arabic letters (هولت for Holt) */
	arabicSk?: string[];
	spell?: string[];
	bare?: string[];
	inVocab?: boolean;
	fuzzy?: { v: string; mask: number }[];
}

export interface PreparedResponse {
	a: Analyzed;
	toks: RTok[];
	numbers: FoundNumber[];
	/** for each token, it and the next written as one word (worked out when first needed) */
	joinedWithNext: (RTok | undefined)[];
	/** the answer as typed, analyzed with offsets (worked out when first needed) */
	typed?: AnalyzedWithOffsets;
}

/**
 * The words of the answer as the student typed them that the tokens `used` came from: the whole
 * answer when they are all of it, else the stretch of it from the first to the last.
 */
export function surface(text: string, resp: PreparedResponse, used: number[]): string {
	if (used.length === 0) return '';
	if (used.length === resp.toks.length) return text.trim();
	const w = (resp.typed ??= analyzeWithOffsets(text));
	// the two tokenizations agree but for odd cases; then the folded words will do
	if (w.tokens.join(' ') !== resp.a.folded) return used.map((j) => resp.toks[j].token).join(' ');
	const from = Math.min(...used);
	const to = Math.max(...used);
	return text.slice(w.starts[from], w.ends[to]);
}

const isUnit = (word: string) => unitOf(word) !== undefined;

export function prepareResponse(text: string): PreparedResponse {
	const a = analyze(readArabizi(text, isUnit));
	const numbers = findNumbers(a);
	const toks: RTok[] = a.tokens.map((token, i) => ({
		token,
		variants: a.variants[i],
		lex: lexeme(token, a.variants[i]),
		latin: isLatin(token)
	}));
	numbers.forEach((n, k) => {
		for (let j = 0; j < (n.length ?? 1); j++) toks[n.index + j].num = k;
	});
	// a number word is a number, not a hedge or filler ("a hundred")
	for (const t of toks) if (t.num !== undefined) t.lex = undefined;
	return { a, toks, numbers, joinedWithNext: [] };
}

/**
 * Token `i` of the answer and the next written as one word ("بن علي" → "بنعلي"), made once per
 * answer so that what is worked out about it when matching serves every key form.
 */
export function joinedWithNext(resp: PreparedResponse, i: number): RTok {
	let tok = resp.joinedWithNext[i];
	if (!tok) {
		const first = resp.toks[i];
		const joined = first.variants[first.variants.length - 1] + resp.toks[i + 1].token;
		tok = { token: joined, variants: [joined], latin: isLatin(joined) };
		resp.joinedWithNext[i] = tok;
	}
	return tok;
}
