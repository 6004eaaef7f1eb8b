import { describe, expect, it } from 'vitest';
import { fixtureSet } from './fixtures';
import { formAt, itemKey, studyItems } from './set';

describe('study items', () => {
	const items = studyItems([fixtureSet]);

	it('makes one item per fact and one per lone question, in reading order', () => {
		expect(items.map((i) => i.key)).toEqual([
			'q:who-met',
			'fact:harbour-town/library-year',
			'q:pier-first'
		]);
		expect(items.map((i) => i.order)).toEqual([0, 1, 2]);
	});

	it('orders a fact’s forms: choice, then typed answer, then evidence', () => {
		const fact = items.find((i) => i.key === 'fact:harbour-town/library-year')!;
		expect(fact.ladder.map((q) => q.id)).toEqual(['year-choice', 'year-short', 'year-evidence']);
		expect(formAt(fact, 0).id).toBe('year-choice');
		expect(formAt(fact, 2).id).toBe('year-evidence');
		expect(formAt(fact, 9).id).toBe('year-evidence');
	});

	it('puts a follow-up without a fact of its own on its lead’s ladder, as the proof form', () => {
		const lead = items.find((i) => i.key === 'q:who-met')!;
		expect(lead.ladder.map((q) => q.id)).toEqual(['who-met', 'who-met-evidence']);
	});

	it('keys facts per article, so two articles may reuse a fact name', () => {
		expect(itemKey({ id: 'a', article: 'x', fact: 'f' })).not.toBe(
			itemKey({ id: 'b', article: 'y', fact: 'f' })
		);
		expect(itemKey({ id: 'a', article: 'x' })).toBe('q:a');
	});
});
