/**
 * The first teacher account is made once, however many sign-ups race for it: two server processes
 * (the production build, as `npm start` serves it) on one fresh database, SQLite and PostgreSQL,
 * are posted sign-ups at the same moment, as a stranger would race the school's admin. Exactly one
 * gets an account (its redirect to the classes); every other is refused as closed (403), and the
 * database holds one teacher.
 *
 * It needs PostgreSQL (without it, it fails saying how), hence `.pg.spec.ts`: it runs in the pg-js
 * project only (playwright.config.ts), once; it needs no browser, only its own servers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
	createDatabase,
	dropDatabase,
	ensurePostgres,
	uniqueDatabaseName
} from '../../scripts/ensure-postgres.js';
import { openDatabase, type DatabaseConfig } from '../../src/lib/server/db/connect';
import { SUITE_LIMITS } from './fixtures/limits';
import { endServer, spawnServer, type ServerProcess } from './fixtures/server';

/** Sign-ups posted to each server at once. */
const PER_SERVER = 3;
const CLOSED = 'Sign-up is closed.';

/** Serves the build on a free port and the database, with the suite's raised limits. */
const startServer = (database: Record<string, string>) =>
	spawnServer({ PORT: '0', HOST: '127.0.0.1', ...SUITE_LIMITS, ...database });

/** Posts the sign-up form as a browser without JavaScript does; the redirect is not followed. */
async function signUp(base: string, email: string) {
	const response = await fetch(`${base}/teacher/sign-up?/signUp`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: base,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			cookie: 'ui=en'
		},
		body: new URLSearchParams({ name: email, email, password: 'a long test password' }),
		signal: AbortSignal.timeout(30_000)
	});
	return { status: response.status, body: await response.text() };
}

const databases: Record<
	string,
	() => Promise<{ env: Record<string, string>; drop(): Promise<void> }>
> = {
	sqlite: async () => {
		const dir = mkdtempSync(join(tmpdir(), 'dalil-first-'));
		return {
			env: { DALIL_DB: join(dir, 'dalil.db') },
			drop: async () => rmSync(dir, { recursive: true, force: true })
		};
	},
	postgres: async () => {
		const admin = await ensurePostgres();
		const name = uniqueDatabaseName('dalil_e2e_first');
		return {
			env: { DATABASE_URL: await createDatabase(admin, name) },
			drop: () => dropDatabase(admin, name)
		};
	}
};

/** The database's config as the servers read it from their environment. */
function configOf(env: Record<string, string>): DatabaseConfig {
	return env.DATABASE_URL
		? { dialect: 'postgres', url: env.DATABASE_URL }
		: { dialect: 'sqlite', file: env.DALIL_DB };
}

for (const [dialect, makeDatabase] of Object.entries(databases)) {
	test(`sign-ups racing on an empty database, on two servers, make one teacher (${dialect})`, async () => {
		test.setTimeout(120_000);
		const database = await makeDatabase();
		const servers: ServerProcess[] = [];
		try {
			const bases: string[] = [];
			// one after the other: the second finds the database migrated
			for (let i = 0; i < 2; i++) {
				const server = await startServer(database.env);
				servers.push(server);
				bases.push(server.url);
			}
			const racers = bases.flatMap((base, s) =>
				Array.from({ length: PER_SERVER }, (_, i) => signUp(base, `racer${s}${i}@example.org`))
			);
			const answers = await Promise.all(racers);
			const made = answers.filter((a) => a.status === 303);
			const refused = answers.filter((a) => a.status === 403);
			expect(made, answers.map((a) => a.status).join(' ')).toHaveLength(1);
			expect(refused).toHaveLength(2 * PER_SERVER - 1);
			for (const a of refused) expect(a.body).toContain(CLOSED);

			const handle = openDatabase(configOf(database.env));
			try {
				const users = await handle.db.selectFrom('user').select('email').execute();
				expect(users).toHaveLength(1);
			} finally {
				await handle.close();
			}
		} finally {
			await Promise.all(servers.map((server) => endServer(server, 'SIGKILL')));
			await database.drop();
		}
	});
}
