/**
 * The answer key of a question as one line of text: for people (results pages, the teacher's
 * bank, CSV cells, worksheet keys, `dalil grade` output). Zod-free, so pages can use it.
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
			return q.pairs.map((p) => `${p.left.text} → ${p.right.text}`).join(' | ');
		case 'ordering':
			return q.items.map((o) => o.text).join(' → ');
		case 'evidence':
			return q.evidence.join(' … ');
	}
}
