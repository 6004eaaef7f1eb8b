import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databaseConfig, DatabaseConfigError, openDatabase } from './connect';
import { migrateToLatest } from './migrate';
import { migrations } from './migrations';
import { sharedSetting } from './settings';
import { describeEachDatabase } from './testing';

describe('databaseConfig', () => {
	it('uses SQLite at data/dalil.db by default, DALIL_DB when set', () => {
		expect(databaseConfig({})).toEqual({ dialect: 'sqlite', file: 'data/dalil.db' });
		expect(databaseConfig({ DALIL_DB: '/tmp/x.db' })).toEqual({
			dialect: 'sqlite',
			file: '/tmp/x.db'
		});
	});
	it('uses PostgreSQL when DATABASE_URL is a postgres URL, and refuses any other URL', () => {
		const url = 'postgres://u@h:5432/d';
		expect(databaseConfig({ DATABASE_URL: url, DALIL_DB: 'x' })).toEqual({
			dialect: 'postgres',
			url
		});
		expect(databaseConfig({ DATABASE_URL: 'postgresql://h/d' }).dialect).toBe('postgres');
		expect(() => databaseConfig({ DATABASE_URL: 'mysql://h/d' })).toThrow(DatabaseConfigError);
	});
});

describe('SQLite shared with another process', () => {
	it('a transaction that reads and then writes is not failed by a write made in between', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'dalil-busy-'));
		const file = join(dir, 'shared.db');
		const server = openDatabase({ dialect: 'sqlite', file });
		// the other process (a spec's fixture, the CLI): its own connection to the same file
		const other = new SQLite(file);
		other.pragma('busy_timeout = 0');
		try {
			await sql`create table note (text text)`.execute(server.db);
			let otherWrote = true;
			await server.db.transaction().execute(async (trx) => {
				await sql`select count(*) from note`.execute(trx);
				try {
					other.prepare(`insert into note values ('other')`).run();
				} catch {
					// the lock is the transaction's from its start: the other writer waits (here: gives up)
					otherWrote = false;
				}
				// a deferred transaction fails here with SQLITE_BUSY when the other write went in
				await sql`insert into note values ('server')`.execute(trx);
			});
			expect(otherWrote).toBe(false);
			expect(other.prepare('select text from note').pluck().all()).toEqual(['server']);
		} finally {
			other.close();
			await server.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describeEachDatabase((database) => {
	it('has run every migration, and running again runs none', async () => {
		const { db } = database();
		const ran = await db
			.selectFrom('kysely_migration' as never)
			.select('name' as never)
			.execute();
		expect(ran.map((r) => (r as { name: string }).name)).toEqual(Object.keys(migrations));
		expect(await migrateToLatest(db)).toEqual([]);
	});

	it('stores and reads back every table (times as numbers)', async () => {
		const { db } = database();
		const now = Date.now();
		await db
			.insertInto('user')
			.values({
				id: 'u1',
				name: 'T',
				email: 't@example.org',
				emailVerified: database().dialect === 'postgres' ? false : 0,
				image: null,
				createdAt: new Date(now).toISOString(),
				updatedAt: new Date(now).toISOString()
			})
			.execute();
		await db
			.insertInto('class')
			.values({ id: 'c1', teacher_id: 'u1', name: 'صف', join_code: 'ABCDEF', created_at: now })
			.execute();
		await db
			.insertInto('student')
			.values({
				id: 's1',
				class_id: 'c1',
				name: 'سارة',
				created_at: now,
				removed_at: null,
				reentry_hash: null,
				reentry_expires_at: null
			})
			.execute();
		const row = await db
			.selectFrom('student')
			.innerJoin('class', 'class.id', 'student.class_id')
			.select(['student.name', 'class.name as className', 'student.created_at'])
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ name: 'سارة', className: 'صف', created_at: now });
		const { count } = await db
			.selectFrom('student')
			.select((eb) => eb.fn.countAll<number>().as('count'))
			.executeTakeFirstOrThrow();
		expect(count).toBe(1);
	});

	it('enforces foreign keys and unique join codes', async () => {
		const { db } = database();
		const orphan = db
			.insertInto('class')
			.values({ id: 'c2', teacher_id: 'nobody', name: 'x', join_code: 'GHJKMN', created_at: 1 })
			.execute();
		await expect(orphan).rejects.toThrow();
		const duplicate = db
			.insertInto('class')
			.values({ id: 'c3', teacher_id: 'u1', name: 'x', join_code: 'ABCDEF', created_at: 1 })
			.execute();
		await expect(duplicate).rejects.toThrow();
	});

	it('deleting a teacher deletes their classes and students', async () => {
		const { db } = database();
		await db.deleteFrom('user').where('id', '=', 'u1').execute();
		const left = await sql<{ n: number }>`select count(*) as n from student`.execute(db);
		expect(Number(left.rows[0].n)).toBe(0);
	});
});

describeEachDatabase((database) => {
	it('a shared setting is made once and read back by every caller', async () => {
		const { db } = database();
		let made = 0;
		const make = () => `value-${++made}`;
		const values = await Promise.all([1, 2, 3].map(() => sharedSetting(db, 'secret', make)));
		expect(new Set(values).size).toBe(1);
		expect(await sharedSetting(db, 'secret', make)).toBe(values[0]);
	});
});
