/**
 * For the specs of assignments and attempts: a teacher, a class of two students and an assignment
 * on the quiz fixture's article, in a test database.
 */
import type { Kysely } from 'kysely';
import type { AssignmentSpec } from '../assign/spec';
import { createAssignment } from './assignments';
import { dialectOf } from './db/dialect';
import type { Database } from './db/schema';

/**
 * An assignment's settings for a unit spec: a shared test of two questions on the fixture
 * article, open since the epoch with no close time, ten minutes, two attempts, refused late, the
 * answers released once submitted; `settings` names what differs.
 */
export function assignmentSpec(settings: Partial<AssignmentSpec> = {}): AssignmentSpec {
	return {
		title: 'Week 1',
		article: 'harbour-town',
		n: 2,
		types: [],
		skills: [],
		paragraphs: null,
		mode: 'test',
		timeLimit: 10,
		opensAt: 0,
		closesAt: null,
		attemptsAllowed: 2,
		late: 'refuse',
		grace: 0,
		release: 'after-submission',
		show: 'answers',
		variant: 'shared',
		seed: 's',
		...settings
	};
}

/** The assignment `seedClass` stores unless told otherwise. */
export const FIXTURE_SPEC: AssignmentSpec = assignmentSpec();

/**
 * Stores a teacher (u1), a class (c1) with students s1 and s2, and an assignment.
 * @param db a migrated test database
 * @param spec the assignment (default: a shared test of two questions, two attempts)
 */
export async function seedClass(db: Kysely<Database>, spec: AssignmentSpec = FIXTURE_SPEC) {
	const at = new Date(0).toISOString();
	const teacher = {
		id: 'u1',
		name: 'T',
		email: 't@example.org',
		image: null,
		createdAt: at,
		updatedAt: at
	};
	const emailVerified = dialectOf(db as Kysely<unknown>) === 'postgres' ? false : 0;
	await db
		.insertInto('user')
		.values({ ...teacher, emailVerified })
		.execute();
	await db
		.insertInto('class')
		.values({ id: 'c1', teacher_id: 'u1', name: 'Class', join_code: 'ACDEFG', created_at: 0 })
		.execute();
	for (const id of ['s1', 's2']) {
		await db
			.insertInto('student')
			.values({
				id,
				class_id: 'c1',
				name: id === 's1' ? 'Amal' : 'Badr',
				created_at: 0,
				removed_at: null,
				reentry_hash: null,
				reentry_expires_at: null
			})
			.execute();
	}
	return { assignmentId: await createAssignment(db, 'c1', spec) };
}
