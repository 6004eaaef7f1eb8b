/**
 * What a draft is: a question in the bank's own format, the rule that made it, and the fact it
 * asks (drafts that ask one fact share it). Helpers the rules share to build one.
 */
import type { QuestionInput, Skill } from '../bank/schema';
import { foldArabic, normalizeQuote } from '../text/normalize';
import { arabicSkeleton } from '../text/names';
import { parseCloze } from '../bank/cloze';
import type { Lang, ReadParagraph, Span } from './text';
import { spanText } from './text';

/** The rules, by the name each draft gives. */
export const DRAFT_RULES = [
	'distance',
	'direction',
	'number-cloze',
	'name-cloze',
	'who-is',
	'role-of',
	'people-roles',
	'who-said',
	'meeting',
	'truefalse',
	'ordering',
	'completion'
] as const;
export type DraftRule = (typeof DRAFT_RULES)[number];

/** One drafted question. */
export interface Draft {
	rule: DraftRule;
	/** the fact it asks: drafts asking the same fact share it */
	fact: string;
	question: QuestionInput;
	/** a short reason, written above the draft in drafts.yaml */
	why: string;
}

/** An answer a student might give, with its verdict (the bank's `examples`). */
export type Example = NonNullable<QuestionInput['examples']>[number];

/** Ordinal names of paragraphs, for prompts and explanations. */
export function paragraphName(lang: Lang, n: number): string {
	return lang === 'ar' ? `الفقرة ${n}` : `paragraph ${n}`;
}

/**
 * The explanation of a draft: where the text says it, in its own words.
 * @param lang the article's language
 * @param quotes the evidence, with the paragraph each stands in
 */
export function explain(lang: Lang, quotes: { p: ReadParagraph; text: string }[]): string {
	const parts = quotes.map((q) =>
		lang === 'ar'
			? `في ${paragraphName(lang, q.p.n)}: «${q.text}»`
			: `Paragraph ${q.p.n} says: “${q.text}”`
	);
	return parts.join(lang === 'ar' ? '؛ و' : '; ') + (lang === 'ar' ? '.' : '.');
}

/** The paragraphs a set of spans stand in, in article order, as the bank names them. */
export function paragraphsOf(spans: Span[]): string | string[] {
	const ps = [...new Set(spans.map((s) => s.p))].sort((a, b) => a.n - b.n).map((p) => p.id);
	return ps.length === 1 ? ps[0] : ps;
}

/** The fields every draft has, from its evidence spans. */
export function common(
	lang: Lang,
	id: string,
	evidence: Span[],
	skill: Skill,
	difficulty: 1 | 2 | 3
) {
	const texts = evidence.map((s) => ({ p: s.p, text: spanText(s) }));
	const unique = texts.filter((t, i) => texts.findIndex((o) => o.text === t.text) === i);
	return {
		id,
		paragraph: paragraphsOf(evidence),
		evidence: unique.length === 1 ? unique[0].text : unique.map((t) => t.text),
		explanation: explain(lang, unique),
		skill,
		difficulty
	};
}

/** A slug made of ASCII letters and digits for ids and fact names. */
export function slugOf(text: string, fallback: string): string {
	// Arabic names by their consonant skeleton: «طرابلس» → trbls
	const latin = normalizeQuote(text)
		.split(/\s+/)
		.map((w) =>
			/[\u0600-\u06FF]/.test(w) ? arabicSkeleton(foldArabic(w).replace(/^ال/, '')).toLowerCase() : w
		)
		.join(' ');
	const s = latin
		.toLowerCase()
		.normalize('NFD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 30);
	return s || fallback;
}

/** Arabic-Indic digits for a number written in ASCII digits: students type either. */
export function arabicDigits(s: string): string {
	return s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
}

/** Picks up to `n` items whose length is nearest the key's, so length gives nothing away. */
export function similarLength<T>(key: string, items: T[], text: (t: T) => string, n: number): T[] {
	return [...items]
		.sort((a, b) => Math.abs(text(a).length - key.length) - Math.abs(text(b).length - key.length))
		.slice(0, n);
}

type Loose = Record<string, unknown>;
const optionTexts = (o: unknown): string[] =>
	typeof o === 'string'
		? [o]
		: o && typeof o === 'object'
			? [(o as Loose).text, (o as Loose).proof].filter((x): x is string => typeof x === 'string')
			: [];

/**
 * What a draft asks a student to give or recognise as right: its keys (with their proofs).
 * @param d a draft
 */
export function askedKeys(d: Draft): string[] {
	const q = d.question as Loose;
	switch (q.type) {
		case 'single':
		case 'short':
			return optionTexts(q.answer);
		case 'multiple':
			return (q.answer as unknown[]).flatMap(optionTexts);
		case 'numeric':
			return [String((q.answer as { value: number }).value)];
		case 'cloze':
			return parseCloze(q.text as string).blanks.map((b) => b.answer);
		case 'truefalse':
			return q.answer ? [q.prompt as string] : [q.correction as string];
		case 'matching':
			return (q.pairs as { left: unknown; right: unknown }[]).flatMap((p) => [
				...optionTexts(p.left),
				...optionTexts(p.right)
			]);
		case 'ordering':
			return (q.items as unknown[]).flatMap(optionTexts);
		default:
			return [];
	}
}

/**
 * Whether two drafts ask the same fact: the same skill and the same keys, proven by passages that
 * overlap. Such drafts must share their `fact`.
 * @param a a draft
 * @param b another
 */
export function sameFact(a: Draft, b: Draft): boolean {
	if (a.question.skill !== b.question.skill) return false;
	const asked = (d: Draft) => [...new Set(askedKeys(d).map((k) => foldArabic(k)))].sort().join('|');
	if (asked(a) !== asked(b)) return false;
	const passage = (d: Draft) => [d.question.evidence].flat().map((e) => foldArabic(e));
	return passage(a).some((x) => passage(b).some((y) => x.includes(y) || y.includes(x)));
}
