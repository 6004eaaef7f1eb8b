/**
 * The text around an answer, prepared once per question and article: the cited paragraphs,
 * the article's vocabulary (the pool of likely wrong answers), the words before names (shared
 * surnames), the prompt's words, and the article's date.
 * Pure TypeScript: no DOM, no Node.
 */
import {
	analyze,
	analyzeWithOffsets,
	type Analyzed,
	type AnalyzedWithOffsets
} from '../text/analyze';
import { lexeme } from '../text/lexicon';
import { findNumbers } from '../text/units';

/** A paragraph the grader may use as context. */
export interface ContextParagraph {
	id: string;
	text: string;
}

/** The text around an answer, prepared once. */
/** Where a word stands in the article: its paragraph (index in `all`) and its token there. */
export interface WordPosition {
	paragraph: number;
	token: number;
}

export interface PreparedContext {
	/** the cited paragraphs, analyzed with offsets */
	near: { id: string; a: AnalyzedWithOffsets }[];
	/** lexicon meanings (e.g. "direction:W") the cited paragraphs hold */
	nearMeanings: Set<string>;
	/** number values the cited paragraphs hold */
	nearNumbers: Set<number>;
	/** every clitic-free form of every word of the article (the pool of likely wrong answers) */
	vocabulary: Set<string>;
	/** every paragraph of the article, analyzed: a quote of it around the key is context */
	all: Analyzed[];
	/** where each clitic-free form stands in `all` */
	positions: Map<string, WordPosition[]>;
	/** words of the question's prompt: a student may repeat them */
	prompt: Set<string>;
	/** words that follow a title in the text (المشير خليفة حفتر): the start of a person's name */
	afterTitle: Set<string>;
	/** the prompt asks who (من، who) or for a name (اسم، name): the key names a person */
	asksWho: boolean;
	/** for each clitic-free form, the words that stand right before it in the article and could be
	 * first names (not lexicon words, no article ال): whether a surname is shared */
	before: Map<string, string[]>;
	/** the article's date (YYYY-MM-DD), for relative times */
	date?: string;
}

/**
 * Prepares the context of a question.
 * @param cited the paragraphs the question is keyed to
 * @param article all paragraphs of the article (the wider pool of names)
 * @param prompt the question's prompt, if any
 * @param date the article's date (YYYY-MM-DD), for relative times
 */
export function prepareContext(
	cited: ContextParagraph[],
	article: ContextParagraph[] = cited,
	prompt?: string,
	date?: string
): PreparedContext {
	const near = cited.map((p) => ({ id: p.id, ...paragraphWords(p) }));
	const asked = prompt === undefined ? undefined : analyze(prompt);
	return {
		near: near.map((p) => ({ id: p.id, a: p.a })),
		...whatTheCitedParagraphsSay(near),
		...articleWords(article),
		prompt: new Set(asked?.variants.flat() ?? []),
		asksWho: asked !== undefined && asksForAPerson(asked),
		date
	};
}

/** What a context takes from one cited paragraph: its analysis, meanings and numbers. */
interface ParagraphWords {
	a: AnalyzedWithOffsets;
	meanings: Set<string>;
	numbers: Set<number>;
}

/** What a context takes from the whole article, the same for every question of it. */
type ArticleWords = Pick<
	PreparedContext,
	'vocabulary' | 'all' | 'positions' | 'afterTitle' | 'before'
>;

/*
 * A bank's paragraphs do not change once loaded, and every question of an article shares them:
 * what is read from a paragraph or an article is kept for as long as they live, and read only.
 */
const byParagraph = new WeakMap<ContextParagraph, ParagraphWords>();
const byArticle = new WeakMap<ContextParagraph[], ArticleWords>();

function paragraphWords(p: ContextParagraph): ParagraphWords {
	let words = byParagraph.get(p);
	if (!words) {
		const a = analyzeWithOffsets(p.text);
		words = { a, ...meaningsAndNumbers(a) };
		byParagraph.set(p, words);
	}
	return words;
}

