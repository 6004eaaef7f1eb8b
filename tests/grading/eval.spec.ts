/**
 * The grader's evaluation set (tests/grading/eval.yaml): typed answers over the seed article with
 * the verdict a fair teacher gives. Reports accuracy, false accepts and false rejects, and fails
 * below 100%.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/lib/bank/article';
import { gradeQuick, type QuickKey } from '../../src/lib/grading/quick';

interface EvalQuestion extends Omit<QuickKey, 'article'> {
	id: string;
	right?: string[];
	wrong?: string[];
	partial?: string[];
}

const root = join(__dirname, '..', '..');
const set = load(readFileSync(join(__dirname, 'eval.yaml'), 'utf8')) as {
	article: string;
	questions: EvalQuestion[];
};
const { article } = parseArticle(set.article, {
	path: `questions/${set.article}/article.md`,
	text: readFileSync(join(root, 'questions', set.article, 'article.md'), 'utf8')
});
if (!article) throw new Error('the seed article does not parse');

type Want = 'right' | 'wrong' | 'partial';
const cases: { q: EvalQuestion; answer: string; why: string; want: Want }[] = [];
for (const q of set.questions) {
	for (const want of ['right', 'wrong', 'partial'] as const) {
		for (const line of q[want] ?? []) {
			const at = String(line).lastIndexOf(' — ');
			if (at < 0) throw new Error(`${q.id}: a case needs "answer — reason": ${line}`);
			cases.push({
				q,
				answer: String(line)
					.slice(0, at)
					.replace(/^\(empty\)$/, ''),
				why: String(line).slice(at + 3),
				want
			});
		}
	}
}

function grade(q: EvalQuestion, answer: string) {
	const { id: _id, right: _r, wrong: _w, partial: _p, ...key } = q;
	void _id;
	void _r;
	void _w;
	void _p;
	const withText = key.paragraph !== undefined;
	return gradeQuick(
		{ ...key, ...(withText ? { article: set.article } : {}) } as QuickKey,
		answer,
		withText ? article : undefined
	);
}

describe('grading evaluation set', () => {
	it('holds at least 300 cases', () => {
		expect(cases.length).toBeGreaterThanOrEqual(300);
	});

	it('grades every case as a fair teacher would (100%)', () => {
		const failures: string[] = [];
		let falseAccepts = 0;
		let falseRejects = 0;
		let partialMisses = 0;
		let unsure = 0;
		for (const c of cases) {
			const r = grade(c.q, c.answer);
			if (r.unsure) unsure++;
			const ok =
				c.want === 'right'
					? r.correct
					: c.want === 'wrong'
						? !r.correct && r.score === 0
						: !r.correct && r.score > 0 && r.score < 1;
			if (ok) continue;
			if (c.want === 'right') falseRejects++;
			else if (r.correct) falseAccepts++;
			else partialMisses++;
			failures.push(
				`${c.q.id}: «${c.answer}» should be ${c.want} (${c.why}); got ${r.verdict} ${r.score}: ${r.reason}`
			);
		}
		const right = cases.length - failures.length;
		const counts = { right: 0, wrong: 0, partial: 0 };
		for (const c of cases) counts[c.want]++;
		console.log(
			`grading eval: ${right}/${cases.length} = ${((100 * right) / cases.length).toFixed(1)}% ` +
				`(cases: ${counts.right} right, ${counts.wrong} wrong, ${counts.partial} partial); ` +
				`false accepts ${falseAccepts}, false rejects ${falseRejects}, partial misjudged ${partialMisses}; ` +
				`marked for review ${unsure}`
		);
		expect(failures).toEqual([]);
	});
});
