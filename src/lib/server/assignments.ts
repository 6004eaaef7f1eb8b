/**
 * Assignments in the database: a teacher gives a class a quiz, a student's home lists theirs, and
 * public routes learn which tests are not over (for `publicQuestions`). Every function takes the
 * Kysely instance, so tests run it on SQLite and PostgreSQL alike.
 */
import type { Kysely } from 'kysely';
import { assignmentSpec, type AssignmentSpec } from '../assign/spec';
import { assignmentStatus, type AssignmentStatus } from '../assign/timing';
import type { Database } from './db/schema';
import { newId } from './db/ids';
import { revealFor, type Reveal } from './secrecy';
import type { ResultAttempt, ResultStudent } from '../assign/results';

/** An assignment as the app uses it. */
export interface Assignment {
	id: string;
	classId: string;
	/** the teacher of its class */
	teacherId: string;
	spec: AssignmentSpec;
	createdAt: number;
}

/**
 * Stores a new assignment for a class.
 * @param db the database
 * @param classId the class (its teacher checked by the caller's load)
 * @param spec the checked spec
 * @param now the moment (ms)
 */
export async function createAssignment(
	db: Kysely<Database>,
	classId: string,
	spec: AssignmentSpec,
	now = Date.now()
): Promise<string> {
	const id = newId();
	await db
		.insertInto('assignment')
		.values({
			id,
			class_id: classId,
			title: spec.title,
			article: spec.article,
			mode: spec.mode,
			closes_at: spec.closesAt,
			spec: JSON.stringify(assignmentSpec.parse(spec)),
			created_at: now
		})
		.execute();
	return id;
}

const assignmentColumns = [
	'assignment.id',
	'assignment.class_id',
	'assignment.spec',
	'assignment.created_at',
	'class.teacher_id'
] as const;

type AssignmentRow = {
	id: string;
	class_id: string;
	spec: string;
	created_at: number;
	teacher_id: string;
};

function toAssignment(row: AssignmentRow): Assignment {
	return {
		id: row.id,
		classId: row.class_id,
		teacherId: row.teacher_id,
		spec: assignmentSpec.parse(JSON.parse(row.spec)),
		createdAt: Number(row.created_at)
	};
}

/**
 * An assignment by id, with its class's teacher; undefined for an id that names none.
 * @param db the database
 * @param id anything (it comes from a URL)
 */
export async function assignmentById(
	db: Kysely<Database>,
	id: string
): Promise<Assignment | undefined> {
	if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return undefined;
	const row = await db
		.selectFrom('assignment')
		.innerJoin('class', 'class.id', 'assignment.class_id')
		.select(assignmentColumns)
		.where('assignment.id', '=', id)
		.executeTakeFirst();
	return row ? toAssignment(row) : undefined;
}

/**
 * A class's assignments, newest first.
 * @param db the database
 * @param classId the class
 */
export async function classAssignments(
	db: Kysely<Database>,
	classId: string
): Promise<Assignment[]> {
	const rows = await db
		.selectFrom('assignment')
		.innerJoin('class', 'class.id', 'assignment.class_id')
		.select(assignmentColumns)
		.where('assignment.class_id', '=', classId)
		.orderBy('assignment.created_at', 'desc')
		.execute();
	return rows.map(toAssignment);
}

/** One line of a student's home. */
export interface StudentAssignment {
	id: string;
	className: string;
	spec: AssignmentSpec;
	status: AssignmentStatus;
	/** the best submitted score, when the release setting lets the student see it */
	score?: { score: number; total: number };
}

/**
 * The assignments of every class a student row belongs to (one row per class joined on this
 * device), with each one's status and, where released, score.
 * @param db the database
 * @param students the student rows of this device: id and class
 * @param now the moment (ms)
 */
