import { describe, expect, it } from 'vitest';
import { MemoryAttempts } from './attempts';

/** A store on a hand-moved clock, with ids a, b, c, … */
function store(max: number, ttlMs: number) {
	const clock = { t: 1_000 };
	let n = 0;
	const s = new MemoryAttempts(
		max,
		ttlMs,
		() => clock.t,
		() => String.fromCharCode(97 + n++)
	);
	const start = async () =>
		(await s.create({ slug: 'a', query: 'seed=1&mode=test', ids: ['q1'] })).id;
	return { s, clock, start };
}

describe('MemoryAttempts', () => {
	it('keeps at most max attempts, dropping the least recently used', async () => {
		const { s, start } = store(3, 60_000);
		const [a, b] = [await start(), await start(), await start()];
		expect(await s.get(a)).toBeDefined(); // a is now the most recently used
		await start();
		expect(s.size).toBe(3);
		expect(await s.get(b)).toBeUndefined();
		expect((await s.get(a))?.id).toBe('a');
		for (let i = 0; i < 100; i++) await start();
		expect(s.size).toBe(3);
	});

	it('forgets an attempt left alone longer than ttlMs, and drops the expired on the next start', async () => {
		const { s, clock, start } = store(100, 60_000);
		const a = await start();
		const b = await start();
		clock.t += 59_000;
		expect(await s.get(a)).toBeDefined(); // used again: its minute starts over
		clock.t += 2_000;
		await start();
		expect(s.size).toBe(2);
		expect(await s.get(b)).toBeUndefined();
		expect(await s.get(a)).toBeDefined();
		clock.t += 61_000;
		expect(await s.get(a)).toBeUndefined();
	});

	it('keeps what is put, and shares no object with its callers', async () => {
		const { s, start } = store(10, 60_000);
		const a = (await s.get(await start()))!;
		a.answers = { q1: { type: 'short', text: 'زوارة' } };
		a.submitted = { at: 2_000, late: false, results: { q1: { score: 1, verdict: 'correct' } } };
		await s.put(a);
		a.answers = {};
		const kept = (await s.get(a.id))!;
		expect(kept.answers).toEqual({ q1: { type: 'short', text: 'زوارة' } });
		expect(kept.submitted?.results.q1.verdict).toBe('correct');
		kept.answers = {};
		expect((await s.get(a.id))!.answers.q1).toBeDefined();
	});

	it('finds nothing for an empty or unknown id', async () => {
		const { s, start } = store(10, 60_000);
		await start();
		expect(await s.get(undefined)).toBeUndefined();
		expect(await s.get('')).toBeUndefined();
		expect(await s.get('zz')).toBeUndefined();
	});
});
