/**
 * Attempts in the database: every answer a student was told is saved is in a committed row, and a
 * submission is one transaction (the final answers, every grade and the attempt's state), answered
 * only after it commits. Submitting twice counts once: the transaction claims the attempt with
 * `submitted_at IS NULL`, and a second claim finds nothing to do. After submission nothing changes.
 *
 * Attempts belong to a class's student (at an assignment) or to an anonymous quiz link's browser
 * (its client cookie, kept as a hash). Ids are 128 random bits; reading one also checks its owner.
 */
import type { Kysely } from 'kysely';
import type { StudentResponse } from '../grading/types';
import type { Attempt, Grade } from '../quiz/attempts';
import type { Answers } from '../quiz/form';
import type { Database } from './db/schema';
import { newId } from './db/ids';

/** Who an attempt belongs to. */
export type AttemptOwner =
	| { kind: 'student'; studentId: string; assignmentId: string }
	/** `addressHash`: where it was started from (bounds one address's starts), when known */
	| { kind: 'anonymous'; clientHash: string; addressHash?: string };

/** An attempt as stored: the quiz route's `Attempt`, with its owner and number. */
export interface StoredAttempt extends Attempt {
	owner: AttemptOwner;
	/** 1, 2, … per student and assignment */
	number: number;
}

/** What starting an attempt takes. */
export interface AttemptStart {
	owner: AttemptOwner;
	slug: string;
	query: string;
	ids: string[];
	deadline?: number;
	/** a student's attempt number (checked unique per student and assignment) */
	number?: number;
	/**
	 * The id the quiz page proposed for the attempt it would start (a `newId`, see `NEW_ID`): the same
	 * post sent twice then finds the same attempt. Taken already: `ProposedIdTaken` is thrown.
	 */
	id?: string;
}

/** The proposed id of a new attempt names one that exists (see `AttemptStart.id`). */
export class ProposedIdTaken extends Error {}

/** A grade as stored: the kept grade, with what the review of answers needs. */
export interface StoredGrade extends Grade {
	rule?: string;
	reason?: string;
	unsure?: boolean;
}

/**
 * Starts an attempt. For a student, a second start with the same number fails (the unique
 * constraint), so two tabs starting at once get one attempt: the caller reads it back. With a
 * proposed id (`start.id`) that names an attempt already, `ProposedIdTaken` is thrown.
 * @param db the database
 * @param start the owner and the quiz
 * @param now the moment (ms)
 */
export async function insertAttempt(
	db: Kysely<Database>,
	start: AttemptStart,
	now = Date.now()
): Promise<StoredAttempt> {
	const id = start.id ?? newId();
	const { owner } = start;
	const inserted = await db
		.insertInto('attempt')
		.values({
			id,
			assignment_id: owner.kind === 'student' ? owner.assignmentId : null,
			student_id: owner.kind === 'student' ? owner.studentId : null,
			client_hash: owner.kind === 'anonymous' ? owner.clientHash : null,
			address_hash: owner.kind === 'anonymous' ? (owner.addressHash ?? null) : null,
			number: start.number ?? 1,
			slug: start.slug,
			query: start.query,
			question_ids: JSON.stringify(start.ids),
			started_at: now,
			deadline: start.deadline ?? null,
			checks: '{}',
			updated_at: now,
			submitted_at: null,
			late: 0,
			score: null
		})
		// a proposed id taken by a post in flight: PostgreSQL waits for that post's commit, then
		// inserts nothing (no error that would spoil the transaction)
		.onConflict((conflict) => conflict.column('id').doNothing())
		.executeTakeFirst();
	if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw new ProposedIdTaken(id);
	return {
		id,
		owner,
		number: start.number ?? 1,
		slug: start.slug,
		query: start.query,
		ids: [...start.ids],
		startedAt: now,
		...(start.deadline !== undefined ? { deadline: start.deadline } : {}),
		answers: {},
		checks: {}
	};
}

/**
 * Runs `work` in a transaction: the caller's, when `db` is one already (then its commit is the
 * caller's), else a new one, committed when `work` resolves.
 * @param db the database, or the caller's transaction
 * @param work what to do in it
 */
