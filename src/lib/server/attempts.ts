/**
 * Anonymous quiz attempts (a quiz link without a class), kept in the database like a class's
 * attempts (table `attempt`, see ./stored-attempts): a restart, a second server process or another
 * tab finds them.
 *
 * Each belongs to a client: the browser's client cookie (kept as its hash) and the address it came
 * from (hashed). They are bounded per client, never in a shared list: past `perClient` attempts a
 * client's own least recently used ones go, and an address may start at most `perAddressPerDay`
 * in a day (past that, starts are refused, nobody's attempt is dropped). Attempts unused for
 * `keepMs` are pruned.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Attempt, NewAttempt } from '../quiz/attempts';
import type { Database } from './db/schema';
import { hashToken } from './db/ids';
import { pruneRateLimits } from './rate-limit';
import { insertAttempt, readAttempt, saveAttempt } from './stored-attempts';

/** Who asks, as far as an anonymous attempt knows: hashes only, never the cookie or the address. */
export interface QuizClient {
	/** SHA-256 of the client cookie's token */
	clientHash: string;
	/** a hash of the request's address */
	addressHash: string;
	/** its cookie was made for this request: it owns no attempt yet (nothing to look up) */
	fresh?: boolean;
}

/**
 * The client of a request.
 * @param token the client cookie's value
 * @param address the request's address (`getClientAddress()`)
 * @param fresh whether the token was made for this request (the browser had none)
 */
export function quizClient(token: string, address: string, fresh = false): QuizClient {
	return {
		clientHash: hashToken(token),
		addressHash: createHash('sha256').update(`dalil-address:${address}`).digest('hex'),
		...(fresh ? { fresh } : {})
	};
}

