/**
 * What every question control takes (Question.svelte gives it): the question's view, the prefix of
 * its field names, the saved answer already narrowed to the question's type, and whether it is
 * locked. Types and one pure function only, so no control pulls a schema into the page.
 */
import type { QuestionType } from '$lib/bank/kinds';
import type { StudentResponse } from '$lib/grading/types';
import type { ViewOf } from '$lib/quiz/types';

/** A click on a link to a paragraph of the text (`#p3`), which a page may take over. */
export type ParagraphClick = (event: MouseEvent & { currentTarget: HTMLAnchorElement }) => void;

/**
 * What marks a checked choice question's options: the key's options and the words said on them
 * (a chosen option right or wrong, a right one not chosen).
 */
export interface OptionMarks {
	right: readonly string[];
	correct: string;
	wrong: string;
	missed: string;
	/** the interface's language and direction, which the words are in */
	lang: string;
	dir: 'rtl' | 'ltr';
}

/** How an option of a checked choice question is marked, if it is. */
export type OptionMark = 'correct' | 'wrong' | 'missed';

/**
 * The mark of one option once checked: a chosen option is right or wrong, and a right one the
 * student did not choose is shown as right (the key shows whenever the answer is not all right).
 * @param option the option's text
 * @param chosen whether the student chose it
 * @param right the key's options
 */
export function optionMark(
	option: string,
	chosen: boolean,
	right: readonly string[]
): OptionMark | null {
	const isRight = right.includes(option);
	return chosen ? (isRight ? 'correct' : 'wrong') : isRight ? 'missed' : null;
}

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
