/**
 * Teachers' overrides: which one stands for a group of answers, what it does to the answers'
 * scores, what colleagues decided for the same answer, and what a regrade changed.
 */
import { foldedForm } from './groups';
import type { GradedAnswer, OverrideGrade, Verdict } from './types';

/** A teacher's decision on a group of answers, as stored (never deleted: undo marks it undone). */
export interface OverrideRecord {
	id: string;
	/** the assignment whose answers it decides */
	assignmentId: string;
	questionId: string;
	/** the folded form of the group's answers */
	form: string;
	verdict: Verdict;
	/** 0–1 */
	score: number;
	note?: string;
	/** who decided */
	teacherId: string;
	/** when, as an ISO 8601 time */
	at: string;
	undone: boolean;
	/** how students wrote the answer (the commonest spelling), for the bank */
	text?: string;
}

/** The key of a group of answers: a question and a folded form. */
export function groupKey(questionId: string, form: string): string {
	return `${questionId}\u0000${form}`;
}

/**
 * The overrides in force: for each question and form, the latest one not undone. Undoing the
 * latest brings back the one before it, if any.
 * @param records the overrides of one assignment
 */
export function activeOverrides(records: Iterable<OverrideRecord>): Map<string, OverrideRecord> {
	const active = new Map<string, OverrideRecord>();
	for (const r of records) {
		if (r.undone) continue;
		const key = groupKey(r.questionId, r.form);
		const current = active.get(key);
		if (!current || r.at > current.at || (r.at === current.at && r.id > current.id)) {
			active.set(key, r);
		}
	}
	return active;
}

/**
 * The answers with the overrides in force applied (the grader's grade is kept beside it).
 * @param answers graded answers of one assignment
 * @param active `activeOverrides` of the same assignment
 */
export function applyOverrides(
	answers: readonly GradedAnswer[],
	active: ReadonlyMap<string, OverrideRecord>
): GradedAnswer[] {
	return answers.map((answer) => {
		const form = answer.response ? foldedForm(answer.response) : '';
		const record = form === null ? undefined : active.get(groupKey(answer.questionId, form));
		if (record) {
			const override: OverrideGrade = { verdict: record.verdict, score: record.score };
			return { ...answer, override };
		}
		if (answer.override === undefined) return answer;
		const withoutOverride = { ...answer };
		delete withoutOverride.override;
		return withoutOverride;
	});
}

/** How many other teachers decided each way on one answer to one question. */
export interface ColleagueVerdicts {
	correct: number;
	partial: number;
	wrong: number;
}

/**
 * Pools overrides across classes: for a question and form, how many teachers other than `self`
 * decided it was correct, partial or wrong (each teacher counted once, by their latest decision
 * still in force).
 * @param records overrides of every assignment
 * @param questionId the question
 * @param form the folded form
 * @param self the teacher asking (left out of the count)
 */
export function colleagueVerdicts(
	records: Iterable<OverrideRecord>,
	questionId: string,
	form: string,
	self?: string
): ColleagueVerdicts {
	const latest = new Map<string, OverrideRecord>();
	for (const r of records) {
		if (r.undone || r.questionId !== questionId || r.form !== form || r.teacherId === self) {
			continue;
		}
		const current = latest.get(r.teacherId);
		if (!current || r.at > current.at) latest.set(r.teacherId, r);
	}
	const counts: ColleagueVerdicts = { correct: 0, partial: 0, wrong: 0 };
	for (const r of latest.values()) counts[r.verdict] += 1;
	return counts;
}

/** One attempt whose score a regrade changed. */
export interface ScoreChange {
	attemptId: string;
	before: number;
	after: number;
	/** after − before */
	change: number;
}

/** What a regrade did. */
export interface RegradeSummary {
	/** the attempts whose score changed, the largest change first */
	changed: ScoreChange[];
	unchanged: number;
}

/**
 * Compares the attempts' scores before and after a regrade.
 * @param before score by attempt id before
 * @param after score by attempt id after (same attempts)
 */
export function regradeSummary(
	before: ReadonlyMap<string, number>,
	after: ReadonlyMap<string, number>
): RegradeSummary {
	const changed: ScoreChange[] = [];
	let unchanged = 0;
	for (const [attemptId, old] of before) {
		const now = after.get(attemptId) ?? old;
		// scores are sums of fractions: compare them as the page shows them, not to the last bit
		if (Math.abs(now - old) < 1e-9) unchanged += 1;
		else changed.push({ attemptId, before: old, after: now, change: now - old });
	}
	changed.sort(
		(a, b) => Math.abs(b.change) - Math.abs(a.change) || (a.attemptId < b.attemptId ? -1 : 1)
	);
	return { changed, unchanged };
}
