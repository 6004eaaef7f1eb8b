/**
 * A student's work on an assignment: starting (or resuming) an attempt, saving answers, submitting
 * them, with the assignment's rules applied on the server: the variant of the student, attempts
 * allowed, the deadline fixed when the attempt starts (starting again never resets it), the grace,
 * late answers refused or marked late, nothing changed after submission.
 *
 * An attempt whose deadline passed under "refuse" is submitted as it stood at the deadline, with
 * the answers saved by then (`finishOverdue`), so a student who ran out of time still gets a grade.
 */
import type { Kysely } from 'kysely';
import type { LoadedArticle } from '../bank/check';
import { quizSpecOf } from '../assign/spec';
import { attemptDeadline, mayStart, punctuality } from '../assign/timing';
import type { Answers } from '../quiz/form';
import { gradeAnswer } from '../quiz/take';
import { checkInto } from './quiz';
import { quizFor, type QuizPage } from './quizzes';
import { applyOverridesInForce } from './review';
import type { Assignment } from './assignments';
import type { Database } from './db/schema';
import {
	insertAttempt,
	readAttempt,
	saveAttempt,
	submitStored,
	type StoredAttempt,
	type StoredGrade
} from './stored-attempts';

/** Why a student cannot start an attempt now. */
export type StartRefusal = 'upcoming' | 'closed' | 'no-attempts-left';

/**
 * The quiz a student of the assignment takes: their variant, from the whole article (an
 * assignment's questions are the ones kept from the public).
 * @param assignment the assignment
 * @param studentId the student
 * @param article the checked article (all its questions)
 */
export function assignmentQuiz(
	assignment: Pick<Assignment, 'spec'>,
	studentId: string,
	article: LoadedArticle
): QuizPage {
	return quizFor(article, quizSpecOf(assignment.spec, studentId, article.paragraphs.length));
}

/**
 * The student's open attempt at the assignment, if any (the newest not submitted).
 * @param db the database
 * @param assignmentId the assignment
 * @param studentId the student
 */
export async function openAttempt(
	db: Kysely<Database>,
	assignmentId: string,
	studentId: string
): Promise<StoredAttempt | undefined> {
	const row = await db
		.selectFrom('attempt')
		.select('id')
		.where('assignment_id', '=', assignmentId)
		.where('student_id', '=', studentId)
		.where('submitted_at', 'is', null)
		.orderBy('number', 'desc')
		.executeTakeFirst();
	return row ? readAttempt(db, row.id) : undefined;
}

/**
 * Resumes the student's open attempt, or starts one when the assignment allows. Two starts at
 * once (two tabs, a double click) make one attempt: the second insert breaks the unique number
 * and reads the first's attempt back.
 * @param db the database
 * @param assignment the assignment
 * @param studentId the student
 * @param article the checked article
 * @param now the moment (ms)
 */
export async function startOrResume(
	db: Kysely<Database>,
	assignment: Assignment,
	studentId: string,
	article: LoadedArticle,
	now = Date.now()
): Promise<StoredAttempt | StartRefusal> {
	const open = await openAttempt(db, assignment.id, studentId);
	if (open) return open;
	const { spec } = assignment;
	const started = await attemptCount(db, assignment.id, studentId);
	const refusal = startRefusal(spec, started, now);
	if (refusal) return refusal;
	const quiz = assignmentQuiz(assignment, studentId, article);
	const deadline = attemptDeadline(spec, now);
	try {
		return await insertAttempt(
			db,
			{
				owner: { kind: 'student', studentId, assignmentId: assignment.id },
				slug: article.slug,
				query: quiz.query,
				ids: quiz.views.map((v) => v.id),
				number: started + 1,
				...(deadline !== null ? { deadline } : {})
			},
			now
		);
	} catch (e) {
		const raced = await openAttempt(db, assignment.id, studentId);
		if (raced) return raced;
		throw e;
	}
}

/**
 * Why a student who has started `started` attempts may not start another now; null when they may.
 * The take page asks it before offering "start", and `startOrResume` before starting.
 * @param spec the assignment's spec
 * @param started how many attempts the student has started
 * @param now the moment (ms)
 */
