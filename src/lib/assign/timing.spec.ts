import { describe, expect, it } from 'vitest';
import { assignmentStatus, attemptDeadline, isOver, mayStart, punctuality } from './timing';

const MIN = 60_000;
const a = {
	mode: 'test' as const,
	opensAt: 1000 * MIN,
	closesAt: 2000 * MIN,
	timeLimit: 30,
	grace: 60,
	late: 'refuse' as const,
	attemptsAllowed: 1
};

describe('attemptDeadline', () => {
	it('is the time limit from the start, or the close if sooner', () => {
		expect(attemptDeadline(a, 1100 * MIN)).toBe(1130 * MIN);
		expect(attemptDeadline(a, 1990 * MIN)).toBe(2000 * MIN);
		expect(attemptDeadline({ ...a, timeLimit: 0 }, 1100 * MIN)).toBe(2000 * MIN);
		expect(attemptDeadline({ ...a, timeLimit: 0, closesAt: null }, 5)).toBeNull();
		expect(attemptDeadline({ ...a, mode: 'practice', closesAt: null }, 5)).toBeNull();
	});
});

describe('punctuality', () => {
	it('counts the grace as on time, then refuses or marks late', () => {
		const deadline = 1130 * MIN;
		expect(punctuality(a, deadline, deadline + 60_000)).toBe('on-time');
		expect(punctuality(a, deadline, deadline + 60_001)).toBe('refused');
		expect(punctuality({ ...a, late: 'mark' }, deadline, deadline + 60_001)).toBe('late');
		expect(punctuality(a, null, Number.MAX_SAFE_INTEGER)).toBe('on-time');
	});
});

describe('assignmentStatus', () => {
	const started = { startedAt: 1100 * MIN, deadline: 1130 * MIN, submittedAt: null };

	it('walks from upcoming to done', () => {
		expect(assignmentStatus(a, [], 900 * MIN)).toBe('upcoming');
		expect(assignmentStatus(a, [], 1100 * MIN)).toBe('to-do');
		expect(assignmentStatus(a, [started], 1110 * MIN)).toBe('in-progress');
		expect(assignmentStatus(a, [{ ...started, submittedAt: 1120 * MIN }], 3000 * MIN)).toBe('done');
	});

	it('is overdue once closed, or once the only attempt ran out', () => {
		expect(assignmentStatus(a, [], 2002 * MIN)).toBe('overdue');
		expect(assignmentStatus(a, [started], 1140 * MIN)).toBe('overdue');
		expect(assignmentStatus({ ...a, attemptsAllowed: 2 }, [started], 1140 * MIN)).toBe('to-do');
	});

	it('keeps a late-marked attempt in progress past its deadline', () => {
		expect(assignmentStatus({ ...a, late: 'mark' }, [started], 2500 * MIN)).toBe('in-progress');
	});
});

describe('isOver and mayStart', () => {
	it('an assignment without a close time is never over', () => {
		expect(isOver({ closesAt: null, grace: 0 }, Number.MAX_SAFE_INTEGER)).toBe(false);
		expect(isOver(a, 2001 * MIN)).toBe(false);
		expect(isOver(a, 2001 * MIN + 1)).toBe(true);
	});

	it('starts only while open and attempts remain', () => {
		expect(mayStart(a, 0, 999 * MIN)).toBe(false);
		expect(mayStart(a, 0, 1000 * MIN)).toBe(true);
		expect(mayStart(a, 1, 1000 * MIN)).toBe(false);
		expect(mayStart(a, 0, 2100 * MIN)).toBe(false);
	});
});
