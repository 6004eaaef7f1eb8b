/**
 * What differs between SQLite and PostgreSQL, kept to the few column types migrations need.
 * Query code is the same on both; only table definitions ask which database they are on.
 */
import { PostgresAdapter, type Kysely } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/** Which database a Kysely instance talks to. */
export function dialectOf(db: Kysely<unknown>): DialectName {
	return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Column types for a migration, by database. */
export function columnTypes(db: Kysely<unknown>) {
	const postgres = dialectOf(db) === 'postgres';
	return {
		/** Our times: milliseconds since the epoch. */
		millis: postgres ? ('bigint' as const) : ('integer' as const),
		/** Better Auth's dates. */
		date: postgres ? ('timestamptz' as const) : ('date' as const),
		/** Better Auth's booleans (SQLite has none: 0 or 1). */
		boolean: postgres ? ('boolean' as const) : ('integer' as const)
	};
}
