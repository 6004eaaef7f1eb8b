import { describe, expect, it } from 'vitest';
import type { GradeResult } from '../grading/types';
import { AttemptStore, keptGrade } from './attempts';

/** A store on a hand-moved clock, with ids a, b, c, … */
function store(max: number, ttlMs: number) {
	const clock = { t: 1_000 };
	let n = 0;
	const s = new AttemptStore(
		max,
		ttlMs,
		() => clock.t,
		() => String.fromCharCode(97 + n++)
	);
	const start = () => s.create({ slug: 'a', query: 'seed=1&mode=test', ids: ['q1'] }).id;
	return { s, clock, start };
}

describe('AttemptStore', () => {
	it('keeps at most max attempts, dropping the least recently used', () => {
		const { s, start } = store(3, 60_000);
		const [a, b] = [start(), start(), start()];
		expect(s.get(a)).toBeDefined(); // a is now the most recently used
		start();
		expect(s.size).toBe(3);
		expect(s.get(b)).toBeUndefined();
		expect(s.get(a)?.id).toBe('a');
		for (let i = 0; i < 100; i++) start();
		expect(s.size).toBe(3);
	});

	it('forgets an attempt left alone longer than ttlMs, and drops the expired on the next start', () => {
		const { s, clock, start } = store(100, 60_000);
		const a = start();
		const b = start();
		clock.t += 59_000;
		expect(s.get(a)).toBeDefined(); // used again: its minute starts over
		clock.t += 2_000;
		start();
		expect(s.size).toBe(2);
		expect(s.get(b)).toBeUndefined();
		expect(s.get(a)).toBeDefined();
		clock.t += 61_000;
		expect(s.get(a)).toBeUndefined();
	});

	it('keeps a sealed attempt as it was sealed, and counts it like the others', () => {
		const { s, start } = store(2, 60_000);
		const a = s.get(start())!;
		a.answers = { q1: { type: 'short', text: 'زوارة' } };
		a.submitted = {
			at: 2_000,
			late: false,
			results: { q1: { score: 1, verdict: 'correct' } }
		};
		s.seal(a);
		a.answers = {};
		const kept = s.get(a.id)!;
		expect(kept.answers).toEqual({ q1: { type: 'short', text: 'زوارة' } });
		expect(kept.submitted?.results.q1.verdict).toBe('correct');
		kept.answers = {};
		expect(s.get(a.id)!.answers.q1).toBeDefined();
		start();
		start();
		expect(s.get(a.id)).toBeUndefined();
	});

	it('finds nothing for an empty or unknown id', () => {
		const { s, start } = store(10, 60_000);
		start();
		expect(s.get(undefined)).toBeUndefined();
		expect(s.get('')).toBeUndefined();
		expect(s.get('zz')).toBeUndefined();
	});
});

describe('keptGrade', () => {
	it('keeps the score and verdict of a grade, the rest is the question’s own', () => {
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
		expect(keptGrade(full)).toEqual({ score: 0.5, verdict: 'partial' });
	});
});
