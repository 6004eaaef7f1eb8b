/**
 * Teacher accounts with Better Auth, on our database through its Kysely support (its tables are
 * created by our migration 0001). Only its server API is used, from our form actions: no
 * `/api/auth` routes are mounted, so sign-up cannot bypass the rule below.
 *
 * Sign-up: the first account on an empty database; after that only when `DALIL_SIGNUP=open` or
 * with a colleague's invitation link. Sign-ups racing for the first account or for one link get
 * one account (`signUpUnder`). Sessions live in the database (30 days), in an httpOnly,
 * SameSite=Lax cookie that is Secure when the request came over https.
 */
import { getRequestEvent } from '$app/server';
import { betterAuth, type BetterAuthOptions } from 'better-auth';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from './db';
import { hashToken, newToken } from './db/ids';
import type { Database } from './db/schema';
import { sharedSetting } from './db/settings';

const DAY = 24 * 60 * 60;

/** Password length Better Auth accepts (and our forms state). */
export const PASSWORD_LENGTH = { min: 8, max: 128 } as const;

/**
 * Better Auth's options for our database: what `createAuth` builds its instances from, exported so
 * that a spec can ask Better Auth's own migration planner (`getMigrations`) about our tables
 * without starting Kit.
 * @param handle the open database
 * @param secret the secret that signs cookies
 * @param secure whether cookies are Secure (https)
 * @param origin the public origin, when set
 */
export function authOptions(
	handle: DatabaseHandle,
	secret: string,
	secure: boolean,
	origin?: string
) {
	return {
		appName: 'Dalil',
		secret,
		baseURL: origin,
		database: { db: handle.db, type: handle.dialect },
		emailAndPassword: {
			enabled: true,
			minPasswordLength: PASSWORD_LENGTH.min,
			maxPasswordLength: PASSWORD_LENGTH.max,
			autoSignIn: true
		},
		session: { expiresIn: 30 * DAY, updateAge: DAY },
		// Sign-in is limited by our own counters in the database (rate-limit.ts), which hold across
		// processes; Better Auth's would live in this process's memory.
		rateLimit: { enabled: false },
		advanced: {
			useSecureCookies: secure,
			defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' }
		},
		plugins: [sveltekitCookies(getRequestEvent)]
	} satisfies BetterAuthOptions;
}

function createAuth(handle: DatabaseHandle, secret: string, secure: boolean, origin?: string) {
	return betterAuth(authOptions(handle, secret, secure, origin));
}

export type Auth = ReturnType<typeof createAuth>;

let instances: { plain: Auth; secure: Auth } | undefined;

/**
 * Makes the two Better Auth instances (cookies for http and for https) once the database is open.
 * The secret that signs cookies is `BETTER_AUTH_SECRET`, or one made once and kept in the
 * database, so that every server process on one database shares it.
 */
export async function startAuth(handle: DatabaseHandle, env: Record<string, string | undefined>) {
	const secret =
		env.BETTER_AUTH_SECRET || (await sharedSetting(handle.db, 'auth_secret', newToken));
	const origin = env.ORIGIN || undefined;
	instances = {
		plain: createAuth(handle, secret, false, origin),
		secure: createAuth(handle, secret, true, origin)
	};
}

/** The Better Auth instance for a request: Secure cookies when it came over https. */
export function authFor(url: URL): Auth {
	if (!instances) throw new Error('auth is not started (startAuth)');
	return url.protocol === 'https:' ? instances.secure : instances.plain;
}

/** Whether a request carries a Better Auth session cookie (before asking the database). */
export function hasSessionCookie(cookieHeader: string | null): boolean {
	return !!cookieHeader && cookieHeader.includes('better-auth.session_token=');
}

/** Whether there is no teacher yet: then /teacher offers to create the first account. */
export async function noTeacherYet(db: Kysely<Database>): Promise<boolean> {
	const row = await db.selectFrom('user').select('id').limit(1).executeTakeFirst();
	return !row;
}

/** Why sign-up is allowed: the first account, open sign-up, or an invitation. */
export type SignUpPolicy = 'first' | 'open' | 'invite' | 'closed';

/** What a sign-up may do now, given the environment and an invitation token (if any). */
export async function signUpPolicy(
	db: Kysely<Database>,
	env: Record<string, string | undefined>,
	inviteToken: string | null,
	now = Date.now()
): Promise<SignUpPolicy> {
	if (await noTeacherYet(db)) return 'first';
	if (env.DALIL_SIGNUP === 'open') return 'open';
	if (inviteToken && (await validInvite(db, inviteToken, now))) return 'invite';
	return 'closed';
}

const INVITE_DAYS = 14;

/** Makes an invitation link's token for a colleague (valid 14 days, once). */
export async function createInvite(
	db: Kysely<Database>,
	teacherId: string,
	now = Date.now()
): Promise<string> {
	const token = newToken();
	await db
		.insertInto('invite')
		.values({
			token_hash: hashToken(token),
			created_by: teacherId,
			created_at: now,
			expires_at: now + INVITE_DAYS * DAY * 1000,
			used_at: null
		})
		.execute();
	return token;
}

async function validInvite(db: Kysely<Database>, token: string, now: number) {
	const row = await db
		.selectFrom('invite')
		.select('token_hash')
		.where('token_hash', '=', hashToken(token))
		.where('used_at', 'is', null)
		.where('expires_at', '>', now)
		.executeTakeFirst();
	return !!row;
}

