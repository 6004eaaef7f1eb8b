/**
 * The question bank's one schema. Types, validation with clear messages and the JSON Schema for
 * editors (schema/bank.schema.json) all come from here.
 */
import { z } from 'zod';
export { CLOZE_BLANK, parseCloze, type ClozeBlank } from './cloze';

export { QUESTION_TYPES, SKILLS, type QuestionType, type Skill } from './kinds';
import { QUESTION_TYPES, SKILLS } from './kinds';

/** Not only white space: trim()'s test without its copy (ECMAScript's \s is trim's white space). */
const NOT_BLANK = /\S/;

/**
 * The longest text one field of the bank may hold (ten long paragraphs): a longer one is a mistake
 * or an attack, and would be sent with every quiz that draws its question (issue 18).
 */
export const MAX_FIELD_CHARS = 10_000;

const nonEmpty = (what: string) =>
	z
		.string({ error: `${what} must be text` })
		.max(MAX_FIELD_CHARS, { error: `${what} is longer than ${MAX_FIELD_CHARS} characters` })
		.refine((s) => NOT_BLANK.test(s), {
			error: `${what} is empty`
		});

export const questionId = z
	.string({ error: 'id must be text' })
	.regex(/^[a-z0-9][a-z0-9-]{0,79}$/, {
		error: 'id must be lower-case ASCII letters, digits and dashes (at most 80)'
	});

export const paragraphId = z
	.string({ error: 'a paragraph is named p1, p2, …' })
	.regex(/^p[1-9][0-9]*$/, { error: 'a paragraph is named p1, p2, …' });

/** One value or a list of them; always a list once parsed. */
function oneOrMany<T extends z.ZodType>(item: T) {
	return z
		.union([item, z.array(item).min(1)])
		.transform((v): z.output<T>[] => (Array.isArray(v) ? v : [v]));
}

/**
 * A choice, matching side or ordering item: plain text, or text with `proof` (the words of the
 * evidence that prove it, when the text paraphrases) and per-option `feedback`.
 */
export const option = z
	.union([
		nonEmpty('an option'),
		z.strictObject({
			text: nonEmpty('an option'),
			proof: nonEmpty('proof').optional(),
			feedback: z.string().optional()
		})
	])
	.transform((v) => (typeof v === 'string' ? { text: v } : v));
export type Option = z.output<typeof option>;

/** What a student might answer, as a bank author writes it in an example. */
export const VERDICTS = ['correct', 'partial', 'wrong'] as const;

/**
 * An answer a student might give, with the verdict the grader must reach: the key's unit tests.
 * `answer` is typed text (short, numeric, a single choice), a list (a cloze's blanks, the choices
 * of a multiple-choice question, the right-hand sides of a matching question in pair order, the
 * items of an ordering question), true/false, or for an evidence question the phrase the student
 * marks (found in the cited paragraph, or in `paragraph`).
 */
const exampleText = z.union([z.string(), z.number().transform(String)]);
export const example = z.strictObject({
	answer: z.union([exampleText, z.array(exampleText).min(1), z.boolean()], {
		error: 'an example answer is text, a list of texts, or true/false'
	}),
	verdict: z
		.enum(VERDICTS, { error: `verdict must be one of ${VERDICTS.join(', ')}` })
		.describe('what the grader must say: correct, partial or wrong'),
	/** for an evidence question: the paragraph the phrase is marked in */
	paragraph: paragraphId.optional(),
	/** why the verdict is fair (shown to teachers) */
	reason: z.string().optional()
});
export type Example = z.output<typeof example>;

const common = {
	id: questionId.describe('stable id: lower-case ASCII letters, digits and dashes'),
	/** the paragraph(s) the question is keyed to */
	paragraph: oneOrMany(paragraphId).describe(
		'the paragraph(s) the question is keyed to: p1, p2, …'
	),
	/** in the article's language */
	prompt: nonEmpty('prompt').describe("the question, in the article's language"),
	/** optional translation of the prompt (e.g. English) */
	translation: z.string().optional().describe('a translation of the prompt (e.g. English)'),
	/** verbatim quotes from the cited paragraph(s) that prove the answer */
	evidence: oneOrMany(nonEmpty('an evidence quote')).describe(
		'verbatim quote(s) from the cited paragraph(s) that prove the answer'
	),
	explanation: nonEmpty('explanation').describe('why the answer is right, citing the text'),
	skill: z
		.enum(SKILLS, { error: `skill must be one of ${SKILLS.join(', ')}` })
		.describe('the reading skill the question trains'),
	difficulty: z
		.literal([1, 2, 3], { error: 'difficulty must be 1, 2 or 3' })
		.describe('1 easy, 2 medium, 3 hard'),
	tags: z.array(z.string()).default([]),
	/**
	 * Questions that ask the same fact share a `fact` name: a quiz never takes two of them, and
	 * self-study asks the fact again in a harder form.
	 */
	fact: z.string().optional(),
	/** the question this one is the second part of (e.g. "now show where the text says so") */
	follows: questionId.optional(),
	/** answers a student might give, each graded by `dalil check` with the real grader */
	examples: z
		.array(example)
		.optional()
		.describe(
			'answers a student might give, each with the verdict the grader must reach (correct, partial, wrong) and an optional reason'
		),
	/** kept for tests a teacher assigns: never served by practice links or self-study */
	assessment: z
		.boolean()
		.optional()
		.describe('true: for assigned tests only, never in practice or self-study')
};

const scoring = z.enum(['partial', 'all-or-nothing']).default('partial');

