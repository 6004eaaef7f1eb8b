/** Settings shared by every server process on one database (table `setting`). */
import type { Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * The setting `key`; when it has none yet, stores `make()`'s value first. Processes racing to
 * make it all read back the one value that was stored first.
 */
export async function sharedSetting(
	db: Kysely<Database>,
	key: string,
	make: () => string
): Promise<string> {
	await db
		.insertInto('setting')
		.values({ key, value: make() })
		.onConflict((conflict) => conflict.column('key').doNothing())
		.execute();
	const row = await db
		.selectFrom('setting')
		.select('value')
		.where('key', '=', key)
		.executeTakeFirstOrThrow();
	return row.value;
}
