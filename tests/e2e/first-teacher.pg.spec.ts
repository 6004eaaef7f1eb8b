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
import { spawn, type ChildProcess } from 'node:child_process';
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
import { freePort } from '../../src/lib/server/bench/http';
import { openDatabase, type DatabaseConfig } from '../../src/lib/server/db/connect';
import { SUITE_LIMITS } from './fixtures/limits';

/** Sign-ups posted to each server at once. */
const PER_SERVER = 3;
const CLOSED = 'Sign-up is closed.';

/** Starts `scripts/start.js` on `port` and `database`; resolves with the process once it listens. */
function startServer(port: number, database: Record<string, string>): Promise<ChildProcess> {
	const env: NodeJS.ProcessEnv = { ...process.env };
	delete env.DATABASE_URL;
	delete env.DALIL_DB;
	delete env.DALIL_SIGNUP;
	// the heap flag as `npm start` adds it: start.js serves in this very process, no child
	const child = spawn(process.execPath, ['--max-old-space-size=256', 'scripts/start.js'], {
		env: { ...env, PORT: String(port), HOST: '127.0.0.1', ...SUITE_LIMITS, ...database },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
		const read = (chunk: Buffer) => {
			output += chunk.toString();
			if (/serving on http:\/\/localhost:\d+/.test(output)) {
				clearTimeout(timer);
				resolve(child);
			}
		};
		child.stdout.on('data', read);
		child.stderr.on('data', read);
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			reject(new Error(`server ended (${code ?? signal}):\n${output}`));
		});
	});
}

/** Ends a server with SIGKILL; resolves once it has exited (its connections closed). */
function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		child.once('exit', () => resolve());
		child.kill('SIGKILL');
	});
}

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
		const servers: ChildProcess[] = [];
		try {
			const bases: string[] = [];
			// one after the other: the second finds the database migrated
			for (let i = 0; i < 2; i++) {
				const port = await freePort();
				servers.push(await startServer(port, database.env));
				bases.push(`http://127.0.0.1:${port}`);
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
			await Promise.all(servers.map(stop));
			await database.drop();
		}
	});
}
