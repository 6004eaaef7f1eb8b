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
	/** where each clitic-free form stands in `all`: [paragraph index, token index] pairs */
	positions: Map<string, number[]>;
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
 */
export function prepareContext(
	cited: ContextParagraph[],
	article: ContextParagraph[] = cited,
	prompt?: string,
	date?: string
): PreparedContext {
	const near = cited.map((p) => ({ id: p.id, a: analyzeWithOffsets(p.text) }));
	const nearMeanings = new Set<string>();
	const nearNumbers = new Set<number>();
	for (const { a } of near) {
		a.tokens.forEach((t, i) => {
			const l = lexeme(t, a.variants[i]);
			if (l) nearMeanings.add(`${l.cls}:${l.id}`);
		});
		for (const n of findNumbers(a)) nearNumbers.add(n.value);
	}
	const vocabulary = new Set<string>();
	const all: Analyzed[] = [];
	for (const p of article) {
		const a = analyze(p.text);
		all.push(a);
		a.tokens.forEach((t, i) => {
			if (lexeme(t, a.variants[i])) return;
			for (const v of a.variants[i]) if (v.length >= 3) vocabulary.add(v);
		});
	}
	const positions = new Map<string, number[]>();
	all.forEach((a, pi) => {
		a.variants.forEach((vs, ti) => {
			for (const v of vs) {
				let list = positions.get(v);
				if (!list) positions.set(v, (list = []));
				list.push(pi, ti);
			}
		});
	});
	const afterTitle = new Set<string>();
	for (const a of all) {
		a.tokens.forEach((t, i) => {
			if (i > 0 && lexeme(a.tokens[i - 1], a.variants[i - 1])?.cls === 'title') {
				for (const v of a.variants[i]) afterTitle.add(v);
			}
		});
	}
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
	const promptSet = new Set<string>();
	let asksWho = false;
	if (prompt) {
		const p = analyze(prompt);
		for (const vs of p.variants) for (const v of vs) promptSet.add(v);
		asksWho =
			(/^(من|who|whom)$/.test(p.tokens[0] ?? '') && p.tokens[1] !== 'اي') ||
			p.variants.some((vs) => vs.includes('اسم') || vs.includes('name'));
	}
	return {
		near,
		nearMeanings,
		nearNumbers,
		vocabulary,
		all,
		positions,
		prompt: promptSet,
		afterTitle,
		asksWho,
		before,
		date
	};
}
