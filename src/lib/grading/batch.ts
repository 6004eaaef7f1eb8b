/**
 * Batch grading for teachers: one record per typed answer, graded against a bank question or a
 * quick key. Pure: the CLI reads and writes the files.
 *
 * A record: `id`, `response`, and either `question` (a bank question id) or a quick key
 * (`expected`, optional `accept`, `reject`, `unit`, `tolerance`, `unitOptional`, `article`,
 * `paragraph`).
 */
import { z } from 'zod';
import type { BankQuestion } from '../bank/check';
import { gradeQuestion } from './grade';
import { gradeQuick, quickKey, type QuickArticle } from './quick';
import { coerceResponse, MAX_ANSWER_LENGTH } from './response';
import type { GradeResult } from './types';

/** Finds what a record names. */
export interface BatchLookup {
	question(id: string): BankQuestion | undefined;
	article(slug: string): QuickArticle | undefined;
}

/** One output record. */
export interface BatchResult {
	id: string;
	correct: boolean;
	score: number;
	reason: string;
	/** the named rule of the grader that decided */
	rule: GradeResult['rule'];
	verdict: GradeResult['verdict'];
	/** the grader is unsure: a teacher should review this answer */
	review: boolean;
	type: GradeResult['type'];
	question?: string;
	expected: string;
	parts: GradeResult['parts'];
	normalized: string[];
	evidence: GradeResult['evidence'];
	explanation: string;
}

export type BatchLine =
	{ ok: true; result: BatchResult } | { ok: false; id?: string; error: string };

const record = z.looseObject({
	id: z.union([z.string().min(1).max(200), z.number()], { error: 'each line needs an `id`' }),
	response: z.unknown().optional(),
	question: z.string().max(80).optional()
});

function firstIssue(e: z.ZodError): string {
	const i = e.issues[0];
	return i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message;
}

/**
 * Grades one record. Never throws: a bad record comes back with its error.
 * @param raw one parsed line (JSON object or CSV row)
 * @param lookup the bank, for `question` and `article`
 */
export function gradeRecord(raw: unknown, lookup: BatchLookup): BatchLine {
	const r = record.safeParse(raw);
	if (!r.success) return { ok: false, error: firstIssue(r.error) };
	const id = String(r.data.id);
	const resp = r.data.response;
	if (resp === undefined || resp === null) return { ok: false, id, error: 'no `response`' };
	if (r.data.question !== undefined) return gradeBankAnswer(id, r.data.question, resp, lookup);
	const { id: _id, response: _r, question: _q, ...rest } = r.data as Record<string, unknown>;
	void _id;
	void _r;
	void _q;
	return gradeQuickAnswer(id, rest, resp, lookup);
}

/** A grade as a line of the output. */
function line(id: string, g: GradeResult, question?: string): BatchLine {
	return {
		ok: true,
		result: {
			id,
			correct: g.correct,
			score: g.score,
			reason: g.reason,
			rule: g.rule,
			verdict: g.verdict,
			review: g.review,
			type: g.type,
			...(question ? { question } : {}),
			expected: g.expected,
			parts: g.parts,
			normalized: g.normalized,
			evidence: g.evidence,
			explanation: g.explanation
		}
	};
}

/** An answer to a question of the bank, by its id. */
function gradeBankAnswer(
	id: string,
	questionId: string,
	resp: unknown,
	lookup: BatchLookup
): BatchLine {
	const q = lookup.question(questionId);
	if (!q) return { ok: false, id, error: `no question «${questionId}» in the bank` };
	const parsed = coerceResponse(q.type, resp);
	if (!parsed.ok) return { ok: false, id, error: parsed.error };
	const article = lookup.article(q.article);
	return line(id, gradeQuestion(q, parsed.response, article ? { article } : undefined), q.id);
}

/** A typed answer against a quick key given on the line itself. */
function gradeQuickAnswer(
	id: string,
	key: Record<string, unknown>,
	resp: unknown,
	lookup: BatchLookup
): BatchLine {
	if (key.expected === undefined)
		return { ok: false, id, error: 'each line needs `question` or `expected`' };
	const k = quickKey.safeParse(key);
	if (!k.success) return { ok: false, id, error: firstIssue(k.error) };
	const text = typeof resp === 'number' ? String(resp) : resp;
	if (typeof text !== 'string')
		return { ok: false, id, error: '`response` must be text for a quick key' };
	if (text.length > MAX_ANSWER_LENGTH) {
		return { ok: false, id, error: `the answer is longer than ${MAX_ANSWER_LENGTH} characters` };
	}
	if (k.data.article === undefined) return line(id, gradeQuick(k.data, text, undefined, id));
	const article = lookup.article(k.data.article);
	if (!article) return { ok: false, id, error: `no article «${k.data.article}» in the bank` };
	const pid =
		typeof k.data.paragraph === 'number'
			? `p${k.data.paragraph}`
			: k.data.paragraph?.replace(/^p?/, 'p');
	if (pid && !article.paragraphs.some((p) => p.id === pid)) {
		return { ok: false, id, error: `the article «${k.data.article}» has no paragraph ${pid}` };
	}
	return line(id, gradeQuick(k.data, text, article, id));
}

/** Counts for the summary line. */
export interface BatchSummary {
	graded: number;
	correct: number;
	partial: number;
	wrong: number;
	review: number;
	skipped: number;
}

/**
 * Sums up graded lines.
 * @param lines the results, bad lines included
 */
export function summarize(lines: BatchLine[]): BatchSummary {
	const s: BatchSummary = { graded: 0, correct: 0, partial: 0, wrong: 0, review: 0, skipped: 0 };
	for (const l of lines) {
		if (!l.ok) {
			s.skipped++;
			continue;
		}
		s.graded++;
		s[l.result.verdict]++;
		if (l.result.review) s.review++;
	}
	return s;
}
