/**
 * What every question control takes (Question.svelte gives it): the question's view, the prefix of
 * its field names, the saved answer already narrowed to the question's type, and whether it is
 * locked. Types and one pure function only, so no control pulls a schema into the page.
 */
import type { QuestionType } from '$lib/bank/kinds';
import type { StudentResponse } from '$lib/grading/types';
import type { ViewOf } from '$lib/quiz/types';

/** The answer shape of one question type (or of a few). */
export type ResponseOf<T extends QuestionType> = Extract<StudentResponse, { type: T }>;

/** The props every control shares; a control adds its own labels. */
export interface ControlProps<T extends QuestionType> {
	q: ViewOf<T>;
	/** prefix of the field names the quiz's actions read */
	name: string;
	/** the saved answer, only when it is one for this question's type */
	value?: ResponseOf<T>;
	disabled: boolean;
}

/**
 * The saved answer when it answers a question of this type, else nothing: Question.svelte narrows
 * once, and each control gets an answer of its own shape.
 * @param q the question (its type)
 * @param value the saved answer, if any
 */
export function responseFor<T extends QuestionType>(
	q: { type: T },
	value: StudentResponse | undefined
): ResponseOf<T> | undefined {
	return value?.type === q.type ? (value as ResponseOf<T>) : undefined;
}
