import { describe, expect, it } from 'vitest';
import { prepareContext } from './context';

const paragraphs = [
	{ id: 'p1', text: 'قال رئيس المجلس فتحي باشاغا إن الاجتماع عقد في مدينة زوارة.' },
	{ id: 'p2', text: 'وتقع زوارة على مسافة 120 كلم غرب طرابلس، وزارها الوفد في أيار.' }
];

describe('prepareContext', () => {
	it("reads an article once for all its questions, and each question's own words apart", () => {
		const who = prepareContext([paragraphs[0]], paragraphs, 'من قال ذلك؟');
		const where = prepareContext([paragraphs[1]], paragraphs, 'أين تقع زوارة؟');
		// what comes from the whole article is the same for both questions
		expect(where.all).toBe(who.all);
		expect(where.vocabulary).toBe(who.vocabulary);
		expect(where.positions).toBe(who.positions);
		expect(where.before).toBe(who.before);
		// what comes from the cited paragraph and the prompt is each question's
		expect([...where.nearNumbers]).toEqual([120]);
		expect([...who.nearNumbers]).toEqual([]);
		expect(where.prompt.has('تقع')).toBe(true);
		expect(who.prompt.has('تقع')).toBe(false);
		expect(who.asksWho).toBe(true);
		expect(where.asksWho).toBe(false);
	});

	it('gives the same context whether the article was read before or not', () => {
		const fresh = paragraphs.map((p) => ({ ...p }));
		const first = prepareContext([fresh[0], fresh[1]], fresh, 'من قال ذلك؟', '2024-05-02');
		const again = prepareContext(
			[paragraphs[0], paragraphs[1]],
			paragraphs,
			'من قال ذلك؟',
			'2024-05-02'
		);
		expect(again).toEqual(first);
	});
});
