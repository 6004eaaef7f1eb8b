import { describe, expect, it } from 'vitest';
import { clockLeft, fmt, fmtParts, versionNumber, VERSIONS } from './format';

describe('fmt', () => {
	it('fills the placeholders it is given and leaves the others', () => {
		expect(fmt('{n} of {total}, {x}', { n: 3, total: 10 })).toBe('3 of 10, {x}');
	});
});

describe('clockLeft', () => {
	it('counts whole seconds up, as m:ss, and stops at zero', () => {
		const deadline = 1_000_000;
		expect(clockLeft(deadline, deadline - 125_000)).toEqual({ seconds: 125, text: '2:05' });
		expect(clockLeft(deadline, deadline - 500)).toEqual({ seconds: 1, text: '0:01' });
		expect(clockLeft(deadline, deadline)).toEqual({ seconds: 0, text: '0:00' });
		expect(clockLeft(deadline, deadline + 9_000)).toEqual({ seconds: 0, text: '0:00' });
		expect(clockLeft(deadline, deadline - 3_600_000).text).toBe('60:00');
	});
});

describe('fmtParts', () => {
	it('splits a template into its words and the values put in', () => {
		expect(
			fmtParts('الأسئلة {first}–{last} من {total}', { first: 1, last: 25, total: 118 })
		).toEqual([
			{ text: 'الأسئلة ' },
			{ value: '1' },
			{ text: '–' },
			{ value: '25' },
			{ text: ' من ' },
			{ value: '118' }
		]);
	});

	it('leaves an unknown placeholder as written', () => {
		expect(fmtParts('{a} and {b}', { a: 'x' })).toEqual([{ value: 'x' }, { text: ' and {b}' }]);
	});
});

describe('versionNumber', () => {
	it('names a seed by a small number, the same every time', () => {
		expect(versionNumber('zdlk3o')).toBe(versionNumber('zdlk3o'));
		const seeds = Array.from({ length: 500 }, (_, i) => `seed${i}`);
		const numbers = seeds.map(versionNumber);
		for (const n of numbers) {
			expect(Number.isInteger(n)).toBe(true);
			expect(n).toBeGreaterThanOrEqual(1);
			expect(n).toBeLessThanOrEqual(VERSIONS);
		}
		// spread over the range, not bunched: most numbers are used by 500 seeds
		expect(new Set(numbers).size).toBeGreaterThan(VERSIONS * 0.9);
	});
});
