/** Runs the migrations (./migrations) forward to the latest, with Kysely's Migrator. */
import { Migrator, type Kysely, type MigrationResult } from 'kysely';
import { migrations } from './migrations';
import type { Database } from './schema';

/** Thrown when a migration fails; names the migration and the database's reason. */
export class MigrationError extends Error {}

/**
 * Brings the database up to date; returns the names of the migrations it ran (none when it was
 * already up to date). Safe to call from several processes at once: the Migrator takes a lock.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
	const migrator = new Migrator({
		db,
		provider: { getMigrations: async () => migrations }
	});
	const { error, results = [] } = await migrator.migrateToLatest();
	if (error) {
		const failed = results.find((r: MigrationResult) => r.status === 'Error');
		const reason = error instanceof Error ? error.message : String(error);
		throw new MigrationError(
			failed ? `migration ${failed.migrationName} failed: ${reason}` : `migrations: ${reason}`
		);
	}
	return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
