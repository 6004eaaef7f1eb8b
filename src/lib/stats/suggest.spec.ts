import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { Question } from '../bank/schema';
import { foldArabic } from '../text/normalize';
import type { OverrideRecord } from './overrides';
import {
	bankSuggestions,
	describeSuggestion,
	readPatch,
	writePatch,
	type SuggestionTarget
} from './suggest';

const common = {
	paragraph: ['p1'],
	prompt: 'أين التقى السراج المسؤولين؟',
	evidence: ['في مدينة زوارة'],
	explanation: 'ش',
	skill: 'where' as const,
	difficulty: 1 as const,
	tags: []
};
const where = {
	...common,
	id: 'where',
	type: 'short',
	answer: 'زوارة',
	accept: ['مدينة زوارة'],
	reject: ['طرابلس'],
	file: 'questions/a/questions.yaml'
} satisfies Question & { file: string };
const distance = {
	...common,
	id: 'distance',
	type: 'numeric',
	answer: { value: 120, unit: 'كلم', tolerance: 0, unitOptional: true },
	file: 'questions/a/questions.yaml'
} satisfies Question & { file: string };
const questions = new Map<string, SuggestionTarget>([
	['where', where],
	['distance', distance]
]);

let n = 0;
function decided(text: string, over: Partial<OverrideRecord>): OverrideRecord {
	n += 1;
	return {
		id: `o${n}`,
		assignmentId: `as-${over.teacherId ?? 't1'}`,
		questionId: 'where',
		form: foldArabic(text),
		text,
		verdict: 'correct',
		score: 1,
		teacherId: 't1',
		at: `2026-12-01T10:${String(n).padStart(2, '0')}:00.000Z`,
		undone: false,
		...over
	};
}

describe('bankSuggestions', () => {
	it('turns an accepted answer into an accept form, a refused one into a reject form', () => {
		const suggestions = bankSuggestions(
			[
				decided('ساحل زوارة', { teacherId: 't1' }),
				decided('ساحل زوارة', { teacherId: 't2', note: 'the coast is the city' }),
				decided('ليبيا', { verdict: 'wrong', score: 0 })
			],
			(id) => questions.get(id)
		);
		expect(suggestions).toEqual([
			{
				questionId: 'where',
				file: 'questions/a/questions.yaml',
				field: 'accept',
				answer: 'ساحل زوارة',
				verdict: 'correct',
				score: 1,
				teachers: 2,
				notes: ['the coast is the city']
			},
			{
				questionId: 'where',
				file: 'questions/a/questions.yaml',
				field: 'reject',
				answer: 'ليبيا',
				verdict: 'wrong',
				score: 0,
				teachers: 1,
				notes: []
			}
		]);
		expect(describeSuggestion(suggestions[0])).toBe(
			'where: add «ساحل زوارة» to accept (2 teachers)'
		);
	});

	it('suggests nothing the bank already says, in any spelling', () => {
		const s = bankSuggestions(
			[
				decided('مدينةُ زوارة', {}),
				decided('زواره', {}),
				decided('طرابلس', { verdict: 'wrong', score: 0 })
			],
			(id) => questions.get(id)
		);
		expect(s).toEqual([]);
	});

	it('suggests accepting a form the bank rejects, when teachers overrule it', () => {
		const [s] = bankSuggestions([decided('طرابلس', {})], (id) => questions.get(id));
		expect(s).toMatchObject({ field: 'accept', answer: 'طرابلس' });
	});

	it('keeps partial credit and numbers as examples with their verdict', () => {
		const s = bankSuggestions(
			[
				decided('قرب زوارة', { verdict: 'partial', score: 0.5 }),
				decided('120 كيلو', { questionId: 'distance', form: foldArabic('120 كيلو') })
			],
			(id) => questions.get(id)
		);
		expect(s.map((x) => [x.questionId, x.field, x.verdict, x.score])).toEqual([
			['distance', 'examples', 'correct', 1],
			['where', 'examples', 'partial', 0.5]
		]);
		expect(describeSuggestion(s[1])).toBe(
			'where: add «قرب زوارة» as an example marked partial (0.5) (1 teacher)'
		);
	});

	it('counts each teacher once by their latest decision, and leaves ties and undone ones out', () => {
		const records = [
			decided('ساحل زوارة', { teacherId: 't1', verdict: 'wrong', score: 0 }),
			decided('ساحل زوارة', { teacherId: 't1' }), // t1 changed their mind
			decided('ساحل زوارة', { teacherId: 't2', verdict: 'wrong', score: 0 }),
			decided('ساحل زوارة', { teacherId: 't3', undone: true })
		];
		// t1 correct, t2 wrong: a tie, for a maintainer to settle elsewhere
		expect(bankSuggestions(records, (id) => questions.get(id))).toEqual([]);
		const [s] = bankSuggestions([...records, decided('ساحل زوارة', { teacherId: 't4' })], (id) =>
			questions.get(id)
		);
		expect(s).toMatchObject({ field: 'accept', teachers: 2 });
	});

	it('takes only overrides since a date, and none of questions gone from the bank', () => {
		const old = decided('ساحل زوارة', { at: '2026-10-01T00:00:00.000Z' });
		const gone = decided('x', { questionId: 'removed' });
		expect(bankSuggestions([old, gone], (id) => questions.get(id), '2026-11-01')).toEqual([]);
		expect(bankSuggestions([old], (id) => questions.get(id))).toHaveLength(1);
	});
});

describe('writePatch and readPatch', () => {
	const suggestions = bankSuggestions(
		[
			decided('ساحل زوارة', { note: 'قالها ثلاثة: «الساحل»' }),
			decided('ليبيا: الغرب', { verdict: 'wrong', score: 0 }),
			decided('قرب زوارة', { verdict: 'partial', score: 0.5 })
		],
		(id) => questions.get(id)
	);
	const text = writePatch(suggestions, ['written 2026-12-02 from overrides since 2026-11-01']);

	it('writes YAML a maintainer can read, each entry under a line that says what it does', () => {
		expect(text).toContain('# written 2026-12-02 from overrides since 2026-11-01\n');
		expect(text).toContain(
			'  # where: add «ساحل زوارة» to accept (1 teacher)\n  - question: where\n'
		);
		expect(load(text)).toMatchObject({
			suggestions: [
				{
					question: 'where',
					add: 'accept',
					answer: 'ساحل زوارة',
					notes: ['قالها ثلاثة: «الساحل»']
				},
				{ question: 'where', add: 'examples', verdict: 'partial', score: 0.5 },
				{ question: 'where', add: 'reject', answer: 'ليبيا: الغرب' }
			]
		});
	});

	it('reads back what it wrote', () => {
		expect(readPatch(load(text))).toEqual({ ok: true, suggestions });
		expect(readPatch(load(writePatch([])))).toEqual({ ok: true, suggestions: [] });
	});

	it('refuses a patch it cannot read, saying where', () => {
		const bad = readPatch({ suggestions: [{ question: 'where', add: 'answer', answer: 'x' }] });
		expect(bad.ok).toBe(false);
		expect(!bad.ok && bad.error).toMatch(/^suggestions\.0\.add: /);
		expect(readPatch('text').ok).toBe(false);
	});
});