export function startRefusal(
	spec: Assignment['spec'],
	started: number,
	now: number
): StartRefusal | null {
	if (mayStart(spec, started, now)) return null;
	return now < spec.opensAt
		? 'upcoming'
		: started >= spec.attemptsAllowed
			? 'no-attempts-left'
			: 'closed';
}

/** One of a student's attempts at an assignment, as their pages list it. */
export interface AttemptSummary {
	id: string;
	number: number;
	startedAt: number;
	deadline: number | null;
	submittedAt: number | null;
	late: boolean;
	score: number | null;
	/** how many questions it holds */
	total: number;
}

/**
 * A student's attempts at an assignment, oldest first.
 * @param db the database
 * @param assignmentId the assignment
 * @param studentId the student
 */
export async function attemptsOfStudent(
	db: Kysely<Database>,
	assignmentId: string,
	studentId: string
): Promise<AttemptSummary[]> {
	const rows = await db
		.selectFrom('attempt')
		.select([
			'id',
			'number',
			'started_at',
			'deadline',
			'submitted_at',
			'late',
			'score',
			'question_ids'
		])
		.where('assignment_id', '=', assignmentId)
		.where('student_id', '=', studentId)
		.orderBy('number')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		number: Number(r.number),
		startedAt: Number(r.started_at),
		deadline: r.deadline === null ? null : Number(r.deadline),
		submittedAt: r.submitted_at === null ? null : Number(r.submitted_at),
		late: Number(r.late) === 1,
		score: r.score === null ? null : Number(r.score),
		total: (JSON.parse(r.question_ids) as string[]).length
	}));
}

async function attemptCount(db: Kysely<Database>, assignmentId: string, studentId: string) {
	const { count } = await db
		.selectFrom('attempt')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('assignment_id', '=', assignmentId)
		.where('student_id', '=', studentId)
		.executeTakeFirstOrThrow();
	return Number(count);
}

/** What became of a save or a submission. */
export type WorkOutcome =
	| { kind: 'saved' }
	| { kind: 'submitted'; late: boolean }
	/** submitted before (a double post): nothing changed */
	| { kind: 'already-submitted' }
	/** past the deadline and its grace, under "refuse": the answers saved by then were submitted */
	| { kind: 'too-late' };

/**
 * Saves a post's answers into the student's attempt, unless it is past its deadline (and the
 * grace) under "refuse": then the attempt is submitted as it stood.
 * @param db the database
 * @param assignment the assignment
 * @param article the checked article
 * @param attempt the attempt (its owner checked by the caller)
 * @param answers the answers of the post (they replace the saved ones)
 * @param now the moment (ms)
 */
export async function saveWork(
	db: Kysely<Database>,
	assignment: Assignment,
	article: LoadedArticle,
	attempt: StoredAttempt,
	answers: Answers,
	now = Date.now()
): Promise<WorkOutcome> {
	if (attempt.submitted) return { kind: 'already-submitted' };
	if (punctuality(assignment.spec, attempt.deadline ?? null, now) === 'refused') {
		await finishAsItStood(db, article, attempt.id);
		return { kind: 'too-late' };
	}
	const saved = await saveAttempt(db, { ...attempt, answers }, now);
	return saved ? { kind: 'saved' } : { kind: 'already-submitted' };
}

/**
 * Checks one question of a practice assignment as the student goes: the post's answers saved (as
 * `saveWork` saves them, deadline and all) with that answer's grade in the attempt's checks, or
 * the check forgotten when the answer is empty. A test is never checked (its keys are secret until
 * released): its answers are saved all the same, and `not-practice` comes back.
 * @param db the database
 * @param assignment the assignment
 * @param article the checked article
 * @param attempt the attempt (its owner checked by the caller)
 * @param answers the answers of the post (they replace the saved ones)
 * @param questionId the question checked (one the attempt does not hold checks nothing)
 * @param now the moment (ms)
 */
