/**
 * An evidence question's examples reach the same verdict whether the grader knows the article's
 * questions (the quiz: the key of the followed question proves the mark) or not (`dalil check`).
 */
import { describe, expect, it } from 'vitest';
import { markedSpan } from '../../src/lib/bank/examples';
import { gradeQuestion } from '../../src/lib/grading/grade';
import { loadBank } from '../../src/lib/server/bank';

const bank = loadBank('questions');

describe('evidence examples, with and without the article’s questions', () => {
	for (const article of bank.articles) {
		it(`${article.slug}: the same verdicts`, () => {
			const differ: string[] = [];
			for (const q of article.questions) {
				if (q.type !== 'evidence') continue;
				for (const ex of q.examples ?? []) {
					const where = ex.paragraph ? [ex.paragraph] : q.paragraph;
					const span = markedSpan(
						String(ex.answer),
						article.paragraphs.filter((p) => where.includes(p.id))
					);
					if (!span) continue;
					const response = { type: 'evidence', ...span };
					const known = gradeQuestion(q, response, { article });
					const alone = gradeQuestion(q, response, {
						article: { paragraphs: article.paragraphs }
					});
					if (known.verdict !== ex.verdict || alone.verdict !== ex.verdict)
						differ.push(
							`${q.id} «${ex.answer}»: ${known.verdict} / ${alone.verdict}, want ${ex.verdict}`
						);
				}
			}
			expect(differ).toEqual([]);
		});
	}
});
