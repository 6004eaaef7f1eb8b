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

function mean(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	let sum = 0;
	for (const v of values) sum += v;
	return sum / values.length;
}

/**
 * The answers as the statistics read them, in columns, read in one pass: per answer its score
 * that counts, its attempt (a number), its rest score and whether it was answered or overridden;
 * per question its answers' rows; per attempt its rank by id. The per-question work then touches
 * plain numbers rather than answers of every shape storage gives (reading those again and again,
 * and ranking 10,000 attempts per question by their ids as strings, was most of the time).
 */
interface Columns {
	/** the score that counts, per answer */
	score: Float64Array;
	/** the attempt, per answer (an index into `order`) */
	attempt: Int32Array;
	/**
	 * The rest score, per answer: the mean score of its attempt's other questions (NaN when the
	 * attempt held no other: nothing to rank the student by)
	 */
	rest: Float64Array;
	/** per answer: 1 when the student gave one */
	answered: Uint8Array;
	/** per answer: 1 when a teacher's override applies to it */
	overridden: Uint8Array;
	/** per attempt: its place in the order of attempt ids (ties are broken by it) */
	order: Int32Array;
	/** per question: the rows of its answers */
	rows: Map<string, number[]>;
}

function columns(answers: readonly GradedAnswer[]): Columns {
	const n = answers.length;
	const index = new Map<string, number>();
	const rows = new Map<string, number[]>();
	const attempt = new Int32Array(n);
	const score = new Float64Array(n);
	const answered = new Uint8Array(n);
	const overridden = new Uint8Array(n);
	answers.forEach((a, i) => {
		let at = index.get(a.attemptId);
		if (at === undefined) index.set(a.attemptId, (at = index.size));
		attempt[i] = at;
		score[i] = effectiveScore(a);
		answered[i] = a.response === null ? 0 : 1;
		overridden[i] = a.override === undefined ? 0 : 1;
		const mine = rows.get(a.questionId);
		if (mine) mine.push(i);
		else rows.set(a.questionId, [i]);
	});
	const sum = new Float64Array(index.size);
	const held = new Int32Array(index.size);
	for (let i = 0; i < n; i++) {
		sum[attempt[i]] += score[i];
		held[attempt[i]] += 1;
	}
	const rest = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const at = attempt[i];
		rest[i] = held[at] < 2 ? NaN : (sum[at] - score[i]) / (held[at] - 1);
	}
	const order = new Int32Array(index.size);
	[...index.keys()].sort().forEach((id, rank) => (order[index.get(id)!] = rank));
	return { score, attempt, rest, answered, overridden, order, rows };
}

/** How many of the rows have a 1 in the flag column. */
function flagged(flags: Uint8Array, rows: readonly number[]): number {
	let count = 0;
	for (const i of rows) count += flags[i];
	return count;
}

/** How many responses of a group chose each option. */
function choiceCounts(responses: Iterable<StudentResponse | null>): Map<string, number> {
	const counts = new Map<string, number>();
	for (const response of responses) {
		for (const text of new Set(chosen(response))) counts.set(text, (counts.get(text) ?? 0) + 1);
	}
	return counts;
}

/**
 * Who chose each option, of all the students and of the top and bottom thirds.
 * @param ranked the question's answers ranked by rest score, best first (those that can be)
 */
function optionStats(
	info: ItemInfo,
	answers: readonly GradedAnswer[],
	ranked: readonly GradedAnswer[]
): OptionStats[] | undefined {
	if (!info.options) return undefined;
	const third = groupSize(ranked.length, THIRD);
	const top = ranked.slice(0, third);
	const bottom = third ? ranked.slice(-third) : [];
	const all = choiceCounts(answers.map((a) => a.response));
	const topCounts = choiceCounts(top.map((a) => a.response));
	const bottomCounts = choiceCounts(bottom.map((a) => a.response));
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

/**
 * The statistics of one question from its answers (one per attempt).
 * @param info the question
 * @param answers all the answers (the columns' rows)
 * @param rows which of them are this question's
 * @param c the answers' columns
 */
function itemStats(
	info: ItemInfo,
	answers: readonly GradedAnswer[],
	rows: readonly number[],
	c: Columns
): ItemStats {
	const scores = rows.map((i) => c.score[i]);
	// a student whose attempt held nothing else cannot be ranked by the rest
	const rankable = rows.filter((i) => !Number.isNaN(c.rest[i]));
	// best rest score first; ties by attempt id, so the groups do not depend on storage order
	rankable.sort((a, b) => c.rest[b] - c.rest[a] || c.order[c.attempt[a]] - c.order[c.attempt[b]]);
	const extreme = groupSize(rankable.length, EXTREME_GROUP);
	const upper = mean(rankable.slice(0, extreme).map((i) => c.score[i]));
	const lower = extreme ? mean(rankable.slice(-extreme).map((i) => c.score[i])) : null;
	const options =
		info.options &&
		optionStats(
			info,
			rows.map((i) => answers[i]),
			rankable.map((i) => answers[i])
		);
	return {
		questionId: info.id,
		type: info.type,
		attempts: rows.length,
		answered: flagged(c.answered, rows),
		facility: rows.length ? scores.filter((s) => s >= 1).length / rows.length : null,
		meanScore: mean(scores),
		discrimination: correlation(
			rankable.map((i) => c.score[i]),
			rankable.map((i) => c.rest[i])
		),
		upperLower: upper === null || lower === null ? null : upper - lower,
		...(options ? { options } : {}),
		overridden: rows.length ? flagged(c.overridden, rows) / rows.length : 0
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
	const c = columns(answers);
	return items.map((info) => itemStats(info, answers, c.rows.get(info.id) ?? [], c));
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
