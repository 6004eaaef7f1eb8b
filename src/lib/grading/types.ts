/**
 * The grading contract shared by the grader, the quiz pages, self-study and the CLI.
 * Responses are what a student gives, one shape per question type.
 */
import type { EvidenceSpan } from '../bank/check';
import type { Question, QuestionType } from '../bank/schema';
import type { RuleName } from './rules';

export type { RuleName } from './rules';

/** What a student answered, by question type. Option values are the option texts as stored. */
export type StudentResponse =
	| { type: 'single'; choice: string }
	| { type: 'multiple'; choices: string[] }
	| { type: 'truefalse'; value: boolean }
	| { type: 'short'; text: string }
	/** value and unit typed together, in any digit script: "١٢٠ كم" */
	| { type: 'numeric'; text: string }
	/** one entry per blank, in order */
	| { type: 'cloze'; blanks: string[] }
	/** for each pair of the bank, in bank order, the right-hand text the student chose ('' for none) */
	| { type: 'matching'; matches: string[] }
	/** item texts in the order the student put them */
	| { type: 'ordering'; order: string[] }
	/** the phrase the student marked: paragraph id and character offsets into its stored text */
	| { type: 'evidence'; paragraph: string; start: number; end: number };

/** The verdict on one part of an answer (a blank, a pair, a choice). */
export interface PartResult {
	label: string;
	expected: string;
	given: string;
	correct: boolean;
	score: number;
}

/** A grade: more than right or wrong. */
export interface GradeResult {
	questionId: string;
	type: QuestionType;
	/** 0–1 */
	score: number;
	/** score === 1 */
	correct: boolean;
	verdict: 'correct' | 'partial' | 'wrong';
	/** the grader is not sure (a fuzzy match near its threshold): a teacher should look */
	unsure: boolean;
	/** the same as `unsure`, under the name the teacher's review uses: the answer asks for review */
	review: boolean;
	/** the named rule that decided the verdict (see `RULES` in rules.ts) */
	rule: RuleName;
	/** one line saying why, for people (teacher, CLI output) */
	reason: string;
	parts: PartResult[];
	/** what normalization did to make a variant count (e.g. "hamza folded", "article ال ignored") */
	normalized: string[];
	/** the answer key, for display after submission */
	expected: string;
	/** where the answer stands, for highlighting */
	evidence: EvidenceSpan[];
	explanation: string;
	/** set when the response was refused (wrong shape, too long): the message says why */
	refused?: string;
}

/** The text a question is graded against: its article's paragraphs, as stored. */
export interface GradeContext {
	article?: {
		paragraphs: { id: string; text: string }[];
		/** the article's date (YYYY-MM-DD) reads relative times ("last year") */
		date?: string;
		/**
		 * the article's questions: an evidence question that follows another is proven by the
		 * words of that question's key in its evidence
		 */
		questions?: readonly Question[];
	};
}
