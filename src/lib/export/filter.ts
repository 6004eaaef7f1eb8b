/**
 * Choosing questions: the teacher page's filters and the CLI's, one schema for both, validated
 * at the boundary (query string or command line) so bad input is a clear 400, not a crash.
 */
import { z } from 'zod';
import type { BankQuestion } from '../bank/check';
import { QUESTION_TYPES, SKILLS, paragraphId, parseCloze, questionId } from '../bank/schema';
import { foldArabic, stemVariants } from '../text/normalize';

/** A filter field that may be given once, many times, or as a comma-separated list. */
function list<T extends z.ZodType<unknown, string>>(item: T) {
	return z
		.union([z.string(), z.array(z.string())])
		.optional()
		.transform((v) =>
			(Array.isArray(v) ? v : v === undefined ? [] : [v])
				.flatMap((s) => s.split(','))
				.map((s) => s.trim())
				.filter((s) => s !== '')
		)
		.pipe(z.array(item));
}

/** The filters, as the query string (`?type=single&skill=where`) or the CLI give them. */
export const filterSchema = z.strictObject({
	article: list(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'unknown article' })),
	paragraph: list(paragraphId),
	type: list(z.enum(QUESTION_TYPES, { error: `type is one of ${QUESTION_TYPES.join(', ')}` })),
	skill: list(z.enum(SKILLS, { error: `skill is one of ${SKILLS.join(', ')}` })),
	difficulty: list(
		z
			.enum(['1', '2', '3'], { error: 'difficulty is 1, 2 or 3' })
			.transform((d) => Number(d) as 1 | 2 | 3)
	),
	tag: list(z.string().max(100, { error: 'a tag is at most 100 characters' })),
	ids: list(questionId),
	q: z
		.string()
		.max(200, { error: 'the search is at most 200 characters' })
		.optional()
		.transform((s) => s?.trim() ?? '')
});
export type Filter = z.output<typeof filterSchema>;

/** The fields the query string may carry, for building `filterSchema`'s input from a URL. */
export const FILTER_KEYS = [
	'article',
	'paragraph',
	'type',
	'skill',
	'difficulty',
	'tag',
	'ids',
	'q'
] as const;

/**
 * The filter input from a URL's query: repeated keys become lists, empty values are dropped,
 * other keys are ignored.
 * @param params the query
 */
export function filterInput(params: URLSearchParams): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const key of FILTER_KEYS) {
		const values = params.getAll(key).filter((v) => v.trim() !== '');
		if (values.length === 0) continue;
		out[key] = key === 'q' ? values[0] : values;
	}
	return out;
}

/**
 * A readable message of a zod error, one line per problem, naming the field.
 * @param error the zod error
 */
export function filterError(error: z.ZodError): string {
	return error.issues
		.map(
			(i) => `${i.path.filter((p) => typeof p === 'string').join('.') || 'filter'}: ${i.message}`
		)
		.join('; ');
}

/**
 * The fields a validation failed on, as the query or form names them (`type`, `copies`), once
 * each: what an interface message names, in its own language (the CLI prints `filterError`).
 * @param error the failed validation
 */
export function invalidFields(error: z.ZodError): string[] {
	const names = error.issues.map((i) => String(i.path.find((p) => typeof p === 'string') ?? ''));
	return [...new Set(names.filter((n) => n !== ''))];
}

/** Whether a filter restricts anything. */
export function isEmptyFilter(f: Filter): boolean {
	return (
		f.q === '' &&
		[f.article, f.paragraph, f.type, f.skill, f.difficulty, f.tag, f.ids].every(
			(l) => l.length === 0
		)
	);
}

/**
 * All the text of a question a teacher may search for, folded the way grading folds answers.
 * @param q a question
 */
export function searchText(q: BankQuestion): string {
	const parts = [q.id, q.prompt, q.translation ?? '', q.explanation, ...q.evidence, ...q.tags];
	switch (q.type) {
		case 'single':
			parts.push(q.answer.text, ...q.distractors.map((o) => o.text));
			break;
		case 'multiple':
			parts.push(...q.answer.map((o) => o.text), ...q.distractors.map((o) => o.text));
			break;
		case 'truefalse':
			parts.push(q.correction ?? '');
			break;
		case 'short':
			parts.push(q.answer, ...q.accept);
			break;
		case 'numeric':
			parts.push(String(q.answer.value), q.answer.unit ?? '');
			break;
		case 'cloze':
			parts.push(parseCloze(q.text).plain);
			break;
		case 'matching':
			parts.push(...q.pairs.flatMap((p) => [p.left.text, p.right.text]));
			parts.push(...q.distractors.map((o) => o.text));
			break;
		case 'ordering':
			parts.push(...q.items.map((o) => o.text));
			break;
		case 'evidence':
			break;
	}
	return ` ${foldArabic(parts.join(' \n '))} `;
}

/** Each question's folded text, once: the bank does not change while the server runs. */
const folded = new WeakMap<BankQuestion, string>();

/**
 * A search matcher: every word of the query must stand in the question's text, folded the way
 * grading folds (so "افريقيا" finds "إفريقيا"), with or without its clitics (و, ب, ال …).
 * @param query what the teacher typed
 */
export function searchMatcher(query: string): (q: BankQuestion) => boolean {
	const words = foldArabic(query)
		.split(' ')
		.filter((w) => w !== '')
		.map(stemVariants);
	if (words.length === 0) return () => true;
	return (q) => {
		let hay = folded.get(q);
		if (hay === undefined) folded.set(q, (hay = searchText(q)));
		const h = hay;
		return words.every((variants) => variants.some((v) => h.includes(v)));
	};
}

/**
 * The questions a filter keeps, in bank order.
 * @param questions the bank's questions
 * @param f the filter
 */
export function applyFilter(questions: Iterable<BankQuestion>, f: Filter): BankQuestion[] {
	const search = searchMatcher(f.q);
	const has = <T>(list: T[], v: T) => list.length === 0 || list.includes(v);
	const out: BankQuestion[] = [];
	for (const q of questions) {
		if (!has(f.article, q.article)) continue;
		if (!has(f.type, q.type)) continue;
		if (!has(f.skill, q.skill)) continue;
		if (!has(f.difficulty, q.difficulty)) continue;
		if (!has(f.ids, q.id)) continue;
		if (f.paragraph.length && !q.paragraph.some((p) => f.paragraph.includes(p))) continue;
		if (f.tag.length && !q.tags.some((t) => f.tag.includes(t))) continue;
		if (!search(q)) continue;
		out.push(q);
	}
	return out;
}
