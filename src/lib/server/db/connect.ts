/**
 * Opening the database: SQLite in a file (the default, nothing to set up) or PostgreSQL through
 * a pool when `DATABASE_URL=postgres://…` is set. The same Kysely query code runs on both.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
	CompiledQuery,
	Kysely,
	PostgresDialect,
	SqliteDialect,
	SqliteDriver,
	type DatabaseConnection,
	type SqliteDialectConfig
} from 'kysely';
import pg from 'pg';
import type { DialectName } from './dialect';
import type { Database } from './schema';

/** Where the data lives. */
export type DatabaseConfig =
	{ dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

/** An open database: the Kysely instance, and what `db backup` needs underneath. */
export interface DatabaseHandle {
	db: Kysely<Database>;
	dialect: DialectName;
	/** The better-sqlite3 connection, on SQLite only (for its online backup). */
	sqlite?: SQLite.Database;
	/** Where it is, without a password: for messages. */
	where: string;
	close(): Promise<void>;
}

/** The default SQLite file, relative to the working directory. */
export const DEFAULT_DB_FILE = 'data/dalil.db';

/** Thrown for a DATABASE_URL or DALIL_DB that cannot be used; its message says why. */
export class DatabaseConfigError extends Error {}

/**
 * Reads the configuration from the environment: `DATABASE_URL` (postgres://… or postgresql://…)
 * wins; otherwise `DALIL_DB` (a SQLite file), by default data/dalil.db.
 */
export function databaseConfig(env: Record<string, string | undefined>): DatabaseConfig {
	const url = env.DATABASE_URL?.trim();
	if (url) {
		if (!/^postgres(ql)?:\/\//.test(url)) {
			throw new DatabaseConfigError(
				'DATABASE_URL must be a PostgreSQL URL (postgres://user@host:port/database); ' +
					'leave it unset to use SQLite (DALIL_DB)'
			);
		}
		return { dialect: 'postgres', url };
	}
	return { dialect: 'sqlite', file: env.DALIL_DB?.trim() || DEFAULT_DB_FILE };
}

/** PostgreSQL's int8 (our millisecond times, counts) read as numbers, not strings. */
const INT8_OID = 20;
const pgTypes = {
	getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
		oid === INT8_OID && format !== 'binary'
			? (value: string) => Number(value)
			: pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
};

/** Opens (and for SQLite, creates) the database. Run `migrateToLatest` before using it. */
export function openDatabase(config: DatabaseConfig): DatabaseHandle {
	if (config.dialect === 'postgres') {
		const pool = new pg.Pool({ connectionString: config.url, max: 10, types: pgTypes });
		// An idle client's error (the server restarted) must not crash the process; the pool
		// replaces the client on the next query.
		pool.on('error', (e) => console.warn(`dalil: PostgreSQL: ${e.message}`));
		const where = redact(config.url);
		// A connection refused (no server there, a wrong password) names the server it was for:
		// at start, "cannot start: … PostgreSQL at postgres://…: connect ECONNREFUSED …".
		const named = {
			connect: () =>
				pool.connect().catch((e: unknown) => {
					throw new DatabaseConfigError(
						`PostgreSQL at ${where}: ${e instanceof Error ? e.message : e}`
					);
				}),
			end: () => pool.end()
		};
		const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: named }) });
		return { db, dialect: 'postgres', where, close: () => db.destroy() };
	}
	let sqlite: SQLite.Database;
	try {
		if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
		sqlite = new SQLite(config.file);
	} catch (e) {
		// a path that cannot be a file (under a file, unwritable): a setting to fix, not a bug
		throw new DatabaseConfigError(
			`DALIL_DB=${config.file} cannot be opened: ${e instanceof Error ? e.message : e}`
		);
	}
	// WAL: readers never wait for the writer; FULL: a commit is on disk before it is answered.
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	// Another process (the CLI, a second server) holding the write lock: wait, do not fail.
	sqlite.pragma('busy_timeout = 5000');
	const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
	return { db, dialect: 'sqlite', sqlite, where: config.file, close: () => db.destroy() };
}

/**
 * SQLite with transactions that take the write lock when they begin (`begin immediate`). A
 * deferred transaction that reads and then writes cannot wait for the lock once another process
 * (the CLI, a second server) has written since its read: SQLite fails it at once with
 * SQLITE_BUSY, busy_timeout or not (https://sqlite.org/lang_transaction.html). An immediate one
 * waits for the lock at its start, as busy_timeout says.
 */
class ImmediateSqliteDialect extends SqliteDialect {
	readonly #config: SqliteDialectConfig;

	constructor(config: SqliteDialectConfig) {
		super(config);
		this.#config = config;
	}

	createDriver(): SqliteDriver {
		return new ImmediateSqliteDriver(this.#config);
	}
}

class ImmediateSqliteDriver extends SqliteDriver {
	async beginTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('begin immediate'));
	}
}

/** A connection URL without its password. */
function redact(url: string): string {
	try {
		const u = new URL(url);
		if (u.password) u.password = '***';
		return u.toString();
	} catch {
		return 'postgres://…';
	}
}
