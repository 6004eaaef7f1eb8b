import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from './db/migrate';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './db/testing';
import { pruneRateLimits, rateLimit, RATE_LIMIT_SHARDS } from './rate-limit';

const rule = { limit: 3, windowMs: 60_000 };

describeEachDatabase((database) => {
	it('allows `limit` attempts per window, then refuses with the seconds left', async () => {
		const { db } = database();
		// a window starts at a multiple of its length
		const t = 1_020_000;
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

	it('adds up the rows a window is counted in', async () => {
		const { db } = database();
		const t = 2_040_000;
		for (let shard = 0; shard < 3; shard++) {
			expect(await rateLimit(db, 'spread', 'c', rule, t, shard)).toMatchObject({
				allowed: true,
				count: shard + 1
			});
		}
		expect(await rateLimit(db, 'spread', 'c', rule, t, RATE_LIMIT_SHARDS - 1)).toMatchObject({
			allowed: false,
			count: 4
		});
	});

	it('never allows more than `limit` of concurrent attempts, and counts them all', async () => {
		const { db } = database();
		const t = 5_040_000;
		const results = await Promise.all(
			Array.from({ length: 10 }, () => rateLimit(db, 'burst', 'c', rule, t))
		);
		expect(results.filter((r) => r.allowed).length).toBeLessThanOrEqual(3);
		expect(await rateLimit(db, 'burst', 'c', rule, t)).toMatchObject({ count: 11 });
	});

	it('prunes old counters', async () => {
		const { db } = database();
		await pruneRateLimits(db, 0, 10_000_000);
		const left = await db.selectFrom('rate_limit').selectAll().execute();
		expect(left).toEqual([]);
	});
});

// PostgreSQL only: SQLite has one writer at a time, so its transactions never wait on a row.
describe('postgres, transactions in flight together', () => {
	let handle: TestDatabase | undefined;
	beforeAll(async () => {
		handle = await createTestDatabase('postgres');
		await migrateToLatest(handle.db);
	});
	afterAll(async () => {
		await handle?.dispose();
	});

	it("counts in the caller's transaction, and one transaction does not hold another up", async () => {
		const db = handle!.db;
		const t = 6_000_000;
		let secondDone: () => void = () => {};
		const secondCounted = new Promise<void>((resolve) => (secondDone = resolve));
		const first = db.transaction().execute(async (trx) => {
			const counted = await rateLimit(trx, 'held', 'c', rule, t, 0);
			// the other transaction counts while this one is still open
			await secondCounted;
			return counted;
		});
		const second = db.transaction().execute(async (trx) => {
			try {
				// waiting for the first transaction's row would fail here, not hang
				await sql`set local lock_timeout = '2s'`.execute(trx);
				return await rateLimit(trx, 'held', 'c', rule, t, 1);
			} finally {
				secondDone();
			}
		});
		const [a, b] = await Promise.all([first, second]);
		// neither sees the other's hit before it commits
		expect(a).toMatchObject({ allowed: true, count: 1 });
		expect(b).toMatchObject({ allowed: true, count: 1 });
		expect(await rateLimit(db, 'held', 'c', rule, t)).toMatchObject({ count: 3 });
	});
});
