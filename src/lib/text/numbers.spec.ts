import { describe, expect, it } from 'vitest';
import { analyze } from './normalize';
import { readNumber } from './numbers';
import { convert, findNumbers, unitOf } from './units';

const read = (s: string) => readNumber(analyze(s).tokens, 0)?.value;

describe('readNumber', () => {
	it.each([
		['120', 120],
		['١٢٠', 120],
		['۱۲۰', 120],
		['1,200', 1200],
		['2.5', 2.5],
		['واحد', 1],
		['عشرة', 10],
		['أحد عشر', 11],
		['اثنا عشر', 12],
		['خمسة عشر', 15],
		['عشرون', 20],
		['خمسة وعشرون', 25],
		['مئة', 100],
		['مائة', 100],
		['مئتان', 200],
		['مئة وعشرون', 120],
		['مائة و عشرين', 120],
		['ثلاث مئة', 300],
		['أربعمئة وخمسون', 450],
		['اربعمائة و خمسين', 450],
		['ألف', 1000],
		['ثلاثة آلاف', 3000],
		['عشرة آلاف', 10000],
		['ألف ومئتان', 1200],
		['1.5 مليون', 1500000],
		['one hundred and twenty', 120],
		['one hundred twenty', 120],
		['twenty-five', 25],
		['a hundred', 100],
		['four hundred and fifty', 450],
		['three thousand', 3000],
		['عشرون ومئة', 120],
		['خمسون وأربعمئة', 450]
	])('%s = %d', (s, v) => expect(read(s)).toBe(v));

	it('does not read "one of" or weekdays as numbers', () => {
		expect(read('أحد الأطراف')).toBeUndefined();
		expect(read('الاثنين')).toBeUndefined();
		expect(read('الخميس')).toBeUndefined();
	});

	it('stops where a second number starts', () => {
		const n = findNumbers(analyze('خمسة ستة'));
		expect(n.map((x) => x.value)).toEqual([5, 6]);
	});
});

describe('findNumbers', () => {
	it('finds digits and words with their units', () => {
		const found = findNumbers(
			analyze('على مسافة 120 كلم غرب طرابلس و مئة وعشرون كيلومترا و 450km')
		);
		expect(found.map((n) => [n.value, n.unit])).toEqual([
			[120, 'km'],
			[120, 'km'],
			[450, 'km']
		]);
	});
	it('reads two-word units', () => {
		expect(findNumbers(analyze('120 كيلو متر'))[0]).toMatchObject({
			value: 120,
			unit: 'km',
			length: 3
		});
	});
	it('knows a percent sign', () => {
		expect(findNumbers(analyze('٥٠٪'))[0]).toMatchObject({ value: 50, unit: 'percent' });
	});
});

describe('units', () => {
	it('names units by alias', () => {
		expect(unitOf('كلم')).toBe('km');
		expect(unitOf('كيلومترًا')).toBe('km');
		expect(unitOf('miles')).toBe('mile');
		expect(unitOf('فرسخ')).toBeUndefined();
	});
	it('converts within a family only', () => {
		expect(convert(120000, 'm', 'km')).toBe(120);
		expect(convert(2, 'week', 'day')).toBe(14);
		expect(convert(120, 'mile', 'km')).toBeUndefined();
	});
});
