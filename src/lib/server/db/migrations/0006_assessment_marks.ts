/**
 * Teachers' "assessment only" marks (issue 13): an article or a question a teacher keeps for
 * assigned tests, so that practice links and self-study never serve it. One row per mark; the
 * whole article when `question_id` is '' (a primary key cannot hold a null). Unmarking deletes the
 * row; the audit log keeps who did what.
 */
import type { Kysely } from 'kysely';
import { columnTypes } from '../dialect';

export async function up(db: Kysely<unknown>): Promise<void> {
	const { millis } = columnTypes(db);
	await db.schema
		.createTable('assessment_mark')
		.addColumn('article', 'text', (c) => c.notNull())
		.addColumn('question_id', 'text', (c) => c.notNull().defaultTo(''))
		// a mark outlives its teacher's account: the question stays out of practice
		.addColumn('teacher_id', 'text', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('marked_at', millis, (c) => c.notNull())
		.addPrimaryKeyConstraint('assessment_mark_pk', ['article', 'question_id'])
		.execute();
}
