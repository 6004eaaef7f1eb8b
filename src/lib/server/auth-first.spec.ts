/**
 * The first teacher account is made once: sign-ups racing on an empty database (two browsers, two
 * server processes on one database) get one account, through Better Auth's own sign-up.
 */
import { betterAuth } from 'better-auth';
import { APIError } from 'better-auth/api';
import type { Kysely } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import {
	authOptions,
	claimFirstSignUp,
	createInvite,
	FIRST_CLAIM_MS,
	releaseFirstSignUp,
	signUpPolicy,
	signUpUnder
} from './auth';
import { openDatabase, type DatabaseHandle } from './db/connect';
import type { Database } from './db/schema';
import { describeEachDatabase } from './db/testing';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const T = 1_800_000_000_000;

/** Better Auth on the test database, without the Kit cookie plugin (there is no request here). */
function auth(handle: DatabaseHandle) {
	return betterAuth({ ...authOptions(handle, SECRET, false), plugins: [] });
}

async function teachers(db: Kysely<Database>) {
	return (await db.selectFrom('user').select('email').orderBy('email').execute()).map(
		(u) => u.email
	);
}

/**
 * One sign-up as the action makes it: the policy it reads, then `signUpUnder` with Better Auth.
 * @returns 'made', 'closed' (refused as closed), or the Better Auth error's code
 */
async function signUp(
	handle: DatabaseHandle,
	env: Record<string, string>,
	email: string,
	password = 'a-long-password',
	invite: string | null = null
) {
	const policy = await signUpPolicy(handle.db, env, invite);
	if (policy === 'closed') return 'closed';
	try {
		const made = await signUpUnder(handle.db, policy, env, invite, () =>
			auth(handle).api.signUpEmail({ body: { name: email, email, password } })
		);
		return made ? 'made' : 'closed';
	} catch (e) {
		if (e instanceof APIError) return String(e.body?.code);
		throw e;
	}
}

