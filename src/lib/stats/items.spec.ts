import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from '../bank/schema';
import type { StudentResponse } from '../grading/types';
import { ANSWERS, ITEMS } from './fixtures';
import { correlation, groupSize, itemInfo, itemStatistics } from './items';
import type { GradedAnswer, ItemInfo } from './types';

// Rest scores (mean of the student's other three questions), from the table in fixtures.ts:
//        s1   s2   s3   s4   s5   s6
// q1    2/3  2/3   1   1/2  2/3   0
// q2    2/3  2/3  2/3  2/3  2/3   0
// q3    2/3  2/3  2/3  5/6  1/3   0
// q4     1    1   2/3  1/2  1/3   0
const stats = itemStatistics(ITEMS, ANSWERS);
const byId = (id: string) => stats.find((s) => s.questionId === id)!;

describe('groupSize', () => {
	it('takes 27 % or a third of the students, at least one, none below two', () => {
		expect(groupSize(6, 0.27)).toBe(2); // 1.62
		expect(groupSize(10, 0.27)).toBe(3); // 2.7
		expect(groupSize(200, 0.27)).toBe(54);
		expect(groupSize(3, 1 / 3)).toBe(1);
		expect(groupSize(2, 0.27)).toBe(1);
		expect(groupSize(1, 0.27)).toBe(0);
	});
});

