import { describe, expect, it } from 'vitest';
import {
	OFFSET_CHOICES,
	localInputValue,
	localTime,
	minutesSeconds,
	offsetLabel,
	readOffset,
	scheduleOf
} from './schedule';
import { readAssignmentForm } from './spec';

describe('the teacher’s offset', () => {
	it('offers every half hour from UTC−12 to UTC+14 and the odd zones, in order', () => {
		expect(OFFSET_CHOICES[0]).toBe(-720);
		expect(OFFSET_CHOICES.at(-1)).toBe(840);
		expect(OFFSET_CHOICES).toContain(180);
		expect(OFFSET_CHOICES).toContain(345);
		expect([...OFFSET_CHOICES].sort((a, b) => a - b)).toEqual(OFFSET_CHOICES);
	});

	it('names offsets as zones do', () => {
		expect(offsetLabel(0)).toBe('UTC');
		expect(offsetLabel(180)).toBe('UTC+03:00');
		expect(offsetLabel(345)).toBe('UTC+05:45');
		expect(offsetLabel(-210)).toBe('UTC\u221203:30');
	});

	it('reads only offsets it offers', () => {
		expect(readOffset('180')).toBe(180);
		expect(readOffset(' -300 ')).toBe(-300);
		expect(readOffset('17')).toBeUndefined();
		expect(readOffset('9999')).toBeUndefined();
		expect(readOffset('abc')).toBeUndefined();
		expect(readOffset(undefined)).toBeUndefined();
	});

	it('shows a moment as the form reads it back', () => {
		const ms = Date.UTC(2026, 2, 1, 21, 30);
		const value = localInputValue(ms, 180);
		expect(value).toBe('2026-03-02T00:30');
		const form = new FormData();
		for (const [k, v] of Object.entries({
			title: 'T',
			article: 'a',
			n: '3',
			mode: 'test',
			release: 'never',
			opensAt: value
		})) {
			form.set(k, v);
		}
		const read = readAssignmentForm(form, 'seed', 180);
		expect(read.spec?.opensAt).toBe(ms);
	});

	it('writes a moment out in the offset, in either language', () => {
		const ms = Date.UTC(2026, 2, 1, 21, 30);
		expect(localTime(ms, 180, 'en')).toContain('12:30');
		expect(localTime(ms, 180, 'en')).toContain('Mar 2');
		expect(localTime(ms, 0, 'ar')).not.toBe(localTime(ms, 0, 'en'));
	});
});

describe('an assignment’s schedule', () => {
	const a = { opensAt: 1000, closesAt: 5000, grace: 1 };
	it('is upcoming, open, then closed once the grace has passed', () => {
		expect(scheduleOf(a, 999)).toBe('upcoming');
		expect(scheduleOf(a, 1000)).toBe('open');
		expect(scheduleOf(a, 6000)).toBe('open');
		expect(scheduleOf(a, 6001)).toBe('closed');
		expect(scheduleOf({ ...a, closesAt: null }, 1e12)).toBe('open');
	});
});

describe('a duration', () => {
	it('reads as minutes and seconds', () => {
		expect(minutesSeconds(0)).toBe('0:00');
		expect(minutesSeconds(425)).toBe('7:05');
		expect(minutesSeconds(4320)).toBe('72:00');
	});
});
