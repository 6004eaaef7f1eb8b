import { describe, expect, it } from 'vitest';
import { parseCloze as bankParse } from '../bank/schema';
import { parseCloze } from './cloze';

describe('cloze blanks', () => {
	it('reads blanks as the bank does', () => {
		for (const t of [
			'في مدينة [[زوارة|Zuwara|Zuwarah]] الواقعة على مسافة [[120]] كلم',
			'[[a]][[b|c]] x [[d|e|f]]',
			'no blank',
			'[[واحد]]'
		]) {
			expect(parseCloze(t).blanks).toEqual(
				bankParse(t).blanks.map((b) => ({ answer: b.answer, accept: b.accept }))
			);
		}
	});
});