/** Marks an invitation used; false when it was not valid any more (used by someone else). */
export async function useInvite(
	db: Kysely<Database>,
	token: string,
	now = Date.now()
): Promise<boolean> {
	const result = await db
		.updateTable('invite')
		.set({ used_at: now })
		.where('token_hash', '=', hashToken(token))
		.where('used_at', 'is', null)
		.where('expires_at', '>', now)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/**
 * Gives back an invitation `useInvite` marked used at `usedAt`, when the account it was for could
 * not be made (an e-mail address taken, say): the colleague tries again with the same link.
 * @param db the database
 * @param token the invitation's token
 * @param usedAt the moment `useInvite` was given
 */
export async function releaseInvite(
	db: Kysely<Database>,
	token: string,
	usedAt: number
): Promise<void> {
	await db
		.updateTable('invite')
		.set({ used_at: null })
		.where('token_hash', '=', hashToken(token))
		.where('used_at', '=', usedAt)
		.execute();
}

/** The `setting` that holds the claim of the first sign-up: when it was taken (ms, as text). */
const FIRST_SIGN_UP = 'first_sign_up';

/**
 * How long a claim of the first sign-up holds (2 minutes): making an account takes well under a
 * second, so a claim this old with still no teacher was left by a process that crashed or lost its
 * database mid-way, and may be taken again rather than lock the school out.
 */
export const FIRST_CLAIM_MS = 2 * 60 * 1000;

/**
 * Claims the first sign-up, in one statement that every server process on the database sees
 * whole: stored only while there is no teacher, and over an older claim only when that one is
 * stale (older than `FIRST_CLAIM_MS`). Of sign-ups racing on an empty database exactly one wins.
 * @param db the database
 * @param now the moment of the claim, its value (give it to `releaseFirstSignUp`)
 * @returns whether this claim won
 */
export async function claimFirstSignUp(db: Kysely<Database>, now = Date.now()): Promise<boolean> {
	const result = await db
		.insertInto('setting')
		.columns(['key', 'value'])
		.expression(
			db
				.selectNoFrom((eb) => [eb.val(FIRST_SIGN_UP).as('key'), eb.val(String(now)).as('value')])
				.where((eb) => eb.not(eb.exists(eb.selectFrom('user').select('id'))))
		)
		.onConflict((conflict) =>
			conflict
				.column('key')
				.doUpdateSet({ value: (eb) => eb.ref('excluded.value') })
				.where(sql<number>`cast(${sql.ref('setting.value')} as bigint)`, '<', now - FIRST_CLAIM_MS)
		)
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows) === 1;
}

/**
 * Gives back the claim `claimFirstSignUp` won at `claimedAt`, when the first account could not be
 * made (a password refused, say). A claim taken over since (stale) stays its new holder's.
 * @param db the database
 * @param claimedAt the moment the claim was taken
 */
export async function releaseFirstSignUp(db: Kysely<Database>, claimedAt: number): Promise<void> {
	await db
		.deleteFrom('setting')
		.where('key', '=', FIRST_SIGN_UP)
		.where('value', '=', String(claimedAt))
		.execute();
}

/**
 * Takes what a sign-up under `policy` must hold while its account is made: the invitation, or the
 * claim of the first account when sign-up would otherwise be closed. Open sign-up holds nothing (a
 * first sign-up under `DALIL_SIGNUP=open` has no race to win).
 * @returns how to give it back, or null when another sign-up took it first
 */
async function holdSignUp(
	db: Kysely<Database>,
	policy: SignUpPolicy,
	env: Record<string, string | undefined>,
	inviteToken: string | null,
	now: number
): Promise<(() => Promise<void>) | null> {
	const open = env.DALIL_SIGNUP === 'open';
	if (policy === 'open' || (policy === 'first' && open)) return async () => {};
	if (policy === 'first' && (await claimFirstSignUp(db, now))) {
		return () => releaseFirstSignUp(db, now);
	}
	if (policy === 'invite' && inviteToken && (await useInvite(db, inviteToken, now))) {
		return () => releaseInvite(db, inviteToken, now);
	}
	return null;
}

/**
 * Makes an account with `signUp` (Better Auth's `signUpEmail`) under `policy`, as `signUpPolicy`
 * found it: it first spends what the policy needs (the invitation, the claim of the first account),
 * so that of sign-ups racing for it only one makes an account, and gives it back when `signUp`
 * throws (an e-mail address taken, a password refused), rethrowing.
 * @param db the database
 * @param policy the sign-up's policy (`signUpPolicy`)
 * @param env the environment (`DALIL_SIGNUP`)
 * @param inviteToken the invitation's token, if any
 * @param signUp makes the account
 * @param now the moment of the sign-up
 * @returns false, without calling `signUp`, when another sign-up won: refuse as closed
 */
export async function signUpUnder(
	db: Kysely<Database>,
	policy: SignUpPolicy,
	env: Record<string, string | undefined>,
	inviteToken: string | null,
	signUp: () => Promise<unknown>,
	now = Date.now()
): Promise<boolean> {
	const release = await holdSignUp(db, policy, env, inviteToken, now);
	if (!release) return false;
	try {
		await signUp();
	} catch (e) {
		await release();
		throw e;
	}
	return true;
}
