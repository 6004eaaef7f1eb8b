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
