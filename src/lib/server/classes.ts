/**
 * Classes, rosters and students' devices. Every teacher-side function takes the teacher's id and
 * finds nothing outside that teacher's classes: a teacher cannot see or change another's.
 *
 * A student is one row per class joined (a name, no e-mail). A device keeps one long-lived token
 * (cookie) standing for every student row joined from it; the database keeps only its hash.
 */
import type { Kysely } from 'kysely';
import { audit } from './audit';
import { hashToken, newId, newJoinCode, newToken } from './db/ids';
import type { Database } from './db/schema';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long a device stays signed in to its classes without coming back. */
export const STUDENT_SESSION_DAYS = 400;
/** How long a personal re-entry link stays valid. */
export const REENTRY_DAYS = 7;

export interface ClassSummary {
	id: string;
	name: string;
	joinCode: string;
	createdAt: number;
	students: number;
}

export interface RosterStudent {
	id: string;
	name: string;
	joinedAt: number;
}

/** A class a device's student belongs to (what `locals.student` lists). */
export interface Membership {
	studentId: string;
	name: string;
	classId: string;
	className: string;
}

/** Creates a class with a fresh join code (drawn again on the rare collision). */
export async function createClass(
	db: Kysely<Database>,
	teacherId: string,
	name: string,
	now = Date.now()
): Promise<ClassSummary> {
	for (let attempt = 0; ; attempt++) {
		const row = {
			id: newId(),
			teacher_id: teacherId,
			name,
			join_code: newJoinCode(),
			created_at: now
		};
		const taken = await db
			.selectFrom('class')
			.select('id')
			.where('join_code', '=', row.join_code)
			.executeTakeFirst();
		if (taken && attempt < 10) continue;
		await db.insertInto('class').values(row).execute();
		await audit(
			db,
			{
				actorKind: 'teacher',
				actorId: teacherId,
				action: 'class.create',
				subject: row.id,
				detail: { name }
			},
			now
		);
		return { id: row.id, name, joinCode: row.join_code, createdAt: now, students: 0 };
	}
}

/** A teacher's classes, newest first, with the number of students on each roster. */
export async function listClasses(
	db: Kysely<Database>,
	teacherId: string
): Promise<ClassSummary[]> {
	const rows = await db
		.selectFrom('class')
		.leftJoin('student', (join) =>
			join.onRef('student.class_id', '=', 'class.id').on('student.removed_at', 'is', null)
		)
		.select((eb) => [
			'class.id',
			'class.name',
			'class.join_code',
			'class.created_at',
			eb.fn.count<number>('student.id').as('students')
		])
		.where('class.teacher_id', '=', teacherId)
		.groupBy(['class.id', 'class.name', 'class.join_code', 'class.created_at'])
		.orderBy('class.created_at', 'desc')
		.orderBy('class.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		joinCode: r.join_code,
		createdAt: Number(r.created_at),
		students: Number(r.students)
	}));
}

/** One of the teacher's classes, or undefined (also when it is another teacher's). */
export async function getClass(
	db: Kysely<Database>,
	teacherId: string,
	classId: string
): Promise<Omit<ClassSummary, 'students'> | undefined> {
	const row = await db
		.selectFrom('class')
		.select(['id', 'name', 'join_code', 'created_at'])
		.where('id', '=', classId)
		.where('teacher_id', '=', teacherId)
		.executeTakeFirst();
	return (
		row && {
			id: row.id,
			name: row.name,
			joinCode: row.join_code,
			createdAt: Number(row.created_at)
		}
	);
}

/** The class's students (not removed), by name. */
export async function roster(db: Kysely<Database>, classId: string): Promise<RosterStudent[]> {
	const rows = await db
		.selectFrom('student')
		.select(['id', 'name', 'created_at'])
		.where('class_id', '=', classId)
		.where('removed_at', 'is', null)
		.orderBy('name')
		.orderBy('id')
		.execute();
	return rows.map((r) => ({ id: r.id, name: r.name, joinedAt: Number(r.created_at) }));
}

/** A student of one of the teacher's classes (not removed), or undefined. */
async function teachersStudent(db: Kysely<Database>, teacherId: string, studentId: string) {
	return db
		.selectFrom('student')
		.innerJoin('class', 'class.id', 'student.class_id')
		.select(['student.id', 'student.name', 'student.class_id'])
		.where('student.id', '=', studentId)
		.where('class.teacher_id', '=', teacherId)
		.where('student.removed_at', 'is', null)
		.executeTakeFirst();
}

/** Renames a student of one of the teacher's classes; false if there is no such student. */
export async function renameStudent(
	db: Kysely<Database>,
	teacherId: string,
	studentId: string,
	name: string,
	now = Date.now()
): Promise<boolean> {
	const student = await teachersStudent(db, teacherId, studentId);
	if (!student) return false;
	await db.updateTable('student').set({ name }).where('id', '=', studentId).execute();
	await audit(
		db,
		{
			actorKind: 'teacher',
			actorId: teacherId,
			action: 'student.rename',
			subject: studentId,
			detail: { from: student.name, to: name }
		},
		now
	);
	return true;
}

/**
 * Removes a student from the roster: their devices lose the class, their work stays in the
 * database (removal is recorded, not a deletion). False if there is no such student.
 */
