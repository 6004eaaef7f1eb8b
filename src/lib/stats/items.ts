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
import type { GradedAnswer, ItemInfo } from './types';

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
export function correlation(xs: ArrayLike<number>, ys: ArrayLike<number>): number | null {
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
function chosen(response: StudentResponse | null): readonly string[] {
	if (!response) return [];
	if (response.type === 'single') return [response.choice];
	if (response.type === 'multiple') return response.choices;
	if (response.type === 'truefalse') return [String(response.value)];
	return [];
}

/** The mean of `values[from]` to `values[to - 1]`, summed in that order; null for none. */
function mean(values: ArrayLike<number>, from: number, to: number): number | null {
	if (to <= from) return null;
	let sum = 0;
	for (let k = from; k < to; k++) sum += values[k];
	return sum / (to - from);
}

/**
 * The answers as the statistics read them, in columns, read in one pass: per answer its score
 * that counts, its rest score, its response and whether it was answered or overridden; per
 * question its answers' rows, and those of them that can be ranked in the order of their attempts'
 * ids. The per-question work then touches plain numbers rather than answers of every shape
 * storage gives: each answer is read once, since when answers come in many shapes every read of a
 * field is a slow lookup (reading them again per question, and ranking 10,000 attempts per
 * question by their ids as strings, was most of the time).
 */
interface Columns {
	/** the score that counts, per answer */
	score: Float64Array;
	/**
	 * The rest score, per answer: the mean score of its attempt's other questions (NaN when the
	 * attempt held no other: nothing to rank the student by)
	 */
	rest: Float64Array;
	/** per answer: what the student gave */
	response: (StudentResponse | null)[];
	/** per answer: 1 when the student gave one */
	answered: Uint8Array;
	/** per answer: 1 when a teacher's override applies to it */
	overridden: Uint8Array;
	/** per question: the rows of its answers, in the answers' order */
	rows: Map<string, number[]>;
	/**
	 * Per question: the rows of its answers that have a rest score, by attempt id (rows of one
	 * attempt in the answers' order), which is how ties of rest score are broken
	 */
	byAttempt: Map<string, number[]>;
}

function columns(answers: readonly GradedAnswer[]): Columns {
	const n = answers.length;
	const attemptIndex = new Map<string, number>();
	const questionIndex = new Map<string, number>();
	const rowsOf: number[][] = [];
	const attempt = new Int32Array(n);
	const question = new Int32Array(n);
	const score = new Float64Array(n);
	const response: (StudentResponse | null)[] = new Array(n);
	const answered = new Uint8Array(n);
	const overridden = new Uint8Array(n);
	for (let i = 0; i < n; i++) {
		const answer = answers[i];
		const { attemptId, questionId, override, response: given } = answer;
		let at = attemptIndex.get(attemptId);
		if (at === undefined) attemptIndex.set(attemptId, (at = attemptIndex.size));
		attempt[i] = at;
		let q = questionIndex.get(questionId);
		if (q === undefined) {
			questionIndex.set(questionId, (q = rowsOf.length));
			rowsOf.push([]);
		}
		question[i] = q;
		rowsOf[q].push(i);
		// the score that counts, as effectiveScore has it (reading the override once)
		score[i] = override ? override.score : answer.score;
		response[i] = given;
		answered[i] = given === null ? 0 : 1;
		overridden[i] = override === undefined ? 0 : 1;
	}
	const sum = new Float64Array(attemptIndex.size);
	const held = new Int32Array(attemptIndex.size);
	for (let i = 0; i < n; i++) {
		sum[attempt[i]] += score[i];
		held[attempt[i]] += 1;
	}
	const rest = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const at = attempt[i];
		rest[i] = held[at] < 2 ? NaN : (sum[at] - score[i]) / (held[at] - 1);
	}
	// the rows by their attempt's place in the order of ids (a counting sort: rows keep their order)
	const order = new Int32Array(attemptIndex.size);
	[...attemptIndex.keys()].sort().forEach((id, rank) => (order[attemptIndex.get(id)!] = rank));
	const start = new Int32Array(attemptIndex.size + 1);
	for (let i = 0; i < n; i++) start[order[attempt[i]] + 1] += 1;
	for (let r = 0; r < attemptIndex.size; r++) start[r + 1] += start[r];
	const sorted = new Int32Array(n);
	for (let i = 0; i < n; i++) sorted[start[order[attempt[i]]]++] = i;
	const byAttemptOf = rowsOf.map((): number[] => []);
	for (const i of sorted) if (!Number.isNaN(rest[i])) byAttemptOf[question[i]].push(i);

	const perQuestion = (lists: number[][]) =>
		new Map([...questionIndex].map(([id, q]) => [id, lists[q]]));
	return {
		score,
		rest,
		response,
		answered,
		overridden,
		rows: perQuestion(rowsOf),
		byAttempt: perQuestion(byAttemptOf)
	};
}

/**
 * Rows ranked by rest score, best first; ties keep the order they come in. A counting sort over
 * the places of the distinct rest scores (a class has few): sorting 10,000 rows per question with
 * a comparator was a large part of the time.
 * @param rows rows that have a rest score, in the order that breaks ties
 * @param rest the rest score per row
 */