describeEachDatabase((database) => {
	beforeEach(async () => {
		const { db } = database();
		await db.deleteFrom('invite').execute();
		await db.deleteFrom('setting').execute();
		await db.deleteFrom('session').execute();
		await db.deleteFrom('account').execute();
		await db.deleteFrom('user').execute();
	});

	it('of claims racing on an empty database (or over a stale one) from two connections, one wins', async () => {
		const handle = database();
		// a second connection to the same database, as a second server process would have
		const other =
			handle.dialect === 'sqlite'
				? openDatabase({ dialect: 'sqlite', file: handle.where })
				: handle;
		try {
			const claims = await Promise.all(
				Array.from({ length: 8 }, (_, i) => claimFirstSignUp((i % 2 ? other : handle).db, T + i))
			);
			expect(claims.filter(Boolean)).toHaveLength(1);
			// and of processes racing to take over a stale claim, exactly one wins too
			const stale = T + 8 + FIRST_CLAIM_MS;
			const takeovers = await Promise.all(
				Array.from({ length: 8 }, (_, i) =>
					claimFirstSignUp((i % 2 ? other : handle).db, stale + i)
				)
			);
			expect(takeovers.filter(Boolean)).toHaveLength(1);
		} finally {
			if (other !== handle) await other.close();
		}
	});

	it('a claim given back, or stale with still no teacher, is taken again', async () => {
		const { db } = database();
		expect(await claimFirstSignUp(db, T)).toBe(true);
		expect(await claimFirstSignUp(db, T + 1)).toBe(false);
		// a give-back for another moment changes nothing
		await releaseFirstSignUp(db, T + 1);
		expect(await claimFirstSignUp(db, T + 2)).toBe(false);
		await releaseFirstSignUp(db, T);
		expect(await claimFirstSignUp(db, T + 3)).toBe(true);
		// left by a crashed process: held for FIRST_CLAIM_MS, then taken over
		expect(await claimFirstSignUp(db, T + 3 + FIRST_CLAIM_MS)).toBe(false);
		expect(await claimFirstSignUp(db, T + 4 + FIRST_CLAIM_MS)).toBe(true);
		// the crashed process's give-back does not free its successor's claim
		await releaseFirstSignUp(db, T + 3);
		expect(await claimFirstSignUp(db, T + 5 + FIRST_CLAIM_MS)).toBe(false);
	});

	it('once a teacher exists no claim is taken, stale or not', async () => {
		const handle = database();
		expect(await signUp(handle, {}, 'hala@example.org')).toBe('made');
		expect(await claimFirstSignUp(handle.db)).toBe(false);
		expect(await claimFirstSignUp(handle.db, Date.now() + 2 * FIRST_CLAIM_MS)).toBe(false);
		// an installation whose first teacher came before the claim: no claim row, still refused
		await handle.db.deleteFrom('setting').execute();
		expect(await claimFirstSignUp(handle.db)).toBe(false);
	});

	it('two first sign-ups at once make one account; the other is refused as closed', async () => {
		const handle = database();
		const results = await Promise.all([
			signUp(handle, {}, 'admin@example.org'),
			signUp(handle, {}, 'stranger@example.org')
		]);
		expect(results.toSorted()).toEqual(['closed', 'made']);
		expect(await teachers(handle.db)).toHaveLength(1);
		expect(await signUp(handle, {}, 'late@example.org')).toBe('closed');
	});

	it('both racing sign-ups read the policy first, then sign up: still one account', async () => {
		const handle = database();
		const { db } = handle;
		// the worst interleaving: each request has read 'first' before either account exists
		const policies = await Promise.all([signUpPolicy(db, {}, null), signUpPolicy(db, {}, null)]);
		expect(policies).toEqual(['first', 'first']);
		const made = await Promise.all(
			['admin@example.org', 'stranger@example.org'].map((email, i) =>
				signUpUnder(db, policies[i], {}, null, () =>
					auth(handle).api.signUpEmail({
						body: { name: email, email, password: 'a-long-password' }
					})
				)
			)
		);
		expect(made.toSorted()).toEqual([false, true]);
		expect(await teachers(db)).toHaveLength(1);
	});

	it('a first sign-up Better Auth refuses gives the claim back', async () => {
		const handle = database();
		expect(await signUp(handle, {}, 'admin@example.org', 'short')).toBe('PASSWORD_TOO_SHORT');
		expect(await teachers(handle.db)).toEqual([]);
		expect(await signUp(handle, {}, 'admin@example.org')).toBe('made');
		expect(await teachers(handle.db)).toEqual(['admin@example.org']);
	});

	it('a sign-up that throws anything gives the claim back, and its error goes on', async () => {
		const { db } = database();
		const boom = new Error('the database went away');
		await expect(signUpUnder(db, 'first', {}, null, () => Promise.reject(boom), T)).rejects.toBe(
			boom
		);
		expect(await claimFirstSignUp(db, T + 1)).toBe(true);
	});

	it('with DALIL_SIGNUP=open there is no race to win: both sign up', async () => {
		const handle = database();
		const open = { DALIL_SIGNUP: 'open' };
		const results = await Promise.all([
			signUp(handle, open, 'admin@example.org'),
			signUp(handle, open, 'colleague@example.org')
		]);
		expect(results).toEqual(['made', 'made']);
		expect(await teachers(handle.db)).toEqual(['admin@example.org', 'colleague@example.org']);
	});

	it('two colleagues racing for one invitation get one account', async () => {
		const handle = database();
		expect(await signUp(handle, {}, 'admin@example.org')).toBe('made');
		const [admin] = await handle.db.selectFrom('user').select('id').execute();
		const invite = await createInvite(handle.db, admin.id);
		const results = await Promise.all([
			signUp(handle, {}, 'a@example.org', 'a-long-password', invite),
			signUp(handle, {}, 'b@example.org', 'a-long-password', invite)
		]);
		expect(results.toSorted()).toEqual(['closed', 'made']);
		expect(await teachers(handle.db)).toHaveLength(2);
	});
});