export async function checkWork(
	db: Kysely<Database>,
	assignment: Assignment,
	article: LoadedArticle,
	attempt: StoredAttempt,
	answers: Answers,
	questionId: string,
	now = Date.now()
): Promise<WorkOutcome | { kind: 'not-practice' }> {
	if (assignment.spec.mode !== 'practice') {
		const saved = await saveWork(db, assignment, article, attempt, answers, now);
		return saved.kind === 'saved' ? { kind: 'not-practice' } : saved;
	}
	const checked = { ...attempt, answers, checks: { ...attempt.checks } };
	checkInto(article, checked, questionId);
	return saveWork(db, assignment, article, checked, answers, now);
}

/**
 * Submits the student's attempt with the post's answers: graded, stored in one transaction, and
 * only then answered. Late under "mark" is taken and marked; under "refuse" the answers saved by
 * the deadline are submitted instead.
 * @param db the database
 * @param assignment the assignment
 * @param article the checked article
 * @param attempt the attempt (its owner checked by the caller)
 * @param answers the answers of the post
 * @param now the moment (ms)
 */
export async function submitWork(
	db: Kysely<Database>,
	assignment: Assignment,
	article: LoadedArticle,
	attempt: StoredAttempt,
	answers: Answers,
	now = Date.now()
): Promise<WorkOutcome> {
	if (attempt.submitted) return { kind: 'already-submitted' };
	const when = punctuality(assignment.spec, attempt.deadline ?? null, now);
	if (when === 'refused') {
		await finishAsItStood(db, article, attempt.id);
		return { kind: 'too-late' };
	}
	const late = when === 'late';
	const done = await submitStored(db, graded(article, { ...attempt, answers }, now, late));
	if (done) await afterSubmit(db, attempt);
	return done ? { kind: 'submitted', late } : { kind: 'already-submitted' };
}

/**
 * Submits an attempt as it was saved, at its deadline: the answers read back from the database,
 * whatever the post that found it too late carried.
 * @param db the database
 * @param article the checked article
 * @param id the attempt
 */
async function finishAsItStood(db: Kysely<Database>, article: LoadedArticle, id: string) {
	const stored = await readAttempt(db, id);
	if (!stored || stored.submitted) return;
	const done = await submitStored(
		db,
		graded(article, stored, stored.deadline ?? Date.now(), false)
	);
	if (done) await afterSubmit(db, stored);
}

/** A teacher's overrides in force at the assignment reach answers submitted after them. */
async function afterSubmit(db: Kysely<Database>, attempt: StoredAttempt) {
	if (attempt.owner.kind === 'student') {
		await applyOverridesInForce(db, attempt.owner.assignmentId, attempt.id);
	}
}

/**
 * Submits every attempt at the assignment whose time ran out under "refuse" (the student never
 * came back to submit), so results count them. Idempotent: a submitted attempt is left alone.
 * @param db the database
 * @param assignment the assignment
 * @param article the checked article
 * @param now the moment (ms)
 */
export async function finishOverdue(
	db: Kysely<Database>,
	assignment: Assignment,
	article: LoadedArticle,
	now = Date.now()
): Promise<number> {
	if (assignment.spec.late !== 'refuse') return 0;
	const rows = await db
		.selectFrom('attempt')
		.select('id')
		.where('assignment_id', '=', assignment.id)
		.where('submitted_at', 'is', null)
		.where('deadline', 'is not', null)
		.where('deadline', '<', now - assignment.spec.grace * 1000)
		.execute();
	for (const { id } of rows) await finishAsItStood(db, article, id);
	return rows.length;
}

/**
 * The attempt with every answer graded and its submission set.
 * @param article the checked article
 * @param attempt the attempt with its final answers
 * @param at when it counts as submitted
 * @param late whether it is late
 */
function graded(article: LoadedArticle, attempt: StoredAttempt, at: number, late: boolean) {
	const grades: Record<string, StoredGrade> = {};
	for (const id of attempt.ids) {
		const answer = attempt.answers[id];
		const result = answer ? gradeAnswer(article, id, answer) : undefined;
		if (result) {
			grades[id] = {
				score: result.score,
				verdict: result.verdict,
				rule: result.rule,
				reason: result.reason,
				unsure: result.unsure
			};
		}
	}
	return { ...attempt, submitted: { at, late, results: grades } };
}
