import { describe, expect, it } from 'vitest';
import { ar } from './ar';
import { en } from './en';
import { plural } from './plural';

describe('plural', () => {
	it('takes the Arabic form the number asks for', () => {
		const forms = ar.work.questions;
		expect([0, 1, 2, 3, 11, 100].map((n) => plural('ar', forms, n))).toEqual([
			'لا أسئلة',
			'سؤال واحد',
			'سؤالان',
			'3 أسئلة',
			'11 سؤالًا',
			'100 سؤال'
		]);
	});

	it('takes the English one or other', () => {
		expect(plural('en', en.work.minutes, 1)).toBe('one minute');
		expect(plural('en', en.work.minutes, 5)).toBe('5 minutes');
	});
});