export async function studentAssignments(
	db: Kysely<Database>,
	students: readonly { id: string; classId: string }[],
	now = Date.now()
): Promise<StudentAssignment[]> {
	if (students.length === 0) return [];
	const classIds = students.map((s) => s.classId);
	const rows = await db
		.selectFrom('assignment')
		.innerJoin('class', 'class.id', 'assignment.class_id')
		.select([...assignmentColumns, 'class.name as class_name'])
		.where('assignment.class_id', 'in', classIds)
		.orderBy('assignment.created_at', 'desc')
		.execute();
	const attempts = await db
		.selectFrom('attempt')
		.select([
			'assignment_id',
			'student_id',
			'started_at',
			'deadline',
			'submitted_at',
			'score',
			'question_ids'
		])
		.where(
			'student_id',
			'in',
			students.map((s) => s.id)
		)
		.execute();
	return rows.map((row) => {
		const a = toAssignment(row);
		const student = students.find((s) => s.classId === a.classId)!;
		const mine = attempts.filter((t) => t.assignment_id === a.id && t.student_id === student.id);
		const times = mine.map((t) => ({
			startedAt: Number(t.started_at),
			deadline: t.deadline === null ? null : Number(t.deadline),
			submittedAt: t.submitted_at === null ? null : Number(t.submitted_at)
		}));
		const status = assignmentStatus(a.spec, times, now);
		const best = mine
			.filter((t) => t.submitted_at !== null)
			.sort((x, y) => Number(y.score) - Number(x.score))[0];
		const reveal: Reveal = best
			? revealFor(
					{ studentId: student.id },
					a,
					{ studentId: student.id, clientId: null, submittedAt: Number(best.submitted_at) },
					now
				)
			: 'nothing';
		return {
			id: a.id,
			className: row.class_name,
			spec: a.spec,
			status,
			...(best && reveal !== 'nothing'
				? {
						score: {
							score: Number(best.score),
							total: (JSON.parse(best.question_ids) as string[]).length
						}
					}
				: {})
		};
	});
}

/**
 * What an assignment's results are made from: the class's roster (removed students too, when they
 * have work) and every attempt with its grades. Two queries for the attempts, whatever the class's
 * size.
 * @param db the database
 * @param assignment the assignment
 */
export async function resultsInput(
	db: Kysely<Database>,
	assignment: Pick<Assignment, 'id' | 'classId'>
): Promise<{ roster: ResultStudent[]; attempts: (ResultAttempt & { id: string })[] }> {
	const students = await db
		.selectFrom('student')
		.select(['id', 'name', 'removed_at'])
		.where('class_id', '=', assignment.classId)
		.orderBy('name')
		.orderBy('id')
		.execute();
	const rows = await db
		.selectFrom('attempt')
		.select(['id', 'student_id', 'question_ids', 'started_at', 'submitted_at', 'late'])
		.where('assignment_id', '=', assignment.id)
		.execute();
	const grades = await db
		.selectFrom('grade')
		.innerJoin('attempt', 'attempt.id', 'grade.attempt_id')
		.select(['grade.attempt_id', 'grade.question_id', 'grade.score', 'grade.verdict'])
		.where('attempt.assignment_id', '=', assignment.id)
		.execute();
	const byAttempt = new Map<string, ResultAttempt['grades']>();
	for (const g of grades) {
		const of = (byAttempt.get(g.attempt_id) ?? {}) as Record<
			string,
			ResultAttempt['grades'][string]
		>;
		of[g.question_id] = {
			score: Number(g.score),
			verdict: g.verdict as 'correct' | 'partial' | 'wrong'
		};
		byAttempt.set(g.attempt_id, of);
	}
	const worked = new Set(rows.map((r) => r.student_id));
	return {
		roster: students
			.filter((s) => s.removed_at === null || worked.has(s.id))
			.map((s) => ({ id: s.id, name: s.name })),
		attempts: rows.map((r) => ({
			id: r.id,
			studentId: r.student_id ?? '',
			ids: JSON.parse(r.question_ids) as string[],
			startedAt: Number(r.started_at),
			submittedAt: r.submitted_at === null ? null : Number(r.submitted_at),
			late: Number(r.late) === 1,
			grades: byAttempt.get(r.id) ?? {}
		}))
	};
}
