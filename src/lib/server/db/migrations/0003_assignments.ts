/**
 * Assignments and the work done on them: attempts (of a class's student, or of an anonymous quiz
 * link's browser), each answer as saved, and each question's grade once submitted.
 */
import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect';

export async function up(db: Kysely<unknown>): Promise<void> {
	const { millis } = columnTypes(db);
	const decimal = dialectOf(db) === 'postgres' ? 'double precision' : 'real';
	await db.schema
		.createTable('assignment')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('class_id', 'text', (c) => c.notNull().references('class.id').onDelete('cascade'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('article', 'text', (c) => c.notNull())
		.addColumn('mode', 'text', (c) => c.notNull())
		.addColumn('closes_at', millis)
		.addColumn('spec', 'text', (c) => c.notNull())
		.addColumn('created_at', millis, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('assignment_class_idx').on('assignment').column('class_id').execute();
	await db.schema
		.createIndex('assignment_article_idx')
		.on('assignment')
		.columns(['article', 'mode'])
		.execute();

	await db.schema
		.createTable('attempt')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('assignment_id', 'text', (c) => c.references('assignment.id').onDelete('cascade'))
		.addColumn('student_id', 'text', (c) => c.references('student.id').onDelete('cascade'))
		.addColumn('number', 'integer', (c) => c.notNull())
		.addColumn('client_hash', 'text')
		.addColumn('slug', 'text', (c) => c.notNull())
		.addColumn('query', 'text', (c) => c.notNull())
		.addColumn('question_ids', 'text', (c) => c.notNull())
		.addColumn('started_at', millis, (c) => c.notNull())
		.addColumn('deadline', millis)
		.addColumn('checks', 'text', (c) => c.notNull())
		.addColumn('updated_at', millis, (c) => c.notNull())
		.addColumn('submitted_at', millis)
		.addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('score', decimal)
		.addUniqueConstraint('attempt_number_unique', ['assignment_id', 'student_id', 'number'])
		.execute();
	await db.schema
		.createIndex('attempt_assignment_idx')
		.on('attempt')
		.columns(['assignment_id', 'student_id'])
		.execute();
	// One open attempt per student and assignment: two starts at once make one.
	await db.schema
		.createIndex('attempt_open_unique')
		.on('attempt')
		.columns(['assignment_id', 'student_id'])
		.unique()
		.where(sql.ref('submitted_at'), 'is', null)
		.execute();
	await db.schema
		.createIndex('attempt_client_idx')
		.on('attempt')
		.columns(['client_hash', 'started_at'])
		.execute();

	await db.schema
		.createTable('answer')
		.addColumn('attempt_id', 'text', (c) =>
			c.notNull().references('attempt.id').onDelete('cascade')
		)
		.addColumn('question_id', 'text', (c) => c.notNull())
		.addColumn('response', 'text', (c) => c.notNull())
		.addColumn('saved_at', millis, (c) => c.notNull())
		.addPrimaryKeyConstraint('answer_pk', ['attempt_id', 'question_id'])
		.execute();

	await db.schema
		.createTable('grade')
		.addColumn('attempt_id', 'text', (c) =>
			c.notNull().references('attempt.id').onDelete('cascade')
		)
		.addColumn('question_id', 'text', (c) => c.notNull())
		.addColumn('score', decimal, (c) => c.notNull())
		.addColumn('verdict', 'text', (c) => c.notNull())
		.addColumn('rule', 'text')
		.addColumn('reason', 'text')
		.addColumn('unsure', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('grader_version', 'text')
		.addColumn('graded_at', millis, (c) => c.notNull())
		.addPrimaryKeyConstraint('grade_pk', ['attempt_id', 'question_id'])
		.execute();
}