export function transact<T>(
	db: Kysely<Database>,
	work: (trx: Kysely<Database>) => Promise<T>
): Promise<T> {
	return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** Ids are URL-safe base64 of 16 bytes (or, from older links, UUIDs): anything else is no id. */
const ID = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * An attempt by id with its answers (and grades once submitted); undefined when there is none.
 * Ownership is the caller's to check against `owner` (see `ownsAttempt`).
 * @param db the database
 * @param id anything (from a cookie, a form or a URL)
 */
export async function readAttempt(
	db: Kysely<Database>,
	id: string | null | undefined
): Promise<StoredAttempt | undefined> {
	if (!id || !ID.test(id)) return undefined;
	const row = await db.selectFrom('attempt').selectAll().where('id', '=', id).executeTakeFirst();
	if (!row) return undefined;
	const answers = await db
		.selectFrom('answer')
		.select(['question_id', 'response'])
		.where('attempt_id', '=', id)
		.execute();
	const attempt: StoredAttempt = {
		id: row.id,
		owner:
			row.student_id !== null && row.assignment_id !== null
				? { kind: 'student', studentId: row.student_id, assignmentId: row.assignment_id }
				: {
						kind: 'anonymous',
						clientHash: row.client_hash ?? '',
						...(row.address_hash !== null ? { addressHash: row.address_hash } : {})
					},
		number: Number(row.number),
		slug: row.slug,
		query: row.query,
		ids: JSON.parse(row.question_ids) as string[],
		startedAt: Number(row.started_at),
		...(row.deadline !== null ? { deadline: Number(row.deadline) } : {}),
		answers: Object.fromEntries(
			answers.map((a) => [a.question_id, JSON.parse(a.response) as StudentResponse])
		),
		checks: JSON.parse(row.checks) as Record<string, Grade>
	};
	if (row.submitted_at !== null) {
		const grades = await db
			.selectFrom('grade')
			.select(['question_id', 'score', 'verdict'])
			.where('attempt_id', '=', id)
			.execute();
		attempt.submitted = {
			at: Number(row.submitted_at),
			late: Number(row.late) === 1,
			results: Object.fromEntries(
				grades.map((g) => [
					g.question_id,
					{ score: Number(g.score), verdict: g.verdict as Grade['verdict'] }
				])
			)
		};
	}
	return attempt;
}

/**
 * Whether a viewer owns an attempt: its student, or its anonymous browser.
 * @param attempt the attempt
 * @param viewer the request's student ids and client hash
 */
export function ownsAttempt(
	attempt: Pick<StoredAttempt, 'owner'>,
	viewer: { studentIds?: readonly string[]; clientHash?: string }
): boolean {
	const { owner } = attempt;
	return owner.kind === 'student'
		? (viewer.studentIds ?? []).includes(owner.studentId)
		: viewer.clientHash !== undefined && owner.clientHash === viewer.clientHash;
}

/** Replaces an attempt's saved answers by `answers` (inside the caller's transaction). */
async function writeAnswers(trx: Kysely<Database>, id: string, answers: Answers, now: number) {
	await trx.deleteFrom('answer').where('attempt_id', '=', id).execute();
	const rows = Object.entries(answers).map(([question_id, response]) => ({
		attempt_id: id,
		question_id,
		response: JSON.stringify(response),
		saved_at: now
	}));
	if (rows.length) await trx.insertInto('answer').values(rows).execute();
}

/**
 * Saves an attempt's answers and practice checks, in one transaction, unless it was submitted
 * meanwhile (then nothing changes and false comes back).
 * @param db the database
 * @param attempt the attempt as it is now
 * @param now the moment (ms)
 */
export async function saveAttempt(
	db: Kysely<Database>,
	attempt: Attempt,
	now = Date.now()
): Promise<boolean> {
	return transact(db, async (trx) => {
		const claimed = await trx
			.updateTable('attempt')
			.set({ checks: JSON.stringify(attempt.checks), updated_at: now })
			.where('id', '=', attempt.id)
			.where('submitted_at', 'is', null)
			.executeTakeFirst();
		if (Number(claimed.numUpdatedRows) === 0) return false;
		await writeAnswers(trx, attempt.id, attempt.answers, now);
		return true;
	});
}

/**
 * Submits an attempt: its final answers, every grade and its state, in one transaction. A second
 * submission (a double post, a retry after a lost response) changes nothing and says so: false.
 * @param db the database
 * @param attempt the attempt, with `submitted` set (time, lateness, grades)
 * @param grades the grades with their rule and doubt (defaults: the kept grades)
 */
export async function submitStored(
	db: Kysely<Database>,
	attempt: Attempt & { submitted: NonNullable<Attempt['submitted']> },
	grades: Record<string, StoredGrade> = attempt.submitted.results
): Promise<boolean> {
	const { at, late } = attempt.submitted;
	const score = Math.round(Object.values(grades).reduce((sum, g) => sum + g.score, 0) * 100) / 100;
	return transact(db, async (trx) => {
		const claimed = await trx
			.updateTable('attempt')
			.set({
				submitted_at: at,
				late: late ? 1 : 0,
				score,
				checks: JSON.stringify(attempt.checks),
				updated_at: at
			})
			.where('id', '=', attempt.id)
			.where('submitted_at', 'is', null)
			.executeTakeFirst();
		if (Number(claimed.numUpdatedRows) === 0) return false;
		await writeAnswers(trx, attempt.id, attempt.answers, at);
		const rows = Object.entries(grades).map(([question_id, g]) => ({
			attempt_id: attempt.id,
			question_id,
			score: g.score,
			verdict: g.verdict,
			rule: g.rule ?? null,
			reason: g.reason ?? null,
			unsure: g.unsure ? 1 : 0,
			grader_version: GRADER_VERSION,
			graded_at: at
		}));
		if (rows.length) await trx.insertInto('grade').values(rows).execute();
		return true;
	});
}

/** Which grader graded: bumped when the grading rules change (regrading compares it). */
export const GRADER_VERSION = '1';
