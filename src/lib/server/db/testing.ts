/**
 * For tests: a fresh, migrated database of each kind. SQLite in a temporary file; PostgreSQL in a
 * database of its own (created on the server tests/setup/postgres.ts found, dropped afterwards),
 * so parallel runs never share tables.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import {
	createDatabase,
	dropDatabase,
	uniqueDatabaseName
} from '../../../../scripts/ensure-postgres.js';
import { openDatabase, type DatabaseHandle } from './connect';
import type { DialectName } from './dialect';
import { migrateToLatest } from './migrate';

/** Both databases, in the order tests run on them. */
export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

/** A test database; `dispose` closes and deletes it. */
export interface TestDatabase extends DatabaseHandle {
	dispose(): Promise<void>;
}

/** Creates an empty database of the given kind, not yet migrated. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
	if (dialect === 'sqlite') {
		const dir = mkdtempSync(join(tmpdir(), 'dalil-test-'));
		const handle = openDatabase({ dialect: 'sqlite', file: join(dir, 'test.db') });
		return {
			...handle,
			dispose: async () => {
				await handle.close();
				rmSync(dir, { recursive: true, force: true });
			}
		};
	}
	const adminUrl = inject('postgresAdminUrl');
	const name = uniqueDatabaseName();
	const handle = openDatabase({ dialect: 'postgres', url: await createDatabase(adminUrl, name) });
	return {
		...handle,
		dispose: async () => {
			await handle.close();
			await dropDatabase(adminUrl, name);
		}
	};
}

/**
 * Declares `body`'s tests once per database (`describe` blocks named sqlite and postgres), each on
 * a fresh database migrated to the latest. `body` receives a getter for the open handle.
 */
export function describeEachDatabase(body: (database: () => DatabaseHandle) => void) {
	for (const dialect of DIALECTS) {
		describe(dialect, () => {
			let handle: TestDatabase | undefined;
			beforeAll(async () => {
				handle = await createTestDatabase(dialect);
				await migrateToLatest(handle.db);
			});
			afterAll(async () => {
				await handle?.dispose();
			});
			body(() => {
				if (!handle) throw new Error('the test database is not open yet');
				return handle;
			});
		});
	}
}
