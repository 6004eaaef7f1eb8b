/**
 * Rate limits stored in the database (table `rate_limit`), so they hold across server processes:
 * fixed windows per key, each counted in a few rows (see `rateLimit`). Use it in an action before
 * the work, or in the work's transaction (the quiz's actions):
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
	/** Teacher sign-in, per client address and e-mail: guessing one teacher's password. */
	signIn: { limit: 10, windowMs: 10 * 60_000 },
	/** Teacher sign-in and sign-up, per client address, whatever the e-mail. */
	signInPerClient: { limit: 50, windowMs: 10 * 60_000 },
	/**
	 * Joining a class (or re-entering by link), per client address: guessing join codes. A whole
	 * class behind one school address joins at once, hence the size; `DALIL_JOIN_LIMIT` sets it.
	 */
	join: { limit: 60, windowMs: 10 * 60_000 },
	/*
	 * The anonymous quiz's actions, per client address and minute. A whole class of 40 behind one
	 * school address, typing at once, saves (the page autosaves 0.8 s after typing stops) far below
	 * one save a second each; the limits leave room for two such classes. `DALIL_QUIZ_<ACTION>_LIMIT`
	 * sets each (see `quizRateLimit`).
	 */
	/** Starting a quiz (a timed test's start, or a first save). */
	quizStart: { limit: 300, windowMs: 60_000 },
	/** Saving answers (the save button and the autosave). */
	quizSave: { limit: 3000, windowMs: 60_000 },
	/** Checking one answer of a practice quiz. */
	quizCheck: { limit: 1200, windowMs: 60_000 },
	/** Submitting. */
	quizSubmit: { limit: 300, windowMs: 60_000 }
} satisfies Record<string, RateLimitRule>;

/** The quiz actions a stranger can call, each with its own limit. */
export type QuizAction = 'start' | 'save' | 'check' | 'submit';

const QUIZ_RULES: Record<QuizAction, RateLimitRule> = {
	start: RATE_LIMITS.quizStart,
	save: RATE_LIMITS.quizSave,
	check: RATE_LIMITS.quizCheck,
	submit: RATE_LIMITS.quizSubmit
};

/**
 * A quiz action's limit per client address and minute: `DALIL_QUIZ_START_LIMIT`,
 * `DALIL_QUIZ_SAVE_LIMIT`, `DALIL_QUIZ_CHECK_LIMIT` or `DALIL_QUIZ_SUBMIT_LIMIT` when set to a
 * positive integer, else the default in `RATE_LIMITS`.
 */
export function quizRateLimit(
	env: Record<string, string | undefined>,
	action: QuizAction
): RateLimitRule {
	const rule = QUIZ_RULES[action];
	const limit = Number(env[`DALIL_QUIZ_${action.toUpperCase()}_LIMIT`]);
	return Number.isInteger(limit) && limit > 0 ? { ...rule, limit } : rule;
}

/** The join limit, `DALIL_JOIN_LIMIT` attempts per 10 minutes when set. */
export function joinRateLimit(env: Record<string, string | undefined>): RateLimitRule {
	const limit = Number(env.DALIL_JOIN_LIMIT);
	return Number.isInteger(limit) && limit > 0 ? { ...RATE_LIMITS.join, limit } : RATE_LIMITS.join;
}

export interface RateLimitResult {
	allowed: boolean;
	/** Attempts counted in the current window, this one included. */
	count: number;
	/** When refused: seconds until the window ends. */
	retryAfterSeconds: number;
}

/**
 * Rows one key's count is spread over in a window. One row would make every request of one address
 * (a school behind one NAT) wait for the one before it to commit on PostgreSQL, whose row lock is
 * held to the end of the request's transaction; spread over rows, they rarely meet.
 */
export const RATE_LIMIT_SHARDS = 16;

/** The stored key of one row of a key's count: the window (by its start) and the shard. */
const shardKey = (key: string, windowStart: number, shard: number) =>
	`${key}|${windowStart}|${shard}`;

/**
 * Counts one attempt of `action` by `client` and says whether it is within `rule`. Windows are
 * fixed (`windowMs` long, aligned on the epoch); the count of a window is kept in up to
 * `RATE_LIMIT_SHARDS` rows, one picked at random, and summed.
 *
 * Run on its own (`db` not a transaction), the hit is committed before the rows are summed, so
 * the sum includes every hit committed before it, whatever the process: never more than `limit`
 * are allowed in a window (a few within it may be refused when many arrive at once).
 *
 * Run in the caller's transaction (the hit counted with the work it allows, one commit): on SQLite
 * the transaction holds the write lock, so the count is exact; on PostgreSQL the sum cannot see
 * the hits of transactions not yet committed, so requests in flight at once may each be allowed:
 * at most `limit` plus the number of the key's other transactions in flight (bounded by the
 * connection pools) pass in a window.
 * @param db the database, or the caller's transaction
 * @param action what is limited
 * @param client who (an address, an e-mail)
 * @param rule the limit
 * @param now the moment (ms)
 * @param shard the row to count in (tests choose it; by default one at random)
 */
export async function rateLimit(
	db: Kysely<Database>,
	action: string,
	client: string,
	rule: RateLimitRule,
	now = Date.now(),
	shard = Math.floor(Math.random() * RATE_LIMIT_SHARDS)
): Promise<RateLimitResult> {
	const key = `${action}:${client}`;
	const windowStart = now - (now % rule.windowMs);
	await db
		.insertInto('rate_limit')
		.values({ key: shardKey(key, windowStart, shard), window_start: windowStart, count: 1 })
		.onConflict((conflict) =>
			conflict.column('key').doUpdateSet({ count: sql`rate_limit.count + 1` })
		)
		.execute();
	const keys = Array.from({ length: RATE_LIMIT_SHARDS }, (_, i) => shardKey(key, windowStart, i));
	const row = await db
		.selectFrom('rate_limit')
		.select((eb) => eb.fn.sum<number | string>('count').as('count'))
		.where('key', 'in', keys)
		.executeTakeFirstOrThrow();
	const count = Number(row.count);
	const allowed = count <= rule.limit;
	const windowEnd = windowStart + rule.windowMs;
	return {
		allowed,
		count,
		retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((windowEnd - now) / 1000))
	};
}

/** Deletes counters whose window started more than `olderThanMs` ago (housekeeping). */
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