export const singleQuestion = z.strictObject({
	...common,
	type: z.literal('single'),
	answer: option,
	distractors: z.array(option).min(1, { error: 'a choice question needs at least one distractor' })
});

export const multipleQuestion = z.strictObject({
	...common,
	type: z.literal('multiple'),
	answer: z.array(option).min(1, { error: 'a choice question needs a correct option' }),
	distractors: z.array(option).min(1, { error: 'a choice question needs at least one distractor' }),
	scoring
});

export const trueFalseQuestion = z
	.strictObject({
		...common,
		type: z.literal('truefalse'),
		answer: z.boolean({ error: 'answer must be true or false' }),
		/** for a false statement: the text's words that correct it */
		correction: nonEmpty('correction').optional()
	})
	.refine((q) => q.answer || q.correction !== undefined, {
		error: 'a false statement needs its correction',
		path: ['correction']
	});

export const shortQuestion = z.strictObject({
	...common,
	type: z.literal('short'),
	answer: nonEmpty('answer'),
	/** more accepted forms (a teacher's accept list, transliterations) */
	accept: z.array(nonEmpty('an accepted answer')).default([]),
	/** forms that must be refused even though they look close */
	reject: z.array(nonEmpty('a rejected answer')).default([])
});

export const numericQuestion = z.strictObject({
	...common,
	type: z.literal('numeric'),
	answer: z.strictObject({
		value: z.number({ error: 'value must be a number' }),
		unit: z.string().optional(),
		tolerance: z.number().min(0).default(0),
		/** whether an answer without its unit still counts */
		unitOptional: z.boolean().default(true)
	})
});

export const clozeQuestion = z.strictObject({
	...common,
	type: z.literal('cloze'),
	/** a span of the paragraph with blanks: "في مدينة [[زوارة]] الواقعة على مسافة [[120]] كلم" */
	text: nonEmpty('cloze text').refine((s) => /\[\[[^\]]+\]\]/.test(s), {
		error: 'a cloze text needs at least one [[blank]]'
	})
});

export const matchingQuestion = z.strictObject({
	...common,
	type: z.literal('matching'),
	pairs: z
		.array(z.strictObject({ left: option, right: option }))
		.min(2, { error: 'matching needs at least two pairs' }),
	/** extra right-hand options that match nothing */
	distractors: z.array(option).default([]),
	scoring
});

export const orderingQuestion = z.strictObject({
	...common,
	type: z.literal('ordering'),
	/** in the right order */
	items: z.array(option).min(3, { error: 'ordering needs at least three items' })
});

export const evidenceQuestion = z.strictObject({
	...common,
	type: z.literal('evidence'),
	/** share of the stored evidence the marked phrase must cover (it may be at most three times as long) */
	minOverlap: z.number().gt(0).max(1).default(0.5),
	/**
	 * the smallest phrase of the evidence that proves the answer (verbatim, inside an evidence
	 * quote): marking just this is right
	 */
	core: nonEmpty('core')
		.optional()
		.describe(
			'the smallest phrase of the evidence that proves the answer; a marked span that holds it (and is not much longer than the evidence) is right'
		)
});

export const question = z.discriminatedUnion(
	'type',
	[
		singleQuestion,
		multipleQuestion,
		trueFalseQuestion,
		shortQuestion,
		numericQuestion,
		clozeQuestion,
		matchingQuestion,
		orderingQuestion,
		evidenceQuestion
	],
	{ error: `type must be one of ${QUESTION_TYPES.join(', ')}` }
);

/** A bank file: questions/<slug>/*.yaml */
export const bankFile = z.strictObject({
	questions: z.array(z.unknown(), { error: 'a bank file holds a list under `questions:`' })
});

export type Question = z.output<typeof question>;
export type QuestionInput = z.input<typeof question>;
export type SingleQuestion = z.output<typeof singleQuestion>;
export type MultipleQuestion = z.output<typeof multipleQuestion>;
export type TrueFalseQuestion = z.output<typeof trueFalseQuestion>;
export type ShortQuestion = z.output<typeof shortQuestion>;
export type NumericQuestion = z.output<typeof numericQuestion>;
export type ClozeQuestion = z.output<typeof clozeQuestion>;
export type MatchingQuestion = z.output<typeof matchingQuestion>;
export type OrderingQuestion = z.output<typeof orderingQuestion>;
export type EvidenceQuestion = z.output<typeof evidenceQuestion>;

/** The front matter of questions/<slug>/article.md */
export const articleMeta = z.strictObject({
	title: nonEmpty('title'),
	translation: z.string().optional(),
	language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, {
		error: 'language is a BCP 47 tag such as ar or en'
	}),
	direction: z.enum(['rtl', 'ltr'], { error: 'direction is rtl or ltr' }),
	source: nonEmpty('source'),
	date: z.union([z.string(), z.date().transform((d) => d.toISOString().slice(0, 10))]),
	attribution: nonEmpty('attribution'),
	/** every question of the article is for assigned tests only */
	assessment: z.boolean().optional()
});
export type ArticleMeta = z.output<typeof articleMeta>;

/**
 * The JSON Schema of a bank file, for editors (yaml-language-server, VS Code).
 */
export function bankJsonSchema(): Record<string, unknown> {
	const file = z.strictObject({ questions: z.array(question) });
	return {
		$id: 'https://dalil.invalid/schema/bank.schema.json',
		title: 'Dalil question bank file (questions/<slug>/*.yaml)',
		...z.toJSONSchema(file, { io: 'input', unrepresentable: 'any' })
	};
}
