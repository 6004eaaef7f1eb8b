/**
 * Validates raw responses at the boundary (form posts, JSON bodies, CLI lines, local storage):
 * the right shape for the question, bounded in size. Never throws: a bad response gets a clear
 * message instead.
 */
// zod/mini: the same validation as zod at a fraction of the size, as the quiz page ships this.
import * as z from 'zod/mini';
import type { Question } from '../bank/schema';
import type { StudentResponse } from './types';

/** The longest answer accepted, in characters. */
export const MAX_ANSWER_LENGTH = 500;
/** The most items a list answer (choices, blanks, matches, order) may hold. */
export const MAX_ITEMS = 100;

const text = z.string({ error: 'the answer must be text' }).check(
	z.maxLength(MAX_ANSWER_LENGTH, {
		error: `the answer is longer than ${MAX_ANSWER_LENGTH} characters: please shorten it`
	})
);
const list = z
	.array(text, { error: 'the answer must be a list' })
	.check(z.maxLength(MAX_ITEMS, { error: `the answer lists more than ${MAX_ITEMS} items` }));
const offset = z
	.int({ error: 'an offset must be a whole number' })
	.check(
		z.minimum(0, { error: 'an offset cannot be negative' }),
		z.maximum(1_000_000, { error: 'an offset is out of range' })
	);

/** The zod schema of a student response (see `StudentResponse`). */
export const studentResponse = z.discriminatedUnion(
	'type',
	[
		z.object({ type: z.literal('single'), choice: text }),
		z.object({ type: z.literal('multiple'), choices: list }),
		z.object({
			type: z.literal('truefalse'),
			value: z.boolean({ error: 'the answer must be true or false' })
		}),
		z.object({ type: z.literal('short'), text }),
		z.object({ type: z.literal('numeric'), text }),
		z.object({ type: z.literal('cloze'), blanks: list }),
		z.object({ type: z.literal('matching'), matches: list }),
		z.object({ type: z.literal('ordering'), order: list }),
		z
			.object({
				type: z.literal('evidence'),
				paragraph: z
					.string()
					.check(z.regex(/^p[1-9][0-9]{0,4}$/, { error: 'a paragraph is named p1, p2, …' })),
				start: offset,
				end: offset
			})
			.check(
				z.refine((r) => r.end > r.start, { error: 'the marked phrase is empty', path: ['end'] })
			)
	],
	{ error: 'the response has no valid type' }
);

export type ParsedResponse = { ok: true; response: StudentResponse } | { ok: false; error: string };

/**
 * Validates a raw response, optionally against the question it answers.
 * @param raw anything (parsed JSON, form data turned into an object)
 * @param question the question, to check the type and the number of blanks/pairs
 */
export function parseResponse(raw: unknown, question?: Question): ParsedResponse {
	let parsed;
	try {
		parsed = studentResponse.safeParse(raw);
	} catch {
		return { ok: false, error: 'the response could not be read' };
	}
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const where = issue.path.length ? ` (${issue.path.join('.')})` : '';
		return { ok: false, error: `${issue.message}${where}` };
	}
	const response = parsed.data as StudentResponse;
	if (question && question.type !== response.type) {
		return {
			ok: false,
			error: `this is a ${question.type} question; the response is for a ${response.type} question`
		};
	}
	return { ok: true, response };
}

/** A list given as an array or as text: "a | b", «أ؛ ب». */
const asList = (v: unknown) =>
	Array.isArray(v) ? v : typeof v === 'string' ? v.split(/\s*[|؛;]\s*/) : v;
/** Text given as text or as a number. */
const asText = (v: unknown) => (typeof v === 'number' ? String(v) : v);

/** True or false written in words: true/yes/صح/نعم, false/no/خطأ/لا (anything else as given). */
function asTruth(raw: unknown): unknown {
	if (typeof raw !== 'string') return raw;
	const t = raw.trim().toLowerCase();
	if (/^(true|yes|t|1|صح|صحيح|نعم|صواب)$/.test(t)) return true;
	if (/^(false|no|f|0|خطأ|خطا|خاطئ|لا|غلط)$/.test(t)) return false;
	return raw;
}

/**
 * Turns a loosely written answer (a CLI line, a CSV cell) into a response for a question type:
 * text for short/numeric/single, a list (array or "a | b") for multiple/cloze/matching/ordering,
 * true/false/صح/خطأ for truefalse, {paragraph,start,end} for evidence.
 * @param type the question type
 * @param raw the answer as given
 */
export function coerceResponse(type: Question['type'], raw: unknown): ParsedResponse {
	if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'type' in raw) {
		const parsed = parseResponse(raw);
		if (parsed.ok && parsed.response.type !== type) {
			return {
				ok: false,
				error: `this is a ${type} question; the response is for a ${parsed.response.type} question`
			};
		}
		return parsed;
	}
	switch (type) {
		case 'short':
		case 'numeric':
			return parseResponse({ type, text: asText(raw) });
		case 'single':
			return parseResponse({ type, choice: asText(raw) });
		case 'multiple':
			return parseResponse({ type, choices: asList(raw) });
		case 'cloze':
			return parseResponse({ type, blanks: asList(raw) });
		case 'matching':
			return parseResponse({ type, matches: asList(raw) });
		case 'ordering':
			return parseResponse({ type, order: asList(raw) });
		case 'truefalse':
			return parseResponse({ type, value: asTruth(raw) });
		case 'evidence':
			return parseResponse(
				raw && typeof raw === 'object' ? { type, ...(raw as object) } : { type, paragraph: raw }
			);
	}
}
