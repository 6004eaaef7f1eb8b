/**
 * The bank's vocabularies, apart from the zod schema so that pages can use them without shipping
 * zod to the browser.
 */

/** Skills a question trains, in the order the results page lists them. */
export const SKILLS = [
	'who',
	'what',
	'where',
	'when',
	'quantity',
	'direction',
	'quote',
	'vocabulary',
	'inference'
] as const;
export type Skill = (typeof SKILLS)[number];

/** Every question type the app grades. */
export const QUESTION_TYPES = [
	'single',
	'multiple',
	'truefalse',
	'short',
	'numeric',
	'cloze',
	'matching',
	'ordering',
	'evidence'
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
