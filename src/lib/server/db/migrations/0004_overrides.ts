/**
 * Teachers' overrides of the grader (issue 14): one row per decision on a group of answers (an
 * assignment's question and a folded form), never deleted (undo marks it undone), and on each
 * grade the grader's own grade kept beside the one that counts, so an override is undone exactly.
 * The audit log a teacher reads is the `audit` table of 0002 (subject: the assignment).
 */
import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect';

export async function up(db: Kysely<unknown>): Promise<void> {
	const { millis } = columnTypes(db);
	const decimal = dialectOf(db) === 'postgres' ? 'double precision' : 'real';
	await db.schema
		.createTable('override')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('assignment_id', 'text', (c) =>
			c.notNull().references('assignment.id').onDelete('cascade')
		)
		.addColumn('question_id', 'text', (c) => c.notNull())
		.addColumn('form', 'text', (c) => c.notNull())
		.addColumn('text', 'text')
		.addColumn('old_verdict', 'text', (c) => c.notNull())
		.addColumn('old_score', decimal, (c) => c.notNull())
		.addColumn('verdict', 'text', (c) => c.notNull())
		.addColumn('score', decimal, (c) => c.notNull())
		.addColumn('note', 'text')
		.addColumn('teacher_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('created_at', millis, (c) => c.notNull())
		.addColumn('undone_at', millis)
		.addColumn('undone_by', 'text')
		.execute();
	await db.schema
		.createIndex('override_assignment_idx')
		.on('override')
		.columns(['assignment_id', 'question_id', 'form'])
		.execute();
	// colleagues' decisions on the same question, and the export's --since
	await db.schema
		.createIndex('override_question_idx')
		.on('override')
		.columns(['question_id', 'form'])
		.execute();
	await db.schema.createIndex('override_created_idx').on('override').column('created_at').execute();

	// The grade that counts stays in score/verdict (every reader of grades sees it); the grader's
	// own is kept here while an override stands.
	await db.schema.alterTable('grade').addColumn('override_id', 'text').execute();
	await db.schema.alterTable('grade').addColumn('grader_score', decimal).execute();
	await db.schema.alterTable('grade').addColumn('grader_verdict', 'text').execute();
}
