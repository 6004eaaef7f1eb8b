/**
 * Answers as tests: each question's `examples` (answers a student might give, each with the
 * verdict a fair grader reaches) are graded with the real grader, and a verdict that differs fails
 * the question. The key is proven by the text; its grading is proven by its examples.
 *
 * Also here, because it is what an evidence question's grading rests on: its `core` (the smallest
 * proving phrase) must stand inside one of its evidence quotes.
 */
import { gradeQuestion } from '../grading/grade';
import { coerceResponse } from '../grading/response';
import type { StudentResponse } from '../grading/types';
import { normalizeQuote, normalizeQuoteWithOffsets } from '../text/normalize';
import type { EvidenceSpan } from './check';
import type { Example, Question } from './schema';

/** A problem found in a question, at a path inside it. */
export interface QuestionFinding {
	/** path inside the question, e.g. ['examples', 2] */
	path: PropertyKey[];
	message: string;
}

/** The paragraphs of the question's article, as stored. */
export interface ExampleContext {
	paragraphs: { id: string; text: string }[];
}

type GradableQuestion = Question & { spans?: EvidenceSpan[] };

/**
 * The span a student marks when they mark `phrase`: its first place in the given paragraphs, by
 * the quote rules of the check (Unicode NFC and whitespace folding only).
 * @param phrase the marked phrase
 * @param paragraphs where to look, in order
 */
export function markedSpan(
	phrase: string,
	paragraphs: { id: string; text: string }[]
): { paragraph: string; start: number; end: number } | undefined {
	const needle = normalizeQuote(phrase);
	if (needle === '') return undefined;
	for (const p of paragraphs) {
		const quote = normalizeQuoteWithOffsets(p.text);
		const at = quote.text.indexOf(needle);
		if (at >= 0) {
			return {
				paragraph: p.id,
				start: quote.offsets[at],
				end: quote.offsets[at + needle.length - 1] + 1
			};
		}
	}
	return undefined;
}

/** The example as the response the quiz would send, or why it cannot be one. */
function responseOf(
	q: Question,
	ex: Example,
	context: ExampleContext
): { response: StudentResponse } | { error: string } {
	if (q.type === 'evidence') {
		if (typeof ex.answer !== 'string') return { error: 'an evidence example is the marked phrase' };
		const where = ex.paragraph ? [ex.paragraph] : q.paragraph;
		const span = markedSpan(
			ex.answer,
			context.paragraphs.filter((p) => where.includes(p.id))
		);
		if (!span) return { error: `the marked phrase «${ex.answer}» is not in ${where.join(', ')}` };
		return { response: { type: 'evidence', ...span } };
	}
	const parsed = coerceResponse(q.type, ex.answer);
	return parsed.ok ? { response: parsed.response } : { error: parsed.error };
}

/**
 * Grades a question's examples; one finding for each example whose verdict differs from the
 * grader's, or that cannot be given as an answer.
 * @param q a question that passed the grounding check (evidence questions carry their spans)
 * @param context its article's paragraphs
 */
export function exampleFindings(q: GradableQuestion, context: ExampleContext): QuestionFinding[] {
	const findings: QuestionFinding[] = [];
	const grade = { article: { paragraphs: context.paragraphs } };
	(q.examples ?? []).forEach((ex, i) => {
		const given = responseOf(q, ex, context);
		if ('error' in given) {
			findings.push({ path: ['examples', i], message: `example ${i + 1}: ${given.error}` });
			return;
		}
		const result = gradeQuestion(q, given.response, grade);
		if (result.verdict !== ex.verdict) {
			findings.push({
				path: ['examples', i],
				message:
					`example «${shown(ex.answer)}» should be ${ex.verdict}` +
					(ex.reason ? ` (${ex.reason})` : '') +
					`, but the grader says ${result.verdict} (${result.reason}): fix the key, its accepted forms, or the example`
			});
		}
	});
	return findings;
}

/**
 * An evidence question's `core` must stand inside one of its evidence quotes.
 * @param q a question
 */
export function coreFindings(q: Question): QuestionFinding[] {
	if (q.type !== 'evidence' || q.core === undefined) return [];
	const core = normalizeQuote(q.core);
	if (q.evidence.some((e) => normalizeQuote(e).includes(core))) return [];
	return [{ path: ['core'], message: `the core «${q.core}» is not inside the evidence` }];
}

function shown(answer: Example['answer']): string {
	return Array.isArray(answer) ? answer.join(' | ') : String(answer);
}
