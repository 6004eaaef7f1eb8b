/**
 * Item analysis, as exam writers do it: how hard each question was (facility), whether the
 * students who did well elsewhere did well on it (discrimination), and for choice questions who
 * chose which option.
 *
 * Students are ranked, for each question, by their mean score on the *other* questions of their
 * attempt (the rest score), so a question never places a student in the top group by itself:
 * that is the "corrected" in corrected point-biserial, and it keeps the upper–lower index and the
 * option shares of the top and bottom thirds honest too. Scores are the ones that count (a
 * teacher's override over the grader's).
 */
import type { StudentResponse } from '../grading/types';
import type { QuestionType } from '../bank/kinds';
import type { Question } from '../bank/schema';
import { effectiveScore, type GradedAnswer, type ItemInfo } from './types';

/** The share of students in each of the upper and lower groups of the upper–lower index (Kelley). */
export const EXTREME_GROUP = 0.27;
/** The share of students in the top and bottom groups of the option analysis. */
export const THIRD = 1 / 3;

/** An option of a choice question and who chose it. */
export interface OptionStats {
	text: string;
	key: boolean;
	/** students who chose it */
	count: number;
	/** share of the students who had the question */
	share: number;
	/** share of the top third who chose it (null when there are too few students to rank) */
	top: number | null;
	/** share of the bottom third who chose it */
	bottom: number | null;
}

/** What one question did over a set of attempts. */
export interface ItemStats {
	questionId: string;
	type: QuestionType;
	/** attempts that held the question */
	attempts: number;
	/** of them, those that answered it */
	answered: number;
	/** share fully correct (null with no attempts) */
	facility: number | null;
	/** mean score, 0–1 (partial credit counted) */
	meanScore: number | null;
	/**
	 * Corrected point-biserial: the correlation of the question's score with the rest score
	 * (null when either does not vary, or fewer than two students can be ranked).
	 */
	discrimination: number | null;
	/** mean score of the upper 27 % minus that of the lower 27 %, ranked by rest score */
	upperLower: number | null;
	/** for choice questions (single, multiple, true/false): every option, in the bank's order */
	options?: OptionStats[];
	/** share of the attempts whose answer carries a teacher's override */
	overridden: number;
}

/** How many students an upper or lower group holds out of n (none when fewer than two). */
export function groupSize(n: number, fraction: number): number {
	return n < 2 ? 0 : Math.max(1, Math.round(n * fraction));
}

/**
 * Pearson's correlation of two equally long series; null when either does not vary.
 * For a right/wrong item against a score it is the point-biserial correlation.
 */
export function correlation(xs: readonly number[], ys: readonly number[]): number | null {
	const n = xs.length;
	if (n < 2) return null;
	let meanX = 0;
	let meanY = 0;
	for (let i = 0; i < n; i++) {
		meanX += xs[i];
		meanY += ys[i];
	}
	meanX /= n;
	meanY /= n;
	let cross = 0;
	let sumX = 0;
	let sumY = 0;
	for (let i = 0; i < n; i++) {
		const dx = xs[i] - meanX;
		const dy = ys[i] - meanY;
		cross += dx * dy;
		sumX += dx * dx;
		sumY += dy * dy;
	}
	// a series that does not vary has no correlation (and rounding must not invent one)
	if (sumX < 1e-12 || sumY < 1e-12) return null;
	return cross / Math.sqrt(sumX * sumY);
}

/** The options a response chose, as stored option texts. */
function chosen(response: StudentResponse | null): string[] {
	if (!response) return [];
	if (response.type === 'single') return [response.choice];
	if (response.type === 'multiple') return response.choices;
	if (response.type === 'truefalse') return [String(response.value)];
	return [];
}

/** Per attempt: the sum of its scores and how many questions it held. */
function attemptTotals(answers: readonly GradedAnswer[]): Map<string, { sum: number; n: number }> {
	const totals = new Map<string, { sum: number; n: number }>();
	for (const a of answers) {
		const t = totals.get(a.attemptId) ?? { sum: 0, n: 0 };
		t.sum += effectiveScore(a);
		t.n += 1;
		totals.set(a.attemptId, t);
	}
	return totals;
}

function mean(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	let sum = 0;
	for (const v of values) sum += v;
	return sum / values.length;
}

interface Ranked {
	answer: GradedAnswer;
	score: number;
	rest: number;
}

/** How many responses of a group chose each option. */
function choiceCounts(responses: Iterable<StudentResponse | null>): Map<string, number> {
	const counts = new Map<string, number>();
	for (const response of responses) {
		for (const text of new Set(chosen(response))) counts.set(text, (counts.get(text) ?? 0) + 1);
	}
	return counts;
}

