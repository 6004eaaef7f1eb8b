import { describe, expect, it } from 'vitest';
import { fixtureSet } from './fixtures';
import { emptyProgress } from './progress';
import { default_w, fsrs } from 'ts-fsrs';
import { DECAY, isDue, retrievability } from './recall';
import { ratingFor, recordAnswer, toCard } from './scheduler';
import { studyItems } from './set';

const t0 = new Date('2025-03-01T10:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
const days = (n: number) => minutes(n * 24 * 60);
const items = studyItems([fixtureSet]);
const fact = items.find((i) => i.key === 'fact:harbour-town/library-year')!;
const lone = items.find((i) => i.key === 'q:who-met')!;

describe('spaced review', () => {
	it('maps verdicts to FSRS ratings', () => {
		expect([ratingFor('wrong'), ratingFor('partial'), ratingFor('correct')]).toEqual([1, 2, 3]);
	});

	it('brings a wrong answer back sooner than a right one', () => {
		const wrong = recordAnswer(emptyProgress(t0), lone, lone.ladder[0], 'wrong', t0);
		const right = recordAnswer(emptyProgress(t0), lone, lone.ladder[0], 'correct', t0);
		const dueWrong = Date.parse(wrong.items[lone.key].card.due);
		const dueRight = Date.parse(right.items[lone.key].card.due);
		expect(dueWrong).toBeLessThan(dueRight);
		// A miss comes back within the sitting's learning step (minutes).
		expect(dueWrong - t0.getTime()).toBeLessThanOrEqual(10 * 60_000);
		expect(isDue(wrong.items[lone.key], minutes(11))).toBe(true);
	});

	it('spaces reviews further apart as the learner keeps answering right', () => {
		let p = emptyProgress(t0);
		let now = t0;
		const gaps: number[] = [];
		for (let i = 0; i < 5; i++) {
			p = recordAnswer(p, lone, lone.ladder[0], 'correct', now);
			const due = new Date(p.items[lone.key].card.due);
			gaps.push(due.getTime() - now.getTime());
			now = due;
		}
		for (let i = 2; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1]);
		expect(gaps.at(-1)!).toBeGreaterThan(days(7).getTime() - t0.getTime());
	});

	it('counts attempts and keeps the last verdict per question', () => {
		let p = recordAnswer(emptyProgress(t0), lone, lone.ladder[0], 'wrong', t0);
		p = recordAnswer(p, lone, lone.ladder[0], 'correct', minutes(2));
		expect(p.questions['who-met']).toEqual({
			article: 'harbour-town',
			attempts: 2,
			correct: 1,
			last: 'correct',
			lastAt: minutes(2).toISOString()
		});
	});

	it('climbs the ladder of forms: choice, then typed answer, then evidence', () => {
		let p = emptyProgress(t0);
		expect(p.items[fact.key]).toBeUndefined();
		p = recordAnswer(p, fact, fact.ladder[0], 'wrong', t0);
		expect(p.items[fact.key].step).toBe(1);
		p = recordAnswer(p, fact, fact.ladder[1], 'correct', minutes(5));
		expect(p.items[fact.key].step).toBe(2);
		p = recordAnswer(p, fact, fact.ladder[2], 'correct', days(3));
		expect(p.items[fact.key].step).toBe(2);
	});

	it('does not change the progress it is given', () => {
		const p = emptyProgress(t0);
		recordAnswer(p, lone, lone.ladder[0], 'correct', t0);
		expect(p.items).toEqual({});
	});

	it('computes recall as ts-fsrs does, without shipping the scheduler', () => {
		let p = recordAnswer(emptyProgress(t0), lone, lone.ladder[0], 'correct', t0);
		p = recordAnswer(p, lone, lone.ladder[0], 'correct', days(2));
		const f = fsrs({ learning_steps: ['10m'], relearning_steps: ['10m'] });
		for (const at of [days(2), days(3), days(10), days(100)]) {
			const expected = f.get_retrievability(toCard(p.items[lone.key].card), at, false);
			expect(retrievability(p.items[lone.key], at)).toBeCloseTo(expected, 10);
		}
		expect(retrievability({ step: 0, card: { ...p.items[lone.key].card, state: 0 } })).toBe(0);
		expect(DECAY).toBe(-default_w[20]);
	});

	it('forgets over time', () => {
		const p = recordAnswer(emptyProgress(t0), lone, lone.ladder[0], 'correct', t0);
		expect(retrievability(p.items[lone.key], days(1))).toBeGreaterThan(
			retrievability(p.items[lone.key], days(60))
		);
	});
});
