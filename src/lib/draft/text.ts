/**
 * An article read for drafting: each paragraph's words with their offsets, folded forms and
 * lexicon classes, and the clauses and sentences they make. Everything a rule quotes is sliced
 * from the stored paragraph text, so evidence and cloze texts stand in it verbatim.
 */
import { analyzeWithOffsets, foldArabic, normalizeQuote } from '../text/normalize';
import { lexeme, type Lexeme } from '../text/lexicon';

/** The languages drafts are written in. */
export type Lang = 'ar' | 'en';

/** One word (token) of a paragraph. */
export interface Word {
	/** index in the paragraph's words */
	i: number;
	/** the word as written */
	raw: string;
	/** offsets of the written word in the paragraph */
	start: number;
	end: number;
	/** folded token (see `foldArabic`) */
	folded: string;
	/** its clitic-free forms, longest first */
	variants: string[];
	lex?: Lexeme;
	/** what stands between this word and the next: a clause ends at punctuation */
	gapAfter: string;
}

/** A paragraph with its words. */
export interface ReadParagraph {
	id: string;
	n: number;
	text: string;
	words: Word[];
}

/** An article as the draft rules read it. */
export interface ReadArticle {
	slug: string;
	lang: Lang;
	/** the article's date, YYYY-MM-DD */
	date: string;
	paragraphs: ReadParagraph[];
}

/** Punctuation that ends a clause: a quoted or cited phrase never runs over it. */
const CLAUSE_BREAK = /[.!?؟:;؛«»"“”()\n،]|,(?!\d)/;
/** Punctuation that ends a sentence. */
const SENTENCE_BREAK = /[.!?؟\n]/;

/**
 * Reads an article's paragraphs into words.
 * @param article slug, language, date and paragraphs as the bank reads them
 */
export function readArticle(article: {
	slug: string;
	language: string;
	date: string;
	paragraphs: { id: string; n: number; text: string }[];
}): ReadArticle {
	return {
		slug: article.slug,
		lang: article.language.startsWith('ar') ? 'ar' : 'en',
		date: String(article.date).slice(0, 10),
		paragraphs: article.paragraphs.map((p) => ({ ...p, words: readWords(p.text) }))
	};
}

function readWords(text: string): Word[] {
	const a = analyzeWithOffsets(text);
	const words: Word[] = a.tokens.map((folded, i) => ({
		i,
		raw: text.slice(a.starts[i], a.ends[i]),
		start: a.starts[i],
		end: a.ends[i],
		folded,
		variants: a.variants[i],
		lex: lexeme(folded, a.variants[i]),
		gapAfter: ''
	}));
	for (let i = 0; i < words.length; i++) {
		const next = words[i + 1];
		words[i].gapAfter = next ? text.slice(words[i].end, next.start) : text.slice(words[i].end);
	}
	return words;
}

/** Whether a clause ends after word `w`. */
export function breaksAfter(w: Word): boolean {
	return CLAUSE_BREAK.test(w.gapAfter);
}

/** Whether a sentence ends after word `w`. */
export function sentenceEndsAfter(w: Word): boolean {
	return SENTENCE_BREAK.test(w.gapAfter) || w.gapAfter === '';
}

/** A run of words of a paragraph, first to last inclusive. */
export interface Span {
	p: ReadParagraph;
	first: number;
	last: number;
}

/**
 * The text of a span as stored (whitespace folded), for evidence and cloze texts.
 * @param s a span
 */
export function spanText(s: Span): string {
	return normalizeQuote(s.p.text.slice(s.p.words[s.first].start, s.p.words[s.last].end));
}

/** The clause around word `i`: the words between the clause breaks before and after it. */
export function clauseAt(p: ReadParagraph, i: number): Span {
	let first = i;
	while (first > 0 && !breaksAfter(p.words[first - 1])) first--;
	let last = i;
	while (last < p.words.length - 1 && !breaksAfter(p.words[last])) last++;
	return { p, first, last };
}

/** The sentence around word `i`. */
export function sentenceAt(p: ReadParagraph, i: number): Span {
	let first = i;
	while (first > 0 && !sentenceEndsAfter(p.words[first - 1])) first--;
	let last = i;
	while (last < p.words.length - 1 && !sentenceEndsAfter(p.words[last])) last++;
	return { p, first, last };
}

/**
 * A window of at most `max` words around words `from`..`to`, inside their clause (widened to the
 * sentence when the clause is shorter than `min`).
 */
export function windowAround(p: ReadParagraph, from: number, to: number, min = 5, max = 14): Span {
	let c = clauseAt(p, from);
	if (c.last < to || c.last - c.first + 1 < min) {
		const s = sentenceAt(p, from);
		// a sentence that runs over a quote mark is not a quotable window
		c = s;
	}
	let first = c.first;
	let last = Math.max(c.last, to);
	while (last - first + 1 > max) {
		// trim the side farther from the target
		if (from - first > last - to) first++;
		else last--;
	}
	return { p, first: Math.min(first, from), last: Math.max(last, to) };
}

/** Whether a span crosses a clause break inside it (a quote mark, a bracket…). */
export function crossesQuote(s: Span): boolean {
	for (let i = s.first; i < s.last; i++) if (/[«»"“”()]/.test(s.p.words[i].gapAfter)) return true;
	return false;
}

/** A folded form comparable across clitics: the shortest variant. */
export function stemOf(w: Word): string {
	return w.variants.reduce((a, b) => (b.length < a.length ? b : a));
}

/** Folds a phrase the way words are folded. */
export const fold = foldArabic;

/**
 * The written part of a word that stands for a clitic-free variant: "وسرت" → "سرت", so a
 * blank or a key can leave the conjunction outside.
 * @param w a word
 * @param variant one of its variants
 */
export function rawForVariant(w: Word, variant: string): string {
	for (let k = 0; k <= Math.min(3, w.raw.length - 1); k++) {
		if (foldArabic(w.raw.slice(k)) === variant) return w.raw.slice(k);
	}
	return w.raw;
}
