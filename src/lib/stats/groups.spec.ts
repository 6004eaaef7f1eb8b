import { describe, expect, it } from 'vitest';
import { ANSWERS } from './fixtures';
import { answerGroups, foldedForm } from './groups';
import type { GradedAnswer } from './types';

describe('foldedForm', () => {
	it('folds typed answers with the grader’s normalization', () => {
		expect(foldedForm({ type: 'short', text: 'زُوارة' })).toBe(
			foldedForm({ type: 'short', text: ' زوارة ' })
		);
		expect(foldedForm({ type: 'numeric', text: '١٢٠ كم' })).toBe(
			foldedForm({ type: 'numeric', text: '120كم' })
		);
		expect(foldedForm({ type: 'short', text: 'طرابلس' })).not.toBe(
			foldedForm({ type: 'short', text: 'زوارة' })
		);
	});

	it('keeps the blanks of a cloze answer apart', () => {
		const joined = foldedForm({ type: 'cloze', blanks: ['أ ب', 'ج'] });
		const split = foldedForm({ type: 'cloze', blanks: ['أ', 'ب ج'] });
		expect(joined).not.toBe(split);
		// a student typing the separator cannot forge another group
		expect(foldedForm({ type: 'cloze', blanks: ['ا | ب'] })).not.toBe(
			foldedForm({ type: 'cloze', blanks: ['ا', 'ب'] })
		);
	});

	it('has no form for answers that are not typed', () => {
		expect(foldedForm({ type: 'single', choice: 'A' })).toBeNull();
		expect(foldedForm({ type: 'evidence', paragraph: 'p1', start: 0, end: 3 })).toBeNull();
	});
});

describe('answerGroups', () => {
	const groups = answerGroups(ANSWERS);

	it('groups only typed answers, one group per question and folded form', () => {
		expect(groups.every((g) => g.questionId === 'q2')).toBe(true);
		expect(groups.map((g) => g.count)).toEqual([1, 2, 1, 1, 1]);
		expect(groups.reduce((n, g) => n + g.count, 0)).toBe(6);
	});

	it('puts the groups the grader was unsure of first, then the largest', () => {
		expect(groups[0]).toMatchObject({
			form: 'زوارا',
			unsure: true,
			verdict: 'partial',
			score: 0.5,
			rule: 'fuzzy',
			attemptIds: ['s4']
		});
		expect(groups[1]).toMatchObject({
			form: 'زواره',
			count: 2,
			verdict: 'correct',
			rule: 'exact',
			unsure: false,
			mixed: false,
			attemptIds: ['s1', 's2'],
			spellings: [
				{ text: 'زوارة', count: 1 },
				{ text: 'زُوارة', count: 1 }
			]
		});
		// the rest by form: the blank answer, then طرابلس, then مدينه زواره
		expect(groups.slice(2).map((g) => g.form)).toEqual(['', 'طرابلس', 'مدينه زواره']);
		expect(groups[2]).toMatchObject({ attemptIds: ['s6'], spellings: [{ text: '', count: 1 }] });
	});

	it('says when the answers of a group were graded differently, and takes the commonest', () => {
		const base = ANSWERS.find((a) => a.attemptId === 's1' && a.questionId === 'q2')!;
		const answers: GradedAnswer[] = [
			{ ...base, attemptId: 'a' },
			{ ...base, attemptId: 'b' },
			{ ...base, attemptId: 'c', score: 0, verdict: 'wrong', rule: 'old-rule', unsure: true }
		];
		const [group] = answerGroups(answers);
		expect(group).toMatchObject({ count: 3, mixed: true, verdict: 'correct', unsure: true });
	});

	it('shows a teacher’s override that covers the whole group, and notes a partial one', () => {
		const base = ANSWERS.find((a) => a.attemptId === 's5' && a.questionId === 'q2')!;
		const override = { verdict: 'correct' as const, score: 1 };
		const whole = answerGroups([
			{ ...base, attemptId: 'a', override },
			{ ...base, attemptId: 'b', override }
		]);
		expect(whole[0]).toMatchObject({ override, partlyOverridden: false });
		const part = answerGroups([
			{ ...base, attemptId: 'a', override },
			{ ...base, attemptId: 'b' }
		]);
		expect(part[0].override).toBeUndefined();
		expect(part[0].partlyOverridden).toBe(true);
	});
});
