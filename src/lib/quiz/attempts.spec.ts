import { describe, expect, it } from 'vitest';
import type { GradeResult } from '../grading/types';
import { keptGrade } from './attempts';

describe('keptGrade', () => {
	it('keeps the score, the verdict and the review flag of a grade, the rest is the question’s own', () => {
		const full: GradeResult = {
			questionId: 'q1',
			type: 'short',
			score: 0.5,
			correct: false,
			verdict: 'partial',
			unsure: true,
			review: true,
			rule: 'parts',
			reason: 'one of two parts',
			parts: [{ label: 'a', expected: 'x', given: 'y', correct: false, score: 0 }],
			normalized: ['hamza folded'],
			expected: 'زوارة',
			evidence: [{ paragraph: 'p3', start: 1, end: 9 }],
			explanation: '…'
		};
		expect(keptGrade(full)).toEqual({ score: 0.5, verdict: 'partial', review: true });
		// a sure grade keeps no flag
		expect(keptGrade({ ...full, unsure: false, review: false })).toEqual({
			score: 0.5,
			verdict: 'partial'
		});
	});
});
