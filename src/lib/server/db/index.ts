/**
 * The server's database: opened and migrated once at start (`startDatabase`, from the init hook),
 * then `db()` everywhere. Domain functions take the Kysely instance as a parameter, so tests can
 * run them on any database.
 */
import type { Kysely } from 'kysely';
import { databaseConfig, openDatabase, type DatabaseHandle } from './connect';
import { migrateToLatest } from './migrate';
import type { Database } from './schema';

export type { Database } from './schema';
export { databaseConfig, openDatabase, DatabaseConfigError } from './connect';
export type { DatabaseConfig, DatabaseHandle } from './connect';
export { migrateToLatest, MigrationError } from './migrate';

let current: DatabaseHandle | undefined;

/**
 * Opens the database the environment names (see `databaseConfig`) and migrates it.
 * Called once by the server at start; later calls return the same handle.
 */
export async function startDatabase(env: Record<string, string | undefined>) {
	if (current) return current;
	const handle = openDatabase(databaseConfig(env));
	try {
		const ran = await migrateToLatest(handle.db);
		if (ran.length) console.log(`dalil: database ${handle.where}: migrated (${ran.join(', ')})`);
	} catch (e) {
		await handle.close();
		throw e;
	}
	current = handle;
	return handle;
}

/** The server's database; `startDatabase` must have run (the init hook does). */
export function db(): Kysely<Database> {
	if (!current) throw new Error('the database is not started (startDatabase)');
	return current.db;
}
