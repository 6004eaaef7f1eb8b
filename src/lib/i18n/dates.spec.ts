import { describe, expect, it } from 'vitest';
import { articleDate } from './dates';

describe('articleDate', () => {
	it('writes a calendar day out in the interface language, keeping the ISO date', () => {
		const en = articleDate('2020-06-22', 'en');
		expect(en).toEqual({ iso: '2020-06-22', text: 'June 22, 2020' });
		const ar = articleDate('2020-06-22', 'ar');
		expect(ar.iso).toBe('2020-06-22');
		// the month's Arabic name, whatever digits the ICU data chooses
		expect(ar.text).toContain('يونيو');
		expect(ar.text).not.toContain('2020-06-22');
	});

	it('never moves the day, whatever the time zone of the server', () => {
		expect(articleDate('2024-01-01', 'en').text).toBe('January 1, 2024');
		expect(articleDate('2024-12-31', 'en').text).toBe('December 31, 2024');
	});

	it('shows a date that is not a calendar day as written', () => {
		expect(articleDate('Spring 2020', 'en')).toEqual({ iso: 'Spring 2020', text: 'Spring 2020' });
		expect(articleDate('2020-02-30', 'ar').text).toBe('2020-02-30');
	});
});