/** How many anonymous attempts are kept, and for how long. */
export interface AnonymousLimits {
	/** attempts kept per client cookie (its least recently used go first) */
	perClient: number;
	/** attempts started per address in 24 hours (then starts are refused) */
	perAddressPerDay: number;
	/** an attempt unused this long is pruned */
	keepMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The defaults: a class of 40 behind one school address starting 50 quizzes each a day stays
 * within the address bound.
 */
export const ANONYMOUS_LIMITS: AnonymousLimits = {
	perClient: 50,
	perAddressPerDay: 2000,
	keepMs: 30 * DAY_MS
};

/**
 * The bounds, with `DALIL_QUIZ_ADDRESS_LIMIT` (starts per address and day) and
 * `DALIL_QUIZ_KEEP_DAYS` (days an unused attempt is kept) when set to positive integers.
 */
export function anonymousLimits(env: Record<string, string | undefined>): AnonymousLimits {
	const positive = (v: string | undefined) =>
		Number.isInteger(Number(v)) && Number(v) > 0 ? Number(v) : undefined;
	const perAddress = positive(env.DALIL_QUIZ_ADDRESS_LIMIT);
	const days = positive(env.DALIL_QUIZ_KEEP_DAYS);
	return {
		...ANONYMOUS_LIMITS,
		...(perAddress ? { perAddressPerDay: perAddress } : {}),
		...(days ? { keepMs: days * DAY_MS } : {})
	};
}

/**
 * Starts an anonymous attempt for a client; 'address-full' when its address started too many
 * today. Then drops the client's own oldest attempts past `perClient` (a fresh client has none).
 * @param db the database
 * @param client who starts it
 * @param init the quiz, its deadline, and the id its page proposed (see `AttemptStart.id`)
 * @param now the moment (ms)
 * @param limits the bounds
 */
export async function startAnonymous(
	db: Kysely<Database>,
	client: QuizClient,
	init: NewAttempt & { id?: string },
	now = Date.now(),
	limits = ANONYMOUS_LIMITS
): Promise<Attempt | 'address-full'> {
	// counted no further than the bound: a busy address costs no more than the bound's rows
	const recent = db
		.selectFrom('attempt')
		.select('id')
		.where('assignment_id', 'is', null)
		.where('address_hash', '=', client.addressHash)
		.where('started_at', '>', now - DAY_MS)
		.limit(limits.perAddressPerDay)
		.as('recent');
	const { count } = await db
		.selectFrom(recent)
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.executeTakeFirstOrThrow();
	if (Number(count) >= limits.perAddressPerDay) return 'address-full';
	const attempt = await insertAttempt(
		db,
		{
			owner: { kind: 'anonymous', clientHash: client.clientHash, addressHash: client.addressHash },
			slug: init.slug,
			query: init.query,
			ids: init.ids,
			...(init.deadline !== undefined ? { deadline: init.deadline } : {}),
			...(init.id !== undefined ? { id: init.id } : {})
		},
		now
	);
	if (!client.fresh) await dropBeyond(db, client.clientHash, limits.perClient);
	return plain(attempt);
}

/** Deletes a client's least recently used attempts past the newest `keep`. */
async function dropBeyond(db: Kysely<Database>, clientHash: string, keep: number) {
	const old = await db
		.selectFrom('attempt')
		.select('id')
		.where('assignment_id', 'is', null)
		.where('client_hash', '=', clientHash)
		.orderBy('updated_at', 'desc')
		.orderBy('started_at', 'desc')
		.offset(keep)
		.limit(1000)
		.execute();
	if (old.length === 0) return;
	await db
		.deleteFrom('attempt')
		.where(
			'id',
			'in',
			old.map((r) => r.id)
		)
		.execute();
}

/**
 * The client's attempt with this id, if it is kept (anything may be asked: ids come from cookies
 * and forms). Another client's attempt is not found.
 * @param db the database
 * @param client who asks
 * @param id the attempt's id
 */
export async function findAnonymous(
	db: Kysely<Database>,
	client: QuizClient,
	id: string | null | undefined
): Promise<Attempt | undefined> {
	if (client.fresh) return undefined;
	const attempt = await readAttempt(db, id);
	if (!attempt || attempt.owner.kind !== 'anonymous') return undefined;
	if (attempt.owner.clientHash !== client.clientHash) return undefined;
	return plain(attempt);
}

/**
 * The client's newest attempt at a quiz that is not submitted, if any: starting the quiz again
 * resumes it (and its deadline) rather than making another.
 * @param db the database
 * @param client who asks
 * @param slug the article
 * @param query the quiz's canonical query
 */
export async function openAnonymous(
	db: Kysely<Database>,
	client: QuizClient,
	slug: string,
	query: string
): Promise<Attempt | undefined> {
	if (client.fresh) return undefined;
	const row = await db
		.selectFrom('attempt')
		.select('id')
		.where('assignment_id', 'is', null)
		.where('client_hash', '=', client.clientHash)
		.where('slug', '=', slug)
		.where('query', '=', query)
		.where('submitted_at', 'is', null)
		.orderBy('started_at', 'desc')
		.executeTakeFirst();
	return row ? findAnonymous(db, client, row.id) : undefined;
}

/**
 * Keeps an attempt's answers and checks; false when it was submitted meanwhile (nothing changed).
 * @param db the database
 * @param attempt the attempt as it is now
 * @param now the moment (ms)
 */
export function keepAnonymous(db: Kysely<Database>, attempt: Attempt, now = Date.now()) {
	return saveAttempt(db, attempt, now);
}

/**
 * Deletes anonymous attempts unused for `keepMs` (their answers and grades go with them), and
 * rate-limit counters of windows over (an hour old: no window is as long). Returns how many
 * attempts went.
 * @param db the database
 * @param keepMs how long an unused attempt is kept
 * @param now the moment (ms)
 */
export async function pruneAnonymous(
	db: Kysely<Database>,
	keepMs = ANONYMOUS_LIMITS.keepMs,
	now = Date.now()
): Promise<number> {
	const result = await db
		.deleteFrom('attempt')
		.where('assignment_id', 'is', null)
		.where('updated_at', '<', now - keepMs)
		.executeTakeFirst();
	await pruneRateLimits(db, 60 * 60_000, now);
	return Number(result.numDeletedRows);
}

/** The route's `Attempt`, without the stored owner and number. */
function plain(stored: Attempt & { owner?: unknown; number?: unknown }): Attempt {
	const { owner: _owner, number: _number, ...attempt } = stored;
	void _owner;
	void _number;
	return attempt;
}