describe('correlation', () => {
	it('is Pearson’s r, and null for a series that does not vary', () => {
		expect(correlation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
		expect(correlation([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
		// x̄ = 1/2, ȳ = 1/2; Σdxdy = 1/4 + 0 + 0 + 1/4 = 1/2; Σdx² = 1, Σdy² = 1/2 + … = 1
		expect(correlation([0, 0, 1, 1], [0, 0.5, 0.5, 1])).toBeCloseTo(0.5 / Math.sqrt(1 * 0.5), 12);
		expect(correlation([1, 1, 1], [0, 1, 2])).toBeNull();
		expect(correlation([1], [1])).toBeNull();
	});
});

describe('itemStatistics', () => {
	it('counts facility as the share fully correct, and the mean score with partial credit', () => {
		expect(byId('q1')).toMatchObject({ attempts: 6, answered: 6, facility: 0.5, meanScore: 0.5 });
		// q2: three right, one half (s4), two wrong (one of them blank)
		expect(byId('q2')).toMatchObject({ answered: 5, facility: 0.5 });
		expect(byId('q2').meanScore).toBeCloseTo(3.5 / 6, 12);
		expect(byId('q3').facility).toBeCloseTo(4 / 6, 12);
	});

	it('corrects the point-biserial for the item: q4 against the other questions', () => {
		// x = 0 0 1 1 1 0 (x̄ = 1/2); y = 1 1 2/3 1/2 1/3 0 (ȳ = 7/12)
		// Σdxdy = ½(−5/12 − 5/12 + 1/12 − 1/12 − 3/12 + 7/12) = ½(−6/12) = −1/4
		// Σdx² = 6/4 = 3/2; Σdy² = (25 + 25 + 1 + 1 + 9 + 49)/144 = 110/144
		const r = -1 / 4 / Math.sqrt((3 / 2) * (110 / 144));
		expect(byId('q4').discrimination).toBeCloseTo(r, 12);
		expect(r).toBeCloseTo(-0.2335, 4);
	});

	it('ranks by rest score for the upper–lower index, ties by attempt', () => {
		// q4: upper 27 % (2 students) s1 s2 score 0, lower s5 s6 score ½ → D = −½
		expect(byId('q4').upperLower).toBeCloseTo(-0.5, 12);
		// q2: upper s1 s2 (rest 2/3, ahead of s3 s4 s5 by id) both 1; lower s5 s6 both 0
		expect(byId('q2').upperLower).toBeCloseTo(1, 12);
		// q1: upper s3 (rest 1) and s1; lower s4 and s6 → (0 + 1)/2 − (1 + 0)/2 = 0
		expect(byId('q1').upperLower).toBeCloseTo(0, 12);
	});

	it('gives each option’s share overall and in the top and bottom thirds', () => {
		// q1 top third by rest: s3 (B), s1 (A); bottom: s4 (A), s6 (C)
		expect(byId('q1').options).toEqual([
			{ text: 'A', key: true, count: 3, share: 0.5, top: 0.5, bottom: 0.5 },
			{ text: 'B', key: false, count: 2, share: 2 / 6, top: 0.5, bottom: 0 },
			{ text: 'C', key: false, count: 1, share: 1 / 6, top: 0, bottom: 0.5 },
			{ text: 'D', key: false, count: 0, share: 0, top: 0, bottom: 0 }
		]);
		// q4: the top third (s1, s2) both chose Y over the key X
		expect(byId('q4').options?.map((o) => [o.text, o.top, o.bottom])).toEqual([
			['X', 0, 0.5],
			['Y', 1, 0],
			['Z', 0, 0.5]
		]);
		expect(byId('q2').options).toBeUndefined();
	});

	it('counts teachers’ overrides, and their scores', () => {
		const overridden = ANSWERS.map((a) =>
			a.questionId === 'q2' && a.attemptId === 's5'
				? { ...a, override: { verdict: 'correct' as const, score: 1 } }
				: a
		);
		const q2 = itemStatistics(ITEMS, overridden).find((s) => s.questionId === 'q2')!;
		expect(q2.overridden).toBeCloseTo(1 / 6, 12);
		expect(q2.facility).toBeCloseTo(4 / 6, 12);
		expect(byId('q2').overridden).toBe(0);
	});

	it('has no figures for a question nobody had, and no discrimination without variance', () => {
		const [empty] = itemStatistics([{ id: 'q9', type: 'short' }], ANSWERS);
		expect(empty).toMatchObject({
			attempts: 0,
			facility: null,
			discrimination: null,
			upperLower: null
		});
		const allRight = ANSWERS.map((a) => (a.questionId === 'q1' ? { ...a, score: 1 } : a));
		expect(itemStatistics(ITEMS, allRight)[0].discrimination).toBeNull();
	});

	it('leaves out of the ranking a student whose attempt held only this question', () => {
		const alone = [{ ...ANSWERS[0], attemptId: 'solo' }];
		const [q1] = itemStatistics(ITEMS, [...ANSWERS, ...alone]);
		expect(q1.attempts).toBe(7);
		expect(q1.upperLower).toBeCloseTo(0, 12); // unchanged: the six others decide it
	});
});

describe('itemStatistics over any class', () => {
	const options = ['A', 'B', 'C', 'D'].map((text, k) => ({ text, key: k === 0 }));
	const items: ItemInfo[] = [
		{ id: 'one', type: 'single', options },
		{ id: 'many', type: 'multiple', options },
		{ id: 'open', type: 'short' }
	];
	const choice = fc.constantFrom('A', 'B', 'C', 'D', 'E');
	const responses: Record<string, fc.Arbitrary<StudentResponse>> = {
		one: choice.map((c) => ({ type: 'single', choice: c })),
		many: fc.array(choice, { maxLength: 5 }).map((c) => ({ type: 'multiple', choices: c })),
		open: fc.string().map((text) => ({ type: 'short', text }))
	};
	// halves, so that sums do not round and any order of adding gives the same figures
	const answerTo = (attemptId: string, questionId: string) =>
		fc
			.record({
				response: fc.option(responses[questionId], { freq: 5 }),
				score: fc.constantFrom(0, 0.5, 1),
				override: fc.option(fc.constantFrom(0, 0.5, 1), { freq: 3, nil: undefined })
			})
			.map(({ response, score, override }): GradedAnswer => ({
				attemptId,
				questionId,
				type: items.find((i) => i.id === questionId)!.type,
				response,
				score,
				verdict: 'wrong',
				reason: '',
				unsure: false,
				...(override === undefined ? {} : { override: { verdict: 'partial', score: override } })
			}));
	// attempts with distinct ids, each holding some of the questions (one alone sometimes)
	const attempts = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 30 });
	const answers = attempts.chain((ids) =>
		fc
			.tuple(
				...ids.map((id) => fc.subarray(items.map((i) => i.id)).map((held) => [id, held] as const))
			)
			.chain((held) =>
				fc.tuple(...held.flatMap(([id, questions]) => questions.map((q) => answerTo(id, q))))
			)
	);

	it('gives the same figures whatever order the answers come in (ties by attempt id)', () => {
		fc.assert(
			fc.property(
				answers.chain((list) =>
					fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))
				),
				([list, shuffled]) => {
					expect(itemStatistics(items, shuffled)).toEqual(itemStatistics(items, list));
				}
			)
		);
	});

	it('counts a response that names an option twice once, and ignores texts not offered', () => {
		fc.assert(
			fc.property(answers, (list) => {
				const many = itemStatistics(items, list)[1];
				const given = list.filter((a) => a.questionId === 'many');
				for (const option of many.options!) {
					const chose = given.filter(
						(a) => a.response?.type === 'multiple' && a.response.choices.includes(option.text)
					);
					expect(option.count).toBe(chose.length);
					expect(option.share).toBe(given.length ? chose.length / given.length : 0);
				}
			})
		);
	});
});

describe('itemInfo', () => {
	const common = {
		paragraph: ['p1'],
		prompt: 'س',
		evidence: ['د'],
		explanation: 'ش',
		skill: 'who' as const,
		difficulty: 1 as const,
		tags: []
	};
	it('lists a choice question’s options key first, as responses name them', () => {
		const q = {
			...common,
			id: 'c',
			type: 'single',
			answer: { text: 'A' },
			distractors: [{ text: 'B' }]
		} satisfies Question;
		expect(itemInfo(q).options).toEqual([
			{ text: 'A', key: true },
			{ text: 'B', key: false }
		]);
		const tf = {
			...common,
			id: 't',
			type: 'truefalse',
			answer: false,
			correction: 'x'
		} satisfies Question;
		expect(itemInfo(tf).options).toEqual([
			{ text: 'true', key: false },
			{ text: 'false', key: true }
		]);
	});
});
