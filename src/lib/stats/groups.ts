/**
 * Answer groups: the typed answers to a question that fold to the same form are one group, so a
 * teacher reads each different answer once and can correct the grader for every student at once.
 */
import type { QuestionType } from '../bank/kinds';
import type { StudentResponse } from '../grading/types';
import { foldArabic } from '../text/normalize';
import type { GradedAnswer, OverrideGrade, Verdict } from './types';

/** Joins the folded blanks of a cloze answer; folding turns `|` into a space, so it cannot clash. */
const BLANK_SEPARATOR = ' | ';

/** The question types whose answers are typed, and so are grouped for review. */
export const TYPED_TYPES: ReadonlySet<QuestionType> = new Set(['short', 'numeric', 'cloze']);

/**
 * The folded form of a typed answer: the key of its group and of a teacher's override.
 * Uses the one normalization of the grader (`foldArabic`), so answers the grader cannot tell
 * apart are never split. Null for responses that are not typed (choices, marked evidence…).
 * @param response the student's response
 */
export function foldedForm(response: StudentResponse): string | null {
	switch (response.type) {
		case 'short':
		case 'numeric':
			return foldArabic(response.text);
		case 'cloze':
			return response.blanks.map(foldArabic).join(BLANK_SEPARATOR);
		default:
			return null;
	}
}

/** The answer as the student typed it, for showing. */
export function typedText(response: StudentResponse): string {
	switch (response.type) {
		case 'short':
		case 'numeric':
			return response.text;
		case 'cloze':
			return response.blanks.join(BLANK_SEPARATOR);
		default:
			return '';
	}
}

/** One way of writing the group's answer, and how many students wrote it so. */
export interface Spelling {
	text: string;
	count: number;
}

/** The answers to one question that fold to one form. */
export interface AnswerGroup {
	questionId: string;
	/** the folded form shared by every answer of the group ('' for blank answers) */
	form: string;
	/** how the students wrote it, the commonest first */
	spellings: Spelling[];
	/** the attempts whose answer is in the group */
	attemptIds: string[];
	count: number;
	/** the grader's verdict (the commonest, should the grades differ) */
	verdict: Verdict;
	/** the grader's score that goes with `verdict` */
	score: number;
	/** the grader's rule that decided, when it names one */
	rule?: string;
	reason: string;
	/** the grader asked for review on at least one answer of the group */
	unsure: boolean;
	/** the grader did not grade every answer of the group alike (e.g. graded by two versions) */
	mixed: boolean;
	/** the teacher's verdict when it applies to every answer of the group */
	override?: OverrideGrade;
	/** some answers of the group carry a teacher's verdict and others do not, or not the same */
	partlyOverridden: boolean;
}

/** Unsure first; then the largest; then by form, so the order is stable. */
function reviewOrder(a: AnswerGroup, b: AnswerGroup): number {
	if (a.unsure !== b.unsure) return a.unsure ? -1 : 1;
	if (a.count !== b.count) return b.count - a.count;
	if (a.questionId !== b.questionId) return a.questionId < b.questionId ? -1 : 1;
	return a.form < b.form ? -1 : a.form > b.form ? 1 : 0;
}

/** Counts of equal strings, the commonest first (ties in order of first appearance). */
function tally(values: string[]): Spelling[] {
	const counts = new Map<string, number>();
	for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
	return [...counts].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count);
}

function gradeKey(a: GradedAnswer): string {
	return `${a.verdict}\u0000${a.score}\u0000${a.rule ?? ''}\u0000${a.reason}`;
}

function overrideKey(a: GradedAnswer): string {
	return a.override ? `${a.override.verdict}\u0000${a.override.score}` : '';
}

/** Builds one group from its members (all of one question and one form). */
function toGroup(questionId: string, form: string, members: GradedAnswer[]): AnswerGroup {
	const grades = tally(members.map(gradeKey));
	const main = members.find((m) => gradeKey(m) === grades[0].text)!;
	const overrides = tally(members.map(overrideKey));
	const shared = overrides.length === 1 ? members[0].override : undefined;
	return {
		questionId,
		form,
		spellings: tally(members.map((m) => (m.response ? typedText(m.response) : ''))),
		attemptIds: members.map((m) => m.attemptId),
		count: members.length,
		verdict: main.verdict,
		score: main.score,
		...(main.rule === undefined ? {} : { rule: main.rule }),
		reason: main.reason,
		unsure: members.some((m) => m.unsure),
		mixed: grades.length > 1,
		...(shared ? { override: { verdict: shared.verdict, score: shared.score } } : {}),
		partlyOverridden: overrides.length > 1
	};
}

/**
 * Groups the typed answers (short, numeric, cloze) by question and folded form, in review order:
 * the groups the grader was unsure of first, then the largest. Unanswered questions form a group
 * with the empty form; choice and other answers are left out.
 * @param answers graded answers of any questions and attempts
 */
export function answerGroups(answers: Iterable<GradedAnswer>): AnswerGroup[] {
	const byKey = new Map<string, { questionId: string; form: string; members: GradedAnswer[] }>();
	for (const answer of answers) {
		if (!TYPED_TYPES.has(answer.type)) continue;
		const form = answer.response ? (foldedForm(answer.response) ?? '') : '';
		const key = `${answer.questionId}\u0000${form}`;
		let entry = byKey.get(key);
		if (!entry) {
			entry = { questionId: answer.questionId, form, members: [] };
			byKey.set(key, entry);
		}
		entry.members.push(answer);
	}
	return [...byKey.values()].map((e) => toGroup(e.questionId, e.form, e.members)).sort(reviewOrder);
}