function rankedByRest(rows: readonly number[], rest: Float64Array): Int32Array {
	const m = rows.length;
	const distinct = new Map<number, number>();
	const value = new Int32Array(m);
	for (let k = 0; k < m; k++) {
		let v = distinct.get(rest[rows[k]]);
		if (v === undefined) distinct.set(rest[rows[k]], (v = distinct.size));
		value[k] = v;
	}
	// each distinct score's place, best first, and where its rows start
	const place = new Int32Array(distinct.size);
	Float64Array.from(distinct.keys())
		.sort()
		.forEach((score, ascending) => (place[distinct.get(score)!] = distinct.size - 1 - ascending));
	const start = new Int32Array(distinct.size + 1);
	for (let k = 0; k < m; k++) start[place[value[k]] + 1] += 1;
	for (let p = 0; p < distinct.size; p++) start[p + 1] += start[p];
	const ranked = new Int32Array(m);
	for (let k = 0; k < m; k++) ranked[start[place[value[k]]]++] = rows[k];
	return ranked;
}

/** How many of the rows have a 1 in the flag column. */
function flagged(flags: Uint8Array, rows: readonly number[]): number {
	let count = 0;
	for (const i of rows) count += flags[i];
	return count;
}

/**
 * How many responses of some rows chose each option (a response naming an option twice counts
 * once).
 * @param slots the options' texts, each to its place in the counts
 * @param responses the response per row
 * @param rows the rows
 * @param from the first of `rows` to count
 * @param to the end of those to count
 */
function choiceCounts(
	slots: ReadonlyMap<string, number>,
	responses: readonly (StudentResponse | null)[],
	rows: ArrayLike<number>,
	from: number,
	to: number
): Int32Array {
	const counts = new Int32Array(slots.size);
	// per option, the last row counted for it
	const countedFor = new Int32Array(slots.size).fill(-1);
	for (let k = from; k < to; k++) {
		for (const text of chosen(responses[rows[k]])) {
			const slot = slots.get(text);
			if (slot === undefined || countedFor[slot] === k) continue;
			countedFor[slot] = k;
			counts[slot] += 1;
		}
	}
	return counts;
}

/**
 * Who chose each option, of all the students and of the top and bottom thirds.
 * @param options the question's options
 * @param responses the response per row
 * @param rows the question's rows
 * @param ranked those of them ranked by rest score, best first (those that can be)
 */
function optionStats(
	options: NonNullable<ItemInfo['options']>,
	responses: readonly (StudentResponse | null)[],
	rows: readonly number[],
	ranked: Int32Array
): OptionStats[] {
	const slots = new Map<string, number>();
	for (const { text } of options) if (!slots.has(text)) slots.set(text, slots.size);
	const third = groupSize(ranked.length, THIRD);
	const all = choiceCounts(slots, responses, rows, 0, rows.length);
	const top = choiceCounts(slots, responses, ranked, 0, third);
	const bottom = choiceCounts(slots, responses, ranked, ranked.length - third, ranked.length);
	return options.map(({ text, key }) => {
		const slot = slots.get(text)!;
		return {
			text,
			key,
			count: all[slot],
			share: rows.length ? all[slot] / rows.length : 0,
			top: third ? top[slot] / third : null,
			bottom: third ? bottom[slot] / third : null
		};
	});
}

/**
 * The statistics of one question from its answers (one per attempt).
 * @param info the question
 * @param rows the rows of its answers
 * @param byAttempt those that can be ranked, by attempt id
 * @param c the answers' columns
 */
function itemStats(
	info: ItemInfo,
	rows: readonly number[],
	byAttempt: readonly number[],
	c: Columns
): ItemStats {
	const n = rows.length;
	let sum = 0;
	let right = 0;
	for (const i of rows) {
		sum += c.score[i];
		if (c.score[i] >= 1) right += 1;
	}
	// best rest score first; ties by attempt id, so the groups do not depend on storage order
	const ranked = rankedByRest(byAttempt, c.rest);
	const m = ranked.length;
	const rankedScores = new Float64Array(m);
	const rankedRests = new Float64Array(m);
	for (let k = 0; k < m; k++) {
		rankedScores[k] = c.score[ranked[k]];
		rankedRests[k] = c.rest[ranked[k]];
	}
	const extreme = groupSize(m, EXTREME_GROUP);
	const upper = mean(rankedScores, 0, extreme);
	const lower = extreme ? mean(rankedScores, m - extreme, m) : null;
	return {
		questionId: info.id,
		type: info.type,
		attempts: n,
		answered: flagged(c.answered, rows),
		facility: n ? right / n : null,
		meanScore: n ? sum / n : null,
		discrimination: correlation(rankedScores, rankedRests),
		upperLower: upper === null || lower === null ? null : upper - lower,
		...(info.options ? { options: optionStats(info.options, c.response, rows, ranked) } : {}),
		overridden: n ? flagged(c.overridden, rows) / n : 0
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
	return items.map((info) =>
		itemStats(info, c.rows.get(info.id) ?? [], c.byAttempt.get(info.id) ?? [], c)
	);
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
