/**
 * The bank learns from teachers: overrides become suggestions for the question bank ("add «…» to
 * `accept` of question X", or to `reject`, or an `examples` entry with its verdict), written as a
 * YAML patch a maintainer reviews and applies; `dalil check` then proves the new forms like any
 * other.
 */
import { dump } from 'js-yaml';
import { z } from 'zod';
import type { Question } from '../bank/schema';
import { foldArabic, normalizeQuote } from '../text/normalize';
import type { OverrideRecord } from './overrides';
import type { Verdict } from './types';

/** The field of a question a suggestion adds to. */
export type SuggestionField = 'accept' | 'reject' | 'examples';

/** One suggested change to the bank. */
export interface BankSuggestion {
	questionId: string;
	/** the bank file that holds the question, as the check names it */
	file?: string;
	field: SuggestionField;
	/** the answer as students wrote it */
	answer: string;
	verdict: Verdict;
	/** 0–1 */
	score: number;
	/** how many teachers decided so */
	teachers: number;
	/** the teachers' notes, if any */
	notes: string[];
}

/** A bank question and the file it lives in. */
export type SuggestionTarget = Question & { file?: string };

/** The latest decision in force of each teacher, per question and form. */
function decisionsByGroup(records: Iterable<OverrideRecord>, since?: string) {
	const groups = new Map<string, Map<string, OverrideRecord>>();
	for (const r of records) {
		if (r.undone || (since !== undefined && r.at < since)) continue;
		const key = `${r.questionId}\u0000${r.form}`;
		let byTeacher = groups.get(key);
		if (!byTeacher) groups.set(key, (byTeacher = new Map()));
		const current = byTeacher.get(r.teacherId);
		if (!current || r.at > current.at) byTeacher.set(r.teacherId, r);
	}
	return groups;
}

/** The verdict most teachers gave, or null when two verdicts tie (the teachers disagree). */
function agreedVerdict(decisions: OverrideRecord[]): Verdict | null {
	const counts = new Map<Verdict, number>();
	for (const d of decisions) counts.set(d.verdict, (counts.get(d.verdict) ?? 0) + 1);
	const ranked = [...counts].sort((a, b) => b[1] - a[1]);
	return ranked.length > 1 && ranked[0][1] === ranked[1][1] ? null : ranked[0][0];
}

/** The commonest of the spellings teachers saw, else the folded form. */
function commonestText(decisions: OverrideRecord[], form: string): string {
	const counts = new Map<string, number>();
	for (const d of decisions) if (d.text) counts.set(d.text, (counts.get(d.text) ?? 0) + 1);
	const best = [...counts].sort((a, b) => b[1] - a[1])[0];
	return normalizeQuote(best ? best[0] : form);
}

/** Whether one of the texts folds to the form. */
function listed(texts: readonly string[], form: string): boolean {
	return texts.some((t) => foldArabic(t) === form);
}

/** Where a decision on a question goes in the bank, or null when the bank already says it. */
function fieldFor(q: SuggestionTarget, verdict: Verdict, form: string): SuggestionField | null {
	if (q.type === 'short' && verdict === 'correct') {
		return listed([q.answer, ...q.accept], form) ? null : 'accept';
	}
	if (q.type === 'short' && verdict === 'wrong') return listed(q.reject, form) ? null : 'reject';
	return 'examples';
}

/**
 * Suggestions for the bank from teachers' overrides: for each question and answer, the verdict
 * most teachers gave (each counted once, by their latest decision in force; a tie is left out),
 * unless the bank already says so.
 * @param records overrides of every assignment
 * @param questionOf the bank question of an id (undefined for one no longer in the bank)
 * @param since only overrides made at or after this ISO time
 */
