/**
 * Teacher accounts with Better Auth, on our database through its Kysely support (its tables are
 * created by our migration 0001). Only its server API is used, from our form actions: no
 * `/api/auth` routes are mounted, so sign-up cannot bypass the rule below.
 *
 * Sign-up: the first account on an empty database; after that only when `DALIL_SIGNUP=open` or
 * with a colleague's invitation link. Sessions live in the database (30 days), in an httpOnly,
 * SameSite=Lax cookie that is Secure when the request came over https.
 */
import { getRequestEvent } from '$app/server';
import { betterAuth, type BetterAuthOptions } from 'better-auth';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import type { Kysely } from 'kysely';
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
