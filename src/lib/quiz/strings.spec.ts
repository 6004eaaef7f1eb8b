import { describe, expect, it } from 'vitest';
import { strings } from '../i18n';
import { quizPageStrings } from './strings';

describe('the quiz page’s strings', () => {
	it('leave out the blocks and keys the page never shows', () => {
		for (const locale of ['ar', 'en'] as const) {
			const t = quizPageStrings(locale);
			// the quiz builder's words, the skill names and the worksheet's are other pages'
			expect(Object.keys(t)).not.toContain('skillNames');
			expect(Object.keys(t)).not.toContain('questionsHeading');
			expect(Object.keys(t.quiz)).not.toContain('builder');
			expect(Object.keys(t.quiz)).not.toContain('retryMissed');
			expect(Object.keys(t.counts)).not.toContain('failing');
			expect(Object.keys(t.quiz).length).toBeLessThan(Object.keys(strings(locale).quiz).length);
		}
	});

	it('are the locale’s own words, key for key', () => {
		for (const locale of ['ar', 'en'] as const) {
			const all = strings(locale);
			const t = quizPageStrings(locale);
			for (const [k, v] of Object.entries(t.quiz)) {
				expect(v).toBe(all.quiz[k as keyof typeof all.quiz]);
			}
			expect(t.counts.characters).toEqual(all.counts.characters);
			expect(t.linkParams).toEqual(all.linkParams);
			expect(t.locale).toBe(locale);
		}
	});
});
