import { describe, expect, it } from 'vitest';
import { parseCloze } from './cloze';

describe('parseCloze', () => {
	it('reads blanks with their accepted forms and offsets into the plain text', () => {
		const { plain, blanks } = parseCloze('في مدينة [[زوارة|Zuwara|Zwara]] على مسافة [[120]] كلم');
		expect(plain).toBe('في مدينة زوارة على مسافة 120 كلم');
		expect(blanks).toEqual([
			{ answer: 'زوارة', accept: ['Zuwara', 'Zwara'], start: 9, end: 14 },
			{ answer: '120', accept: [], start: 25, end: 28 }
		]);
		for (const b of blanks) expect(plain.slice(b.start, b.end)).toBe(b.answer);
	});

	it('leaves a text without blanks as it is', () => {
		expect(parseCloze('لا فراغ هنا [[')).toEqual({ plain: 'لا فراغ هنا [[', blanks: [] });
	});
});
