/**
 * The answer key of a question: in parts for pages (a list, or a table of pairs, so no arrow has to
 * point the reader's way), and as one line of text for files (CSV cells, worksheet keys, `dalil
 * grade` output), with separators that read the same in either direction. Zod-free, so pages can
 * use it.
 */
import { parseCloze } from './cloze';
import type { Question } from './schema';

/** How true and false read in the reader's language. */
export interface TruthLabels {
	true: string;
	false: string;
}

/**
 * The answer key as a person reads it.
 * @param q a question
 * @param labels the words for true and false (default: English)
 */
export function answerKeyText(
	q: Question,
	labels: TruthLabels = { true: 'true', false: 'false' }
): string {
	switch (q.type) {
		case 'single':
			return q.answer.text;
		case 'multiple':
			return q.answer.map((o) => o.text).join(' | ');
		case 'truefalse':
			return q.answer ? labels.true : `${labels.false}${q.correction ? ` (${q.correction})` : ''}`;
		case 'short':
			return q.answer;
		case 'numeric': {
			const { value, tolerance, unit } = q.answer;
			return `${value}${tolerance ? ` ± ${tolerance}` : ''}${unit ? ` ${unit}` : ''}`;
		}
		case 'cloze':
			return parseCloze(q.text)
				.blanks.map((b) => b.answer)
				.join(' | ');
		case 'matching':
			return q.pairs.map((p) => `${p.left.text} = ${p.right.text}`).join(' | ');
		case 'ordering':
			return q.items.map((o, i) => `${i + 1}. ${o.text}`).join(' | ');
		case 'evidence':
			return q.evidence.join(' … ');
	}
}

/**
 * The answer key in parts, for a page to lay out: one text, a list (ordered for an ordering
 * question), or the pairs of a matching question.
 */
export type AnswerKeyParts =
	| { kind: 'text'; text: string }
	| { kind: 'list'; ordered: boolean; items: string[] }
	| { kind: 'pairs'; pairs: [left: string, right: string][] };

/**
 * The answer key in parts: the pairs of a matching question, the items of an ordering question in
 * order, the options of a multiple-choice question or a cloze's blanks as a list, else one text.
 * @param q a question
 * @param labels the words for true and false (default: English)
 */
export function answerKeyParts(
	q: Question,
	labels: TruthLabels = { true: 'true', false: 'false' }
): AnswerKeyParts {
	switch (q.type) {
		case 'multiple':
			return { kind: 'list', ordered: false, items: q.answer.map((o) => o.text) };
		case 'cloze':
			return {
				kind: 'list',
				ordered: true,
				items: parseCloze(q.text).blanks.map((b) => b.answer)
			};
		case 'matching':
			return { kind: 'pairs', pairs: q.pairs.map((p) => [p.left.text, p.right.text]) };
		case 'ordering':
			return { kind: 'list', ordered: true, items: q.items.map((o) => o.text) };
		default:
			return { kind: 'text', text: answerKeyText(q, labels) };
	}
}