export async function removeStudent(
	db: Kysely<Database>,
	teacherId: string,
	studentId: string,
	now = Date.now()
): Promise<boolean> {
	const student = await teachersStudent(db, teacherId, studentId);
	if (!student) return false;
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('student')
			.set({ removed_at: now, reentry_hash: null, reentry_expires_at: null })
			.where('id', '=', studentId)
			.execute();
		await trx.deleteFrom('student_session').where('student_id', '=', studentId).execute();
	});
	await audit(
		db,
		{
			actorKind: 'teacher',
			actorId: teacherId,
			action: 'student.remove',
			subject: studentId,
			detail: { name: student.name }
		},
		now
	);
	return true;
}

/**
 * Makes a personal re-entry link's token for a student (a new device, a lost cookie): valid for
 * REENTRY_DAYS, once; a new one replaces the last. Undefined if there is no such student.
 */
export async function issueReentry(
	db: Kysely<Database>,
	teacherId: string,
	studentId: string,
	now = Date.now()
): Promise<string | undefined> {
	const student = await teachersStudent(db, teacherId, studentId);
	if (!student) return undefined;
	const token = newToken();
	await db
		.updateTable('student')
		.set({ reentry_hash: hashToken(token), reentry_expires_at: now + REENTRY_DAYS * DAY_MS })
		.where('id', '=', studentId)
		.execute();
	await audit(
		db,
		{ actorKind: 'teacher', actorId: teacherId, action: 'student.reentry', subject: studentId },
		now
	);
	return token;
}

/** The class a join code opens, or undefined. */
export async function classByCode(
	db: Kysely<Database>,
	joinCode: string
): Promise<{ id: string; name: string } | undefined> {
	return db
		.selectFrom('class')
		.select(['id', 'name'])
		.where('join_code', '=', joinCode)
		.executeTakeFirst();
}

/** Adds a (device, student) session row. */
async function attachDevice(
	db: Kysely<Database>,
	deviceToken: string,
	studentId: string,
	now: number
) {
	await db
		.insertInto('student_session')
		.values({
			token_hash: hashToken(deviceToken),
			student_id: studentId,
			created_at: now,
			expires_at: now + STUDENT_SESSION_DAYS * DAY_MS
		})
		.onConflict((conflict) =>
			conflict
				.columns(['token_hash', 'student_id'])
				.doUpdateSet({ expires_at: now + STUDENT_SESSION_DAYS * DAY_MS })
		)
		.execute();
}

/**
 * A student joins a class under a name, from a device. The device's token is reused when it has
 * one (so one device holds all its classes) or made. When this device already has a student in
 * the class, that student is kept (a second join changes nothing).
 */
export async function joinClass(
	db: Kysely<Database>,
	classId: string,
	name: string,
	deviceToken: string | undefined,
	now = Date.now()
): Promise<{ studentId: string; deviceToken: string; alreadyMember: boolean }> {
	const token = deviceToken ?? newToken();
	if (deviceToken) {
		const existing = (await studentDevice(db, deviceToken, now)).find((m) => m.classId === classId);
		if (existing) return { studentId: existing.studentId, deviceToken: token, alreadyMember: true };
	}
	const studentId = newId();
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('student')
			.values({
				id: studentId,
				class_id: classId,
				name,
				created_at: now,
				removed_at: null,
				reentry_hash: null,
				reentry_expires_at: null
			})
			.execute();
		await attachDevice(trx, token, studentId, now);
	});
	return { studentId, deviceToken: token, alreadyMember: false };
}

/**
 * Uses a personal re-entry link on a device: the student joins the device (whose token is reused
 * or made) and the link is spent. Undefined when the link is unknown, used or expired.
 */
export async function reenter(
	db: Kysely<Database>,
	reentryToken: string,
	deviceToken: string | undefined,
	now = Date.now()
): Promise<{ studentId: string; deviceToken: string } | undefined> {
	const spent = await db
		.updateTable('student')
		.set({ reentry_hash: null, reentry_expires_at: null })
		.where('reentry_hash', '=', hashToken(reentryToken))
		.where('reentry_expires_at', '>', now)
		.where('removed_at', 'is', null)
		.returning('id')
		.executeTakeFirst();
	if (!spent) return undefined;
	const token = deviceToken ?? newToken();
	await attachDevice(db, token, spent.id, now);
	await audit(
		db,
		{ actorKind: 'student', actorId: spent.id, action: 'student.reenter', subject: spent.id },
		now
	);
	return { studentId: spent.id, deviceToken: token };
}

/** Whether a re-entry link is still usable (for the page that asks to confirm it). */
export async function reentryValid(db: Kysely<Database>, reentryToken: string, now = Date.now()) {
	const row = await db
		.selectFrom('student')
		.innerJoin('class', 'class.id', 'student.class_id')
		.select(['student.name', 'class.name as className'])
		.where('student.reentry_hash', '=', hashToken(reentryToken))
		.where('student.reentry_expires_at', '>', now)
		.where('student.removed_at', 'is', null)
		.executeTakeFirst();
	return row;
}

/** The classes a device's token stands for (its students not removed, sessions not expired). */
export async function studentDevice(
	db: Kysely<Database>,
	deviceToken: string,
	now = Date.now()
): Promise<Membership[]> {
	const rows = await db
		.selectFrom('student_session')
		.innerJoin('student', 'student.id', 'student_session.student_id')
		.innerJoin('class', 'class.id', 'student.class_id')
		.select([
			'student.id as studentId',
			'student.name',
			'class.id as classId',
			'class.name as className'
		])
		.where('student_session.token_hash', '=', hashToken(deviceToken))
		.where('student_session.expires_at', '>', now)
		.where('student.removed_at', 'is', null)
		.orderBy('class.name')
		.orderBy('class.id')
		.execute();
	return rows;
}
