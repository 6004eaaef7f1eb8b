/**
 * What an attempt at a quiz is: a student's saved answers, practice checks, the deadline of a timed
 * test and, once submitted, the grades. Types and plain functions only; where attempts are kept is
 * the server's business (src/lib/server/attempts.ts).
 */
import type { GradeResult } from '../grading/types';
import type { Answers } from './form';

/**
 * What an attempt keeps of a grade. The rest the pages show, the key and the evidence, is the
 * question's own and comes from the bank (see `feedbackView`).
 */
export type Grade = Pick<GradeResult, 'score' | 'verdict'> & Partial<Pick<GradeResult, 'review'>>;

/**
 * The part of a grade an attempt keeps.
 * @param r the grader's result
 */
export function keptGrade(r: GradeResult): Grade {
	// the review flag only when set: the grader was unsure, and practice says so
	return r.review
		? { score: r.score, verdict: r.verdict, review: true }
		: { score: r.score, verdict: r.verdict };
}

export interface Attempt {
	id: string;
	/** the quiz: its canonical query and article */
	slug: string;
	query: string;
	/** question ids in quiz order */
	ids: string[];
	startedAt: number;
	/** a timed test's end, ms since the epoch */
	deadline?: number;
	answers: Answers;
	/** practice: the last check of each question */
	checks: Record<string, Grade>;
	submitted?: { at: number; late: boolean; results: Record<string, Grade> };
}

/** What starting an attempt takes: the quiz it belongs to, and a deadline for a timed test. */
export type NewAttempt = Pick<Attempt, 'slug' | 'query' | 'ids' | 'deadline'>;
