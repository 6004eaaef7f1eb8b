/**
 * Anonymous quiz attempts (a quiz link without a class) in the database: the address they came
 * from (hashed), so one address can be bounded without touching anyone else's attempts, and
 * indexes for the per-client bound and for pruning old ones by age.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('attempt').addColumn('address_hash', 'text').execute();
	// Starts per address and day (the address bound) are counted on this index.
	await db.schema
		.createIndex('attempt_address_idx')
		.on('attempt')
		.columns(['address_hash', 'started_at'])
		.where(sql.ref('assignment_id'), 'is', null)
		.execute();
	// A client's attempts, least recently used first (the client bound, the open attempt of a link).
	await db.schema
		.createIndex('attempt_client_used_idx')
		.on('attempt')
		.columns(['client_hash', 'updated_at'])
		.where(sql.ref('assignment_id'), 'is', null)
		.execute();
	// Old anonymous attempts are pruned by their last use.
	await db.schema
		.createIndex('attempt_anonymous_used_idx')
		.on('attempt')
		.column('updated_at')
		.where(sql.ref('assignment_id'), 'is', null)
		.execute();
}