function articleWords(article: ContextParagraph[]): ArticleWords {
	let words = byArticle.get(article);
	if (!words) {
		const all = article.map((p) => analyze(p.text));
		words = {
			vocabulary: vocabularyOf(all),
			all,
			positions: positionsOf(all),
			afterTitle: wordsAfterTitles(all),
			before: possibleFirstNames(all)
		};
		byArticle.set(article, words);
	}
	return words;
}

/** The lexicon meanings and the numbers the cited paragraphs hold. */
function whatTheCitedParagraphsSay(near: ParagraphWords[]) {
	// one paragraph's own sets, as most questions cite one
	if (near.length === 1) return { nearMeanings: near[0].meanings, nearNumbers: near[0].numbers };
	const nearMeanings = new Set<string>();
	const nearNumbers = new Set<number>();
	for (const p of near) {
		for (const m of p.meanings) nearMeanings.add(m);
		for (const n of p.numbers) nearNumbers.add(n);
	}
	return { nearMeanings, nearNumbers };
}

/** The lexicon meanings and the numbers a paragraph holds. */
function meaningsAndNumbers(a: Analyzed) {
	const meanings = new Set<string>();
	const numbers = new Set<number>();
	a.tokens.forEach((t, i) => {
		const l = lexeme(t, a.variants[i]);
		if (l) meanings.add(`${l.cls}:${l.id}`);
	});
	for (const n of findNumbers(a)) numbers.add(n.value);
	return { meanings, numbers };
}

/** Every clitic-free form (3+ letters) of every word of the article outside the lexicon. */
function vocabularyOf(all: Analyzed[]): Set<string> {
	const vocabulary = new Set<string>();
	for (const a of all) {
		a.tokens.forEach((t, i) => {
			if (lexeme(t, a.variants[i])) return;
			for (const v of a.variants[i]) if (v.length >= 3) vocabulary.add(v);
		});
	}
	return vocabulary;
}

/** Where each clitic-free form stands in the article. */
function positionsOf(all: Analyzed[]): Map<string, WordPosition[]> {
	const positions = new Map<string, WordPosition[]>();
	all.forEach((a, paragraphIndex) => {
		a.variants.forEach((variants, tokenIndex) => {
			for (const v of variants) {
				let list = positions.get(v);
				if (!list) positions.set(v, (list = []));
				list.push({ paragraph: paragraphIndex, token: tokenIndex });
			}
		});
	});
	return positions;
}

/** Words that follow a title in the text (المشير خليفة حفتر): the start of a person's name. */
function wordsAfterTitles(all: Analyzed[]): Set<string> {
	const afterTitle = new Set<string>();
	for (const a of all) {
		for (let i = 1; i < a.tokens.length; i++) {
			if (lexeme(a.tokens[i - 1], a.variants[i - 1])?.cls !== 'title') continue;
			for (const v of a.variants[i]) afterTitle.add(v);
		}
	}
	return afterTitle;
}

/** For each clitic-free form, the words right before it that could be first names. */
function possibleFirstNames(all: Analyzed[]): Map<string, string[]> {
	const before = new Map<string, string[]>();
	for (const a of all) {
		for (let i = 1; i < a.tokens.length; i++) {
			const first = a.tokens[i - 1];
			// not a word with a clitic or the article (وأشار، الفريق), nor a plural in ات
			if (a.variants[i - 1].length > 1 || first.length < 3 || /ات$/.test(first)) continue;
			if (lexeme(first, a.variants[i - 1]) || /\d/.test(first)) continue;
			for (const v of a.variants[i]) {
				const list = before.get(v);
				if (!list) before.set(v, [first]);
				else if (!list.includes(first)) list.push(first);
			}
		}
	}
	return before;
}

/** The prompt asks who (من، who) or for a name (اسم، name). */
function asksForAPerson(prompt: Analyzed): boolean {
	return (
		(/^(من|who|whom)$/.test(prompt.tokens[0] ?? '') && prompt.tokens[1] !== 'اي') ||
		prompt.variants.some((variants) => variants.includes('اسم') || variants.includes('name'))
	);
}
