import { describe, expect, it } from 'vitest';
import { fixtureSet } from './fixtures';
import { paragraphMastery } from './mastery';
import { emptyProgress } from './progress';
import { recordAnswer } from './scheduler';
import {
	advance,
	answered,
	countItems,
	finished,
	pickItems,
	practiceQuery,
	specFromParams,
	startSession
} from './session';
import { studyItems } from './set';

const t0 = new Date('2025-03-01T10:00:00Z');
const later = (m: number) => new Date(t0.getTime() + m * 60_000);
const items = studyItems([fixtureSet]);
const byKey = new Map(items.map((i) => [i.key, i]));
const fact = byKey.get('fact:harbour-town/library-year')!;
const lone = byKey.get('q:who-met')!;
const far = byKey.get('q:pier-first')!;

describe('sessions', () => {
	it('offers every item as new at first, and nothing due', () => {
		const p = emptyProgress(t0);
		expect(countItems(items, p, t0)).toEqual({ due: 0, new: 3, seen: 0, total: 3 });
		expect(pickItems(items, p, { mode: 'new' }, t0).map((i) => i.key)).toEqual([
			'q:who-met',
			'fact:harbour-town/library-year',
			'q:pier-first'
		]);
		expect(pickItems(items, p, { mode: 'due' }, t0)).toEqual([]);
	});

	it('makes a missed item due soon and a known one later', () => {
		let p = recordAnswer(emptyProgress(t0), lone, lone.ladder[0], 'correct', t0);
		p = recordAnswer(p, fact, fact.ladder[0], 'wrong', t0);
		expect(countItems(items, p, t0).due).toBe(0);
		const c = countItems(items, p, later(15));
		expect(c).toMatchObject({ due: 1, new: 1, seen: 2 });
		expect(pickItems(items, p, { mode: 'due' }, later(15)).map((i) => i.key)).toEqual([fact.key]);
		expect(c.nextDue).toBe(p.items[lone.key].card.due);
	});

	it('filters by article', () => {
		const p = emptyProgress(t0);
		expect(pickItems(items, p, { mode: 'new', article: 'elsewhere' }, t0)).toEqual([]);
		expect(
			countItems(
				items.filter((i) => i.article === 'harbour-town'),
				p,
				t0
			).new
		).toBe(3);
	});

	it('practises one paragraph: due first, then new, then the least known', () => {
		let p = recordAnswer(emptyProgress(t0), fact, fact.ladder[0], 'correct', t0);
		const keys = pickItems(items, p, { mode: 'paragraph', paragraph: 'p2' }, t0).map((i) => i.key);
		expect(keys).toEqual([fact.key]);
		p = recordAnswer(p, far, far.ladder[0], 'wrong', t0);
		const p3 = pickItems(items, p, { mode: 'paragraph', paragraph: 'p3' }, later(20));
		expect(p3.map((i) => i.key)).toEqual([far.key]);
		expect(pickItems(items, p, { mode: 'paragraph', paragraph: 'p4' }, t0)).toEqual([]);
	});

	it('asks a missed item again later in the sitting, once', () => {
		let s = startSession([lone, fact]);
		s = answered(s, fact.key, 'year-choice', 'correct');
		s = advance(s);
		s = answered(s, lone.key, 'who-met', 'wrong');
		s = advance(s);
		expect(finished(s)).toBe(false);
		expect(s.queue[s.position]).toBe(lone.key);
		s = answered(s, lone.key, 'who-met', 'wrong');
		s = advance(s);
		expect(finished(s)).toBe(true);
		expect(s.answers).toHaveLength(3);
	});

	it('reads the session from the URL and falls back to due now', () => {
		expect(specFromParams(new URLSearchParams('mode=new&article=harbour-town'))).toEqual({
			mode: 'new',
			article: 'harbour-town'
		});
		expect(specFromParams(new URLSearchParams('paragraph=p3&article=harbour-town'))).toEqual({
			mode: 'paragraph',
			article: 'harbour-town',
			paragraph: 'p3'
		});
		expect(specFromParams(new URLSearchParams('mode=bogus&paragraph=x'))).toEqual({ mode: 'due' });
		expect(practiceQuery({ mode: 'paragraph', article: 'harbour-town', paragraph: 'p2' })).toBe(
			'mode=paragraph&article=harbour-town&paragraph=p2'
		);
	});
});

describe('mastery by paragraph', () => {
	const paragraphs = fixtureSet.article.paragraphs;

	it('is unseen before practice and none where nothing is asked', () => {
		const m = paragraphMastery(paragraphs, items, emptyProgress(t0), t0);
		expect(m.map((x) => x.level)).toEqual(['unseen', 'unseen', 'unseen', 'none']);
	});

	it('shades known paragraphs strong and missed ones weak', () => {
		let p = recordAnswer(emptyProgress(t0), lone, lone.ladder[0], 'correct', t0);
		p = recordAnswer(p, fact, fact.ladder[0], 'wrong', t0);
		const m = paragraphMastery(paragraphs, items, p, later(1));
		expect(m[0]).toMatchObject({ level: 'strong', known: 1, practised: 1, items: 1 });
		expect(m[1]).toMatchObject({ level: 'weak', known: 0, practised: 1 });
		expect(m[2].level).toBe('unseen');
	});

	it('judges a paragraph by what was practised, not by what was not yet', () => {
		const p = recordAnswer(emptyProgress(t0), fact, fact.ladder[0], 'correct', t0);
		const two = [...items, { ...lone, key: 'q:other', paragraphs: ['p2'], order: 9 }];
		const m = paragraphMastery(paragraphs, two, p, later(1))[1];
		expect(m).toMatchObject({ level: 'strong', known: 1, practised: 1, items: 2 });
	});

	it('fades as time passes without review', () => {
		const p = recordAnswer(emptyProgress(t0), lone, lone.ladder[0], 'correct', t0);
		const soon = paragraphMastery(paragraphs, items, p, later(10))[0].score;
		const much = paragraphMastery(paragraphs, items, p, later(60 * 24 * 365))[0].score;
		expect(much).toBeLessThan(soon);
	});
});
