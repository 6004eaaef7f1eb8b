/**
 * Rate limits stored in the database (table `rate_limit`), so they hold across server processes:
 * a fixed window per key, counted by one atomic upsert. Use it in an action before the work:
 *
 *   const limited = await rateLimit(db(), 'join', event.getClientAddress(), RATE_LIMITS.join);
 *   if (!limited.allowed) return fail(429, { message: t.tooManyAttempts(limited.retryAfterSeconds) });
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './db/schema';

/** At most `limit` attempts per `windowMs`. */
export interface RateLimitRule {
	limit: number;
	windowMs: number;
}

/** The limits of the actions a stranger can call. */
export const RATE_LIMITS = {
	/** Teacher sign-in (and sign-up), per client address. */
	signIn: { limit: 10, windowMs: 10 * 60_000 },
	/** Joining a class or re-entering one by link, per client address. */
	join: { limit: 20, windowMs: 10 * 60_000 }
} satisfies Record<string, RateLimitRule>;

export interface RateLimitResult {
	allowed: boolean;
	/** Attempts counted in the current window, this one included. */
	count: number;
	/** When refused: seconds until the window ends. */
	retryAfterSeconds: number;
}

/**
 * Counts one attempt of `action` by `client` and says whether it is within `rule`.
 * Counting and checking are one statement, so concurrent requests (from any process) cannot
 * slip through together.
 */
export async function rateLimit(
	db: Kysely<Database>,
	action: string,
	client: string,
	rule: RateLimitRule,
	now = Date.now()
): Promise<RateLimitResult> {
	const key = `${action}:${client}`;
	const expired = sql<boolean>`rate_limit.window_start <= ${now - rule.windowMs}`;
	const row = await db
		.insertInto('rate_limit')
		.values({ key, window_start: now, count: 1 })
		.onConflict((conflict) =>
			conflict.column('key').doUpdateSet({
				count: sql`case when ${expired} then 1 else rate_limit.count + 1 end`,
				window_start: sql`case when ${expired} then ${now} else rate_limit.window_start end`
			})
		)
		.returning(['count', 'window_start'])
		.executeTakeFirstOrThrow();
	const count = Number(row.count);
	const windowEnd = Number(row.window_start) + rule.windowMs;
	const allowed = count <= rule.limit;
	return {
		allowed,
		count,
		retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((windowEnd - now) / 1000))
	};
}

/** Deletes counters whose window ended more than `olderThanMs` ago (housekeeping). */
export async function pruneRateLimits(
	db: Kysely<Database>,
	olderThanMs: number,
	now = Date.now()
): Promise<void> {
	await db
		.deleteFrom('rate_limit')
		.where('window_start', '<', now - olderThanMs)
		.execute();
}
