import { describe, expect, it } from 'vitest';
import { ANSWERS } from './fixtures';
import { foldedForm } from './groups';
import {
	activeOverrides,
	applyOverrides,
	colleagueVerdicts,
	groupKey,
	regradeSummary,
	type OverrideRecord
} from './overrides';

function record(over: Partial<OverrideRecord>): OverrideRecord {
	return {
		id: 'o1',
		assignmentId: 'as1',
		questionId: 'q2',
		form: 'طرابلس',
		verdict: 'correct',
		score: 1,
		teacherId: 't1',
		at: '2026-12-01T10:00:00.000Z',
		undone: false,
		...over
	};
}

describe('activeOverrides', () => {
	it('takes the latest override of a group that is not undone', () => {
		const first = record({ id: 'o1', verdict: 'partial', score: 0.5 });
		const second = record({ id: 'o2', at: '2026-12-01T11:00:00.000Z', verdict: 'correct' });
		expect(activeOverrides([second, first]).get(groupKey('q2', 'طرابلس'))).toBe(second);
		// undoing the second brings back the first
		const undone = { ...second, undone: true };
		expect(activeOverrides([first, undone]).get(groupKey('q2', 'طرابلس'))).toBe(first);
		expect(activeOverrides([{ ...first, undone: true }, undone]).size).toBe(0);
	});
});

describe('applyOverrides', () => {
	it('sets the teacher’s verdict on every answer of the group, and only there', () => {
		const active = activeOverrides([
			record({ form: foldedForm({ type: 'short', text: 'زوارا' })! })
		]);
		const applied = applyOverrides(ANSWERS, active);
		const changed = applied.filter((a) => a.override);
		expect(changed.map((a) => [a.attemptId, a.questionId])).toEqual([['s4', 'q2']]);
		expect(changed[0]).toMatchObject({ score: 0.5, override: { verdict: 'correct', score: 1 } });
	});

	it('takes an override away when it is no longer in force', () => {
		const before = ANSWERS.map((a) => ({
			...a,
			override: { verdict: 'wrong' as const, score: 0 }
		}));
		expect(applyOverrides(before, new Map()).some((a) => a.override)).toBe(false);
	});

	it('gives the blank answers’ group its override too', () => {
		const active = activeOverrides([record({ form: '', verdict: 'wrong', score: 0 })]);
		const blank = applyOverrides(ANSWERS, active).filter((a) => a.override);
		expect(blank.map((a) => a.attemptId)).toEqual(['s6']);
	});
});

describe('colleagueVerdicts', () => {
	it('counts each other teacher once, by their latest decision in force', () => {
		const records = [
			record({ id: 'a', teacherId: 't1' }),
			record({ id: 'b', teacherId: 't2', assignmentId: 'as2' }),
			record({ id: 'c', teacherId: 't3', assignmentId: 'as3', verdict: 'wrong', score: 0 }),
			// t3 changed their mind later
			record({ id: 'd', teacherId: 't3', assignmentId: 'as3', at: '2026-12-02T09:00:00.000Z' }),
			record({ id: 'e', teacherId: 't4', assignmentId: 'as4', undone: true }),
			record({ id: 'f', teacherId: 't5', form: 'زواره' })
		];
		expect(colleagueVerdicts(records, 'q2', 'طرابلس', 't1')).toEqual({
			correct: 2,
			partial: 0,
			wrong: 0
		});
		expect(colleagueVerdicts(records, 'q2', 'طرابلس')).toEqual({
			correct: 3,
			partial: 0,
			wrong: 0
		});
	});
});

describe('regradeSummary', () => {
	it('lists the attempts whose score changed, the largest change first', () => {
		const before = new Map([
			['a', 3],
			['b', 2.5],
			['c', 4],
			['d', 1]
		]);
		const after = new Map([
			['a', 3],
			['b', 3.5],
			['c', 3.5],
			['d', 1 + 1e-12]
		]);
		expect(regradeSummary(before, after)).toEqual({
			changed: [
				{ attemptId: 'b', before: 2.5, after: 3.5, change: 1 },
				{ attemptId: 'c', before: 4, after: 3.5, change: -0.5 }
			],
			unchanged: 2
		});
	});
});
