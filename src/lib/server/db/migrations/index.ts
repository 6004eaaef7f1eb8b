/**
 * Every migration, in order, forward only. To add one: write `NNNN_what.ts` exporting
 * `up(db: Kysely<unknown>)` (use `columnTypes(db)` from ../dialect where SQLite and PostgreSQL
 * differ), and add one line below. Never edit or remove a migration that has landed: a database
 * that ran it will not run it again.
 *
 * Listed by hand rather than read from the folder, so that the server build and the CLI bundle
 * carry them like any other module.
 */
import type { Migration } from 'kysely';
import * as accounts from './0001_accounts';
import * as classes from './0002_classes';
import * as assignments from './0003_assignments';
import * as overrides from './0004_overrides';
import * as quizAttempts from './0005_quiz_attempts';
import * as assessmentMarks from './0006_assessment_marks';

export const migrations: Record<string, Migration> = {
	'0001_accounts': accounts,
	'0002_classes': classes,
	'0003_assignments': assignments,
	'0004_overrides': overrides,
	'0005_quiz_attempts': quizAttempts,
	'0006_assessment_marks': assessmentMarks
};
