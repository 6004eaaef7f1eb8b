import { expect, it } from 'vitest';
import { describeEachDatabase } from './db/testing';
import { pruneRateLimits, rateLimit } from './rate-limit';

const rule = { limit: 3, windowMs: 60_000 };

describeEachDatabase((database) => {
	it('allows `limit` attempts per window, then refuses with the seconds left', async () => {
		const { db } = database();
		const t = 1_000_000;
		for (let i = 1; i <= 3; i++) {
			expect(await rateLimit(db, 'join', '1.2.3.4', rule, t + i - 1)).toEqual({
				allowed: true,
				count: i,
				retryAfterSeconds: 0
			});
		}
		const refused = await rateLimit(db, 'join', '1.2.3.4', rule, t + 30_000);
		expect(refused).toMatchObject({ allowed: false, count: 4, retryAfterSeconds: 30 });
		// another client and another action count apart
		expect((await rateLimit(db, 'join', '5.6.7.8', rule, t)).allowed).toBe(true);
		expect((await rateLimit(db, 'sign-in', '1.2.3.4', rule, t)).allowed).toBe(true);
		// a new window starts over
		expect(await rateLimit(db, 'join', '1.2.3.4', rule, t + 60_000)).toMatchObject({
			allowed: true,
			count: 1
		});
	});

	it('counts concurrent attempts exactly', async () => {
		const { db } = database();
		const t = 5_000_000;
		const results = await Promise.all(
			Array.from({ length: 10 }, () => rateLimit(db, 'burst', 'c', rule, t))
		);
		expect(results.filter((r) => r.allowed)).toHaveLength(3);
		expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual([
			1, 2, 3, 4, 5, 6, 7, 8, 9, 10
		]);
	});

	it('prunes old counters', async () => {
		const { db } = database();
		await pruneRateLimits(db, 0, 10_000_000);
		const left = await db.selectFrom('rate_limit').selectAll().execute();
		expect(left).toEqual([]);
	});
});