export function bankSuggestions(
	records: Iterable<OverrideRecord>,
	questionOf: (id: string) => SuggestionTarget | undefined,
	since?: string
): BankSuggestion[] {
	const suggestions: BankSuggestion[] = [];
	for (const byTeacher of decisionsByGroup(records, since).values()) {
		const decisions = [...byTeacher.values()].sort((a, b) => (a.at < b.at ? -1 : 1));
		const { questionId, form } = decisions[0];
		const q = questionOf(questionId);
		const verdict = agreedVerdict(decisions);
		if (!q || verdict === null || form === '') continue;
		const field = fieldFor(q, verdict, form);
		if (!field) continue;
		const agreeing = decisions.filter((d) => d.verdict === verdict);
		suggestions.push({
			questionId,
			...(q.file ? { file: q.file } : {}),
			field,
			answer: commonestText(agreeing, form),
			verdict,
			score: agreeing[agreeing.length - 1].score,
			teachers: agreeing.length,
			notes: agreeing.flatMap((d) => (d.note ? [d.note] : []))
		});
	}
	return suggestions.sort(
		(a, b) =>
			(a.file ?? '').localeCompare(b.file ?? '') ||
			a.questionId.localeCompare(b.questionId) ||
			b.teachers - a.teachers ||
			a.answer.localeCompare(b.answer)
	);
}

/** One line for people: what the suggestion does and who stands behind it. */
export function describeSuggestion(s: BankSuggestion): string {
	const teachers = s.teachers === 1 ? '1 teacher' : `${s.teachers} teachers`;
	const what =
		s.field === 'examples'
			? `an example marked ${s.verdict}${s.verdict === 'partial' ? ` (${s.score})` : ''}`
			: `«${s.answer}» to ${s.field}`;
	const add = s.field === 'examples' ? `add «${s.answer}» as ${what}` : `add ${what}`;
	return `${s.questionId}: ${add} (${teachers})`;
}

/** The patch file's schema: what `readPatch` accepts. */
const patchSchema = z.strictObject({
	suggestions: z
		.array(
			z.strictObject({
				question: z.string().min(1),
				file: z.string().min(1).optional(),
				add: z.enum(['accept', 'reject', 'examples']),
				answer: z.string().min(1),
				verdict: z.enum(['correct', 'partial', 'wrong']),
				score: z.number().min(0).max(1),
				teachers: z.int().min(1).default(1),
				notes: z.array(z.string()).default([])
			})
		)
		.default([])
});

/**
 * Writes suggestions as a YAML patch for the bank's files: a list a maintainer can read, edit
 * (delete what they disagree with) and apply with `dalil overrides apply`.
 * @param suggestions the suggestions
 * @param header lines for the top comment (when and from which overrides)
 */
export function writePatch(suggestions: readonly BankSuggestion[], header: string[] = []): string {
	const lines = [
		'# Suggestions for the question bank from teachers’ overrides (dalil overrides export).',
		...header.map((h) => `# ${h}`),
		'# Delete what you disagree with, then: npm run dalil -- overrides apply THIS-FILE',
		'# and prove the result: npm run dalil -- check',
		suggestions.length ? 'suggestions:' : 'suggestions: []'
	];
	for (const s of suggestions) {
		lines.push(`  # ${describeSuggestion(s)}`);
		const entry = {
			question: s.questionId,
			...(s.file ? { file: s.file } : {}),
			add: s.field,
			answer: s.answer,
			verdict: s.verdict,
			score: s.score,
			teachers: s.teachers,
			...(s.notes.length ? { notes: s.notes } : {})
		};
		const block = dump([entry], { lineWidth: -1 }).trimEnd();
		lines.push(...block.split('\n').map((line) => `  ${line}`));
	}
	return `${lines.join('\n')}\n`;
}

/** A patch read back, or why it could not be. */
export type ReadPatch = { ok: true; suggestions: BankSuggestion[] } | { ok: false; error: string };

/**
 * Reads a patch written by `writePatch` (and perhaps edited by hand).
 * @param data the parsed YAML of the patch file
 */
export function readPatch(data: unknown): ReadPatch {
	const parsed = patchSchema.safeParse(data ?? {});
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return { ok: false, error: `${issue.path.join('.') || 'patch'}: ${issue.message}` };
	}
	return {
		ok: true,
		suggestions: parsed.data.suggestions.map((s) => ({
			questionId: s.question,
			...(s.file ? { file: s.file } : {}),
			field: s.add,
			answer: normalizeQuote(s.answer),
			verdict: s.verdict,
			score: s.score,
			teachers: s.teachers,
			notes: s.notes
		}))
	};
}
