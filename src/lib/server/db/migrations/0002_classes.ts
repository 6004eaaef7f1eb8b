/**
 * Classes and their students (with their devices' sessions), colleague invitations, rate-limit
 * counters, the audit log, and settings every server process shares (the auth secret).
 */
import type { Kysely } from 'kysely';
import { columnTypes } from '../dialect';

export async function up(db: Kysely<unknown>): Promise<void> {
	const { millis } = columnTypes(db);
	await db.schema
		.createTable('class')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('teacher_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('join_code', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', millis, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('class_teacher_idx').on('class').column('teacher_id').execute();

	await db.schema
		.createTable('student')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('class_id', 'text', (c) => c.notNull().references('class.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('created_at', millis, (c) => c.notNull())
		.addColumn('removed_at', millis)
		.addColumn('reentry_hash', 'text', (c) => c.unique())
		.addColumn('reentry_expires_at', millis)
		.execute();
	await db.schema.createIndex('student_class_idx').on('student').column('class_id').execute();

	await db.schema
		.createTable('student_session')
		.addColumn('token_hash', 'text', (c) => c.notNull())
		.addColumn('student_id', 'text', (c) =>
			c.notNull().references('student.id').onDelete('cascade')
		)
		.addColumn('created_at', millis, (c) => c.notNull())
		.addColumn('expires_at', millis, (c) => c.notNull())
		.addPrimaryKeyConstraint('student_session_pk', ['token_hash', 'student_id'])
		.execute();
	await db.schema
		.createIndex('student_session_student_idx')
		.on('student_session')
		.column('student_id')
		.execute();

	await db.schema
		.createTable('invite')
		.addColumn('token_hash', 'text', (c) => c.primaryKey())
		.addColumn('created_by', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('created_at', millis, (c) => c.notNull())
		.addColumn('expires_at', millis, (c) => c.notNull())
		.addColumn('used_at', millis)
		.execute();

	await db.schema
		.createTable('rate_limit')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('window_start', millis, (c) => c.notNull())
		.addColumn('count', 'integer', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('setting')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('value', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('audit')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('at', millis, (c) => c.notNull())
		.addColumn('actor_kind', 'text', (c) => c.notNull())
		.addColumn('actor_id', 'text')
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('subject', 'text')
		.addColumn('detail', 'text')
		.execute();
	await db.schema.createIndex('audit_subject_idx').on('audit').columns(['subject', 'at']).execute();
}
