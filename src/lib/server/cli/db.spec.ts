/**
 * `dalil db migrate` and `dalil db backup FILE`, run as `npm run dalil` runs them (the CLI bundle,
 * in a process of its own): migrate brings a database up to date and is idempotent, on SQLite and
 * PostgreSQL; backup copies a SQLite database, what is still in its WAL included, while another
 * connection holds it open; it refuses to overwrite a file, and for PostgreSQL it says how to use
 * pg_dump and exits non-zero.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
	createDatabase,
	dropDatabase,
	uniqueDatabaseName
} from '../../../../scripts/ensure-postgres.js';
import { openDatabase, type DatabaseHandle } from '../db';
import { insertAttempt, readAttempt } from '../stored-attempts';

const dir = mkdtempSync(join(tmpdir(), 'dalil-db-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `dalil db …` with the database named by `database` (DALIL_DB or DATABASE_URL) alone. */
function dalilDb(args: string[], database: { DALIL_DB: string } | { DATABASE_URL: string }) {
	const env: NodeJS.ProcessEnv = { ...process.env };
	delete env.DALIL_DB;
	delete env.DATABASE_URL;
	return spawnSync(process.execPath, ['scripts/dalil.js', 'db', ...args], {
		encoding: 'utf8',
		env: { ...env, ...database }
	});
}

/** The schema of a SQLite database, as its own catalogue states it. */
function schemaOf(handle: DatabaseHandle): unknown[] {
	return handle
		.sqlite!.prepare('select type, name, sql from sqlite_master order by type, name')
		.all();
}

/** A few anonymous attempts, one of them with answers. */
async function addAttempts(handle: DatabaseHandle) {
	const ids: string[] = [];
	for (let i = 0; i < 3; i++) {
		const attempt = await insertAttempt(handle.db, {
			owner: { kind: 'anonymous', clientHash: `backup-client-${i}` },
			slug: 'harbour-town',
			query: `n=2&seed=backup${i}`,
			ids: ['who-met', 'where-met']
		});
		ids.push(attempt.id);
	}
	return ids;
}

describe('dalil db', { timeout: 60_000 }, () => {
	it('migrates a new SQLite file, and then has nothing left to run', async () => {
		const file = join(dir, 'migrate.db');
		const first = dalilDb(['migrate'], { DALIL_DB: file });
		expect(first.stderr).toBe('');
		expect(first.status).toBe(0);
		expect(first.stdout).toMatch(new RegExp(`^${file}: ran 0001`));
		const handle = openDatabase({ dialect: 'sqlite', file });
		try {
			const before = schemaOf(handle);
			expect(before.map((row) => (row as { name: string }).name)).toContain('attempt');
			const again = dalilDb(['migrate'], { DALIL_DB: file });
			expect(again.status).toBe(0);
			expect(again.stdout.trim()).toBe(`${file}: already up to date`);
			expect(schemaOf(handle)).toEqual(before);
		} finally {
			await handle.close();
		}
	});

	it('migrates a new PostgreSQL database, and then has nothing left to run', async () => {
		const admin = inject('postgresAdminUrl');
		const name = uniqueDatabaseName('dalil_test_cli_db');
		const url = await createDatabase(admin, name);
		try {
			const first = dalilDb(['migrate'], { DATABASE_URL: url });
			expect(first.status).toBe(0);
			expect(first.stdout).toMatch(/: ran 0001/);
			const again = dalilDb(['migrate'], { DATABASE_URL: url });
			expect(again.status).toBe(0);
			expect(again.stdout).toMatch(/: already up to date\n$/);
		} finally {
			await dropDatabase(admin, name);
		}
	});

	it('backs up a SQLite database in use, WAL and all, into a file that opens', async () => {
		const file = join(dir, 'live.db');
		expect(dalilDb(['migrate'], { DALIL_DB: file }).status).toBe(0);
		// the server's connection: open during the backup, its last writes still in the WAL
		const live = openDatabase({ dialect: 'sqlite', file });
		try {
			const ids = await addAttempts(live);
			expect(readFileSync(`${file}-wal`).length).toBeGreaterThan(0);
			const copy = join(dir, 'copy.db');
			const backup = dalilDb(['backup', copy], { DALIL_DB: file });
			expect(backup.stderr).toBe('');
			expect(backup.status).toBe(0);
			expect(backup.stdout.trim()).toBe(`backed up ${file} to ${copy}`);

			const restored = openDatabase({ dialect: 'sqlite', file: copy });
			try {
				for (const id of ids) {
					expect(await readAttempt(restored.db, id)).toEqual(await readAttempt(live.db, id));
				}
				const { count } = await restored.db
					.selectFrom('attempt')
					.select((eb) => eb.fn.countAll<number>().as('count'))
					.executeTakeFirstOrThrow();
				expect(Number(count)).toBe(ids.length);
				expect(schemaOf(restored)).toEqual(schemaOf(live));
			} finally {
				await restored.close();
			}
			// the copy is a database the app can use as it is: its migrations are all there
			expect(dalilDb(['migrate'], { DALIL_DB: copy }).stdout).toMatch(/already up to date/);
		} finally {
			await live.close();
		}
	});

	it('never overwrites a file, and says when there is no database to back up', () => {
		const file = join(dir, 'kept.db');
		expect(dalilDb(['migrate'], { DALIL_DB: file }).status).toBe(0);
		const taken = join(dir, 'taken.bak');
		writeFileSync(taken, 'not a database');
		const over = dalilDb(['backup', taken], { DALIL_DB: file });
		expect(over.status).toBe(1);
		expect(over.stderr).toMatch(/taken\.bak exists; choose a new file name/);
		expect(readFileSync(taken, 'utf8')).toBe('not a database');

		const missing = join(dir, 'missing.db');
		const none = dalilDb(['backup', join(dir, 'none.bak')], { DALIL_DB: missing });
		expect(none.status).toBe(1);
		expect(none.stderr).toMatch(/no database at .*missing\.db/);
		// a backup does not create the database it was asked to copy
		expect(existsSync(missing)).toBe(false);
		expect(existsSync(join(dir, 'none.bak'))).toBe(false);
	});

	it('on PostgreSQL, says how to back up with pg_dump and exits non-zero, writing nothing', () => {
		const file = join(dir, 'pg.dump');
		// never connected to: the advice depends on the URL's kind alone
		const r = dalilDb(['backup', file], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
		expect(r.status).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr).toContain(`pg_dump --format=custom --file "${file}" "$DATABASE_URL"`);
		expect(r.stderr).toContain('pg_restore --dbname "$DATABASE_URL" FILE');
		expect(existsSync(file)).toBe(false);
	});

	it('refuses anything else with its usage, exit 2', () => {
		for (const args of [[], ['backup'], ['migrate', 'extra'], ['restore', 'x']]) {
			const r = dalilDb(args, { DALIL_DB: join(dir, 'usage.db') });
			expect(r.status).toBe(2);
			expect(r.stderr).toBe('dalil db: usage: dalil db migrate | dalil db backup FILE\n');
		}
	});
});