function optionStats(
	info: ItemInfo,
	answers: readonly GradedAnswer[],
	ranked: readonly Ranked[]
): OptionStats[] | undefined {
	if (!info.options) return undefined;
	const third = groupSize(ranked.length, THIRD);
	const top = ranked.slice(0, third);
	const bottom = third ? ranked.slice(-third) : [];
	const all = choiceCounts(answers.map((a) => a.response));
	const topCounts = choiceCounts(top.map((r) => r.answer.response));
	const bottomCounts = choiceCounts(bottom.map((r) => r.answer.response));
	const share = (counts: Map<string, number>, text: string, of: number) =>
		of ? (counts.get(text) ?? 0) / of : null;
	return info.options.map(({ text, key }) => ({
		text,
		key,
		count: all.get(text) ?? 0,
		share: share(all, text, answers.length) ?? 0,
		top: share(topCounts, text, top.length),
		bottom: share(bottomCounts, text, bottom.length)
	}));
}

/** The statistics of one question from its answers (one per attempt). */
function itemStats(
	info: ItemInfo,
	answers: readonly GradedAnswer[],
	totals: Map<string, { sum: number; n: number }>
): ItemStats {
	const scores = answers.map(effectiveScore);
	const ranked: Ranked[] = [];
	answers.forEach((answer, i) => {
		const total = totals.get(answer.attemptId)!;
		if (total.n < 2) return; // nothing else to rank this student by
		ranked.push({ answer, score: scores[i], rest: (total.sum - scores[i]) / (total.n - 1) });
	});
	// best rest score first; ties by attempt, so the groups do not depend on storage order
	ranked.sort((a, b) =>
		b.rest !== a.rest
			? b.rest - a.rest
			: a.answer.attemptId < b.answer.attemptId
				? -1
				: a.answer.attemptId > b.answer.attemptId
					? 1
					: 0
	);
	const extreme = groupSize(ranked.length, EXTREME_GROUP);
	const upper = mean(ranked.slice(0, extreme).map((r) => r.score));
	const lower = extreme ? mean(ranked.slice(-extreme).map((r) => r.score)) : null;
	const options = optionStats(info, answers, ranked);
	return {
		questionId: info.id,
		type: info.type,
		attempts: answers.length,
		answered: answers.filter((a) => a.response !== null).length,
		facility: answers.length ? scores.filter((s) => s >= 1).length / answers.length : null,
		meanScore: mean(scores),
		discrimination: correlation(
			ranked.map((r) => r.score),
			ranked.map((r) => r.rest)
		),
		upperLower: upper === null || lower === null ? null : upper - lower,
		...(options ? { options } : {}),
		overridden: answers.length
			? answers.filter((a) => a.override !== undefined).length / answers.length
			: 0
	};
}

/**
 * The statistics of every question, over the given attempts (pass one assignment's answers for
 * its own figures, or every attempt's for the question's overall ones).
 * @param items the questions, in the order wanted; questions no attempt held get empty figures
 * @param answers graded answers, one per attempt and question the attempt held
 */
export function itemStatistics(
	items: readonly ItemInfo[],
	answers: readonly GradedAnswer[]
): ItemStats[] {
	const totals = attemptTotals(answers);
	const byQuestion = new Map<string, GradedAnswer[]>();
	for (const a of answers) {
		const list = byQuestion.get(a.questionId);
		if (list) list.push(a);
		else byQuestion.set(a.questionId, [a]);
	}
	return items.map((info) => itemStats(info, byQuestion.get(info.id) ?? [], totals));
}

/**
 * What the statistics need of a bank question: its type and, for choice questions, its options
 * in the bank's order (key first) as the responses name them.
 * @param question a bank question
 */
export function itemInfo(question: Question): ItemInfo {
	const { id, type } = question;
	switch (question.type) {
		case 'single':
			return {
				id,
				type,
				options: [question.answer, ...question.distractors].map((o, i) => ({
					text: o.text,
					key: i === 0
				}))
			};
		case 'multiple':
			return {
				id,
				type,
				options: [
					...question.answer.map((o) => ({ text: o.text, key: true })),
					...question.distractors.map((o) => ({ text: o.text, key: false }))
				]
			};
		case 'truefalse':
			return {
				id,
				type,
				options: [
					{ text: 'true', key: question.answer },
					{ text: 'false', key: !question.answer }
				]
			};
		default:
			return { id, type };
	}
}
