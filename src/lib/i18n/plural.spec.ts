import { describe, expect, it } from 'vitest';
import { ar } from './ar';
import { en } from './en';
import { plural, pluralParts } from './plural';

describe('plural', () => {
	it('gives an Arabic count the form its number takes', () => {
		const q = ar.counts.questions;
		expect(plural('ar', q, 0)).toBe('لا أسئلة');
		expect(plural('ar', q, 1)).toBe('سؤال واحد');
		expect(plural('ar', q, 2)).toBe('سؤالان');
		expect(plural('ar', q, 3)).toBe('3 أسئلة');
		expect(plural('ar', q, 10)).toBe('10 أسئلة');
		expect(plural('ar', q, 12)).toBe('12 سؤالًا');
		expect(plural('ar', q, 99)).toBe('99 سؤالًا');
		expect(plural('ar', q, 100)).toBe('100 سؤال');
		expect(plural('ar', ar.counts.paragraphs, 12)).toBe('12 فقرة');
		expect(plural('ar', ar.counts.paragraphs, 5)).toBe('5 فقرات');
	});

	it('agrees minutes, characters and failing questions with their count', () => {
		expect(plural('ar', ar.counts.minutes, 2)).toBe('دقيقتان');
		expect(plural('ar', ar.counts.minutes, 10)).toBe('10 دقائق');
		expect(plural('ar', ar.counts.minutes, 45)).toBe('45 دقيقة');
		expect(plural('ar', ar.counts.characters, 500)).toBe('500 حرف');
		expect(plural('ar', ar.counts.characters, 20)).toBe('20 حرفًا');
		expect(plural('ar', ar.counts.failing, 1)).toBe('سؤال واحد لم يجتز الفحص');
		expect(plural('ar', ar.counts.failing, 12)).toBe('12 سؤالًا لم يجتز الفحص');
		expect(plural('en', en.counts.characters, 1)).toBe('1 character');
		expect(plural('en', en.counts.failing, 3)).toBe('3 questions that failed the check');
	});

	it('gives an English count one and other', () => {
		expect(plural('en', en.counts.questions, 1)).toBe('1 question');
		expect(plural('en', en.counts.questions, 2)).toBe('2 questions');
		expect(plural('en', en.counts.questions, 0)).toBe('0 questions');
		expect(plural('en', en.counts.paragraphs, 12)).toBe('12 paragraphs');
	});

	it('splits out the number so a view can isolate it', () => {
		expect(pluralParts('ar', ar.counts.questions, 12)).toEqual([
			{ value: '12' },
			{ text: ' سؤالًا' }
		]);
	});

	it('every count in both tables has all six forms, each with its number or its words', () => {
		for (const table of [ar.counts, en.counts]) {
			for (const forms of Object.values(table)) {
				expect(Object.keys(forms).sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
				for (const form of [forms.few, forms.many, forms.other]) expect(form).toContain('{n}');
			}
		}
	});
});
