/**
 * The plain data the statistics work on: one row per attempt × question, whatever storage holds
 * them (the database, a file of graded answers, a test fixture).
 */
import type { QuestionType } from '../bank/kinds';
import type { StudentResponse } from '../grading/types';

/** A grade's verdict, the grader's or a teacher's. */
export type Verdict = 'correct' | 'partial' | 'wrong';

/** A teacher's verdict on an answer, standing in for the grader's. */
export interface OverrideGrade {
	verdict: Verdict;
	/** 0–1 */
	score: number;
}

/** One attempt's graded answer to one question. */
export interface GradedAnswer {
	attemptId: string;
	questionId: string;
	/** the question's type */
	type: QuestionType;
	/** what the student gave; null when the question was left unanswered */
	response: StudentResponse | null;
	/** the grader's score, 0–1 */
	score: number;
	/** the grader's verdict */
	verdict: Verdict;
	/** the name of the grader's rule that decided, when the grader gives one */
	rule?: string;
	/** the grader's reason, for people */
	reason: string;
	/** the grader asked for a teacher to look */
	unsure: boolean;
	/** a teacher's verdict, when one applies to this answer */
	override?: OverrideGrade;
}

/** What the statistics need to know of a question: its type and, for choices, its options. */
export interface ItemInfo {
	id: string;
	type: QuestionType;
	/** the options of a choice question (true/false: `true` and `false`), the key marked */
	options?: { text: string; key: boolean }[];
}

/** The score that counts: the teacher's when there is one, else the grader's. */
export function effectiveScore(answer: GradedAnswer): number {
	return answer.override ? answer.override.score : answer.score;
}
