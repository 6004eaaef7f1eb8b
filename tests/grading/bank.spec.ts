/**
 * The grader against the bank as written: every key and accepted form of every free-text question
 * counts, every form the author rejects does not, and a right choice is right.
 */
import { describe, expect, it } from 'vitest';
import { parseCloze } from '../../src/lib/bank/schema';
import { gradeQuestion } from '../../src/lib/grading/grade';
import { loadBank } from '../../src/lib/server/bank';

const bank = loadBank('questions');

describe('the bank grades its own keys', () => {
	for (const article of bank.articles) {
		const ctx = { article };
		it(`${article.slug}: keys and accepted forms count, rejected forms do not`, () => {
			const problems: string[] = [];
			for (const q of article.questions) {
				const check = (response: unknown, want: boolean, what: string) => {
					const r = gradeQuestion(q, response, ctx);
					if (r.correct !== want) problems.push(`${q.id}: ${what} → ${r.verdict} (${r.reason})`);
				};
				switch (q.type) {
					case 'short':
						for (const t of [q.answer, ...q.accept])
							check({ type: 'short', text: t }, true, `«${t}»`);
						for (const t of q.reject) check({ type: 'short', text: t }, false, `rejected «${t}»`);
						break;
					case 'numeric':
						check(
							{ type: 'numeric', text: `${q.answer.value} ${q.answer.unit ?? ''}` },
							true,
							'the value'
						);
						check(
							{ type: 'numeric', text: `${q.answer.value + q.answer.tolerance + 1}` },
							false,
							'another value'
						);
						break;
					case 'cloze': {
						const blanks = parseCloze(q.text).blanks;
						check({ type: 'cloze', blanks: blanks.map((b) => b.answer) }, true, 'the blanks');
						for (const b of blanks) {
							for (const alt of b.accept) {
								const r = gradeQuestion(
									q,
									{ type: 'cloze', blanks: blanks.map((x) => (x === b ? alt : x.answer)) },
									ctx
								);
								if (!r.correct) problems.push(`${q.id}: blank form «${alt}» → ${r.reason}`);
							}
						}
						break;
					}
					case 'single':
						check({ type: 'single', choice: q.answer.text }, true, 'the answer');
						check({ type: 'single', choice: q.distractors[0].text }, false, 'a distractor');
						break;
					case 'truefalse':
						check({ type: 'truefalse', value: q.answer }, true, 'the answer');
						break;
					case 'multiple':
						check({ type: 'multiple', choices: q.answer.map((o) => o.text) }, true, 'the answers');
						break;
					case 'matching':
						check(
							{ type: 'matching', matches: q.pairs.map((p) => p.right.text) },
							true,
							'the pairs'
						);
						break;
					case 'ordering':
						check({ type: 'ordering', order: q.items.map((o) => o.text) }, true, 'the order');
						break;
					case 'evidence':
						for (const s of q.spans)
							check({ type: 'evidence', ...s }, true, `the span ${s.paragraph}`);
						break;
				}
			}
			expect(problems).toEqual([]);
		});
	}
});
