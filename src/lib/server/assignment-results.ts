/**
 * What an assignment's results page and its grades download are made from: the stored attempts
 * aggregated by `assignmentResults` (scores, the grid, the class's mastery) and the item analysis
 * of the attempts that count (one per student, so a student with three attempts does not weigh
 * three times), each question asked of a student counted whether they answered it or not.
 */
import type { Kysely } from 'kysely';
import type { LoadedArticle } from '../bank/check';
import {
	assignmentResults,
	countedAttempt,
	type AssignmentResults,
	type ResultAttempt,
	type ResultQuestion
} from '../assign/results';
import { itemInfo, itemStatistics, type ItemStats } from '../stats/items';
import type { GradedAnswer } from '../stats/types';
import { resultsInput, type Assignment } from './assignments';
import type { Database } from './db/schema';
import { assignmentAnswers } from './review';

/** An assignment's results with the statistics of each question shown. */
export interface AssignmentResultsData {
	results: AssignmentResults;
	/** in the order of `results.questions` */
	items: ItemStats[];
}

/**
 * The results of an assignment and the item analysis of its counted attempts.
 * @param db the database
 * @param assignment the assignment (its teacher checked by the caller)
 * @param article its article from the bank; undefined when it left the bank (scores still show)
 */
export async function assignmentResultsData(
	db: Kysely<Database>,
	assignment: Pick<Assignment, 'id' | 'classId'>,
	article: Pick<LoadedArticle, 'questions' | 'paragraphs'> | undefined
): Promise<AssignmentResultsData> {
	const { roster, attempts } = await resultsInput(db, assignment);
	const bank = new Map((article?.questions ?? []).map((q) => [q.id, q]));
	const questions = new Map<string, ResultQuestion>(
		[...bank.values()].map((q) => [q.id, { id: q.id, paragraphs: q.paragraph }])
	);
	const results = assignmentResults(roster, questions, attempts, article?.paragraphs ?? []);

	const counted = countedAttempts(attempts);
	const answered = (await assignmentAnswers(db, assignment.id)).filter((a) =>
		counted.has(a.attemptId)
	);
	const seen = new Set(answered.map((a) => `${a.attemptId}\u0000${a.questionId}`));
	// a question asked and left unanswered is a wrong answer to it, not a question not asked
	const unanswered: GradedAnswer[] = [...counted.values()].flatMap((a) =>
		a.ids.flatMap((questionId) => {
			const q = bank.get(questionId);
			if (!q || seen.has(`${a.id}\u0000${questionId}`)) return [];
			const grade = a.grades[questionId];
			return [
				{
					attemptId: a.id,
					questionId,
					type: q.type,
					response: null,
					score: grade?.score ?? 0,
					verdict: grade?.verdict ?? 'wrong',
					reason: '',
					unsure: false
				}
			];
		})
	);
	const items = results.questions.map((q) => itemInfo(bank.get(q.id)!));
	return { results, items: itemStatistics(items, [...answered, ...unanswered]) };
}

/** Each student's counted attempt, by attempt id. */
function countedAttempts<A extends ResultAttempt & { id: string }>(
	attempts: readonly A[]
): Map<string, A> {
	const byStudent = new Map<string, A[]>();
	for (const a of attempts) {
		const list = byStudent.get(a.studentId);
		if (list) list.push(a);
		else byStudent.set(a.studentId, [a]);
	}
	const counted = new Map<string, A>();
	for (const list of byStudent.values()) {
		const best = countedAttempt(list) as A | undefined;
		if (best) counted.set(best.id, best);
	}
	return counted;
}
