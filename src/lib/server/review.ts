/**
 * The teacher has the last word (issue 14): an assignment's typed answers in groups, a teacher's
 * override applied to every answer of a group with the attempts' scores in the same transaction,
 * undo, regrading after the bank or the grader changed (overrides survive), colleagues' decisions
 * pooled across classes, and the item analysis of stored attempts.
 *
 * The grade row keeps the grade that counts in `score`/`verdict` (so every page that reads grades
 * shows it) and, while an override stands, the grader's own in `grader_score`/`grader_verdict`.
 * Every change goes to the audit log with the assignment as its subject.
 */
import type { Kysely, Transaction } from 'kysely';
import type { LoadedArticle } from '../bank/check';
import type { Question } from '../bank/schema';
import type { StudentResponse } from '../grading/types';
import { gradeAnswer } from '../quiz/take';
import { itemFlags, type ItemFlag } from '../stats/flags';
import { answerGroups, foldedForm, type AnswerGroup } from '../stats/groups';
import { itemInfo, itemStatistics } from '../stats/items';
import {
	activeOverrides,
	colleagueVerdicts,
	groupKey,
	regradeSummary,
	type ColleagueVerdicts,
	type OverrideRecord,
	type ScoreChange
} from '../stats/overrides';
import type { GradedAnswer, Verdict } from '../stats/types';
import { audit } from './audit';
import { newId } from './db/ids';
import type { Database } from './db/schema';
import { GRADER_VERSION } from './stored-attempts';

type Db = Kysely<Database> | Transaction<Database>;

/** A stored answer with its grade, as the review reads it. */
export interface StoredGradedAnswer extends GradedAnswer {
	studentId: string | null;
	/** the override in force on it, if any */
	overrideId: string | null;
}

/** Rounds an attempt's score as submission does (to the hundredth). */
function roundScore(sum: number): number {
	return Math.round(sum * 100) / 100;
}

/**
 * The graded answers of an assignment's submitted attempts (one per answered question), with the
 * grader's grade and the teacher's override in force, if any.
 * @param db the database
 * @param assignmentId the assignment
 * @param questionId only this question's answers
 */
export async function assignmentAnswers(
	db: Db,
	assignmentId: string,
	questionId?: string
): Promise<StoredGradedAnswer[]> {
	let query = db
		.selectFrom('grade')
		.innerJoin('attempt', 'attempt.id', 'grade.attempt_id')
		.innerJoin('answer', (join) =>
			join
				.onRef('answer.attempt_id', '=', 'grade.attempt_id')
				.onRef('answer.question_id', '=', 'grade.question_id')
		)
		.select([
			'grade.attempt_id',
			'grade.question_id',
			'grade.score',
			'grade.verdict',
			'grade.rule',
			'grade.reason',
			'grade.unsure',
			'grade.override_id',
			'grade.grader_score',
			'grade.grader_verdict',
			'answer.response',
			'attempt.student_id'
		])
		.where('attempt.assignment_id', '=', assignmentId)
		.where('attempt.submitted_at', 'is not', null);
	if (questionId !== undefined) query = query.where('grade.question_id', '=', questionId);
	const rows = await query.execute();
	return rows.map((r) => {
		const response = JSON.parse(r.response) as StudentResponse;
		const overridden = r.override_id !== null;
		return {
			attemptId: r.attempt_id,
			questionId: r.question_id,
			type: response.type,
			response,
			score: Number(overridden ? (r.grader_score ?? r.score) : r.score),
			verdict: ((overridden ? r.grader_verdict : null) ?? r.verdict) as Verdict,
			...(r.rule ? { rule: r.rule } : {}),
			reason: r.reason ?? '',
			unsure: Number(r.unsure) === 1,
			...(overridden
				? { override: { verdict: r.verdict as Verdict, score: Number(r.score) } }
				: {}),
			studentId: r.student_id,
			overrideId: r.override_id
		};
	});
}

type OverrideRow = Database['override'];

function toRecord(r: OverrideRow): OverrideRecord {
	return {
		id: r.id,
		assignmentId: r.assignment_id,
		questionId: r.question_id,
		form: r.form,
		verdict: r.verdict as Verdict,
		score: Number(r.score),
		...(r.note ? { note: r.note } : {}),
		teacherId: r.teacher_id,
		at: new Date(Number(r.created_at)).toISOString(),
		undone: r.undone_at !== null,
		...(r.text ? { text: r.text } : {})
	};
}

/** A stored override, with what the review and the audit show of it. */
export interface StoredOverride extends OverrideRecord {
	oldVerdict: Verdict;
	oldScore: number;
	createdAt: number;
}

function toStored(r: OverrideRow): StoredOverride {
	return {
		...toRecord(r),
		oldVerdict: r.old_verdict as Verdict,
		oldScore: Number(r.old_score),
		createdAt: Number(r.created_at)
	};
}

/**
 * Every override of an assignment, undone ones too, oldest first.
 * @param db the database
 * @param assignmentId the assignment
 */
export async function assignmentOverrides(db: Db, assignmentId: string): Promise<StoredOverride[]> {
	const rows = await db
		.selectFrom('override')
		.selectAll()
		.where('assignment_id', '=', assignmentId)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
	return rows.map(toStored);
}

/**
 * Every override (of every assignment and teacher), for pooling and the bank's suggestions.
 * @param db the database
 * @param options `since`: only those made at or after this moment (ms); `questionIds`: only these
 */
export async function allOverrides(
	db: Db,
	options: { since?: number; questionIds?: readonly string[] } = {}
): Promise<OverrideRecord[]> {
	let query = db.selectFrom('override').selectAll().orderBy('created_at').orderBy('id');
	if (options.since !== undefined) query = query.where('created_at', '>=', options.since);
	if (options.questionIds) {
		if (options.questionIds.length === 0) return [];
		query = query.where('question_id', 'in', [...options.questionIds]);
	}
	return (await query.execute()).map(toRecord);
}

/** A group of answers as the review page shows it. */
export interface ReviewGroup extends AnswerGroup {
	/** the override in force on the whole group, for undo */
	overrideId?: string;
	overrideNote?: string;
	/** what other teachers decided on the same answer to the same question */
	colleagues: ColleagueVerdicts;
}

/**
 * An assignment's typed answers in review order (unsure groups first, then the largest), each
 * with the override in force and colleagues' decisions on the same answer.
 * @param db the database
 * @param assignmentId the assignment
 * @param teacherId the teacher looking (left out of the colleagues)
 */
export async function reviewGroups(
	db: Db,
	assignmentId: string,
	teacherId: string
): Promise<ReviewGroup[]> {
	const answers = await assignmentAnswers(db, assignmentId);
	const groups = answerGroups(answers);
	const overrides = await assignmentOverrides(db, assignmentId);
	const active = activeOverrides(overrides);
	const questionIds = [...new Set(groups.map((g) => g.questionId))];
	// each group reads only its own pooled overrides, not all of them (groups × overrides)
	const pooled = new Map<string, OverrideRecord[]>();
	for (const r of await allOverrides(db, { questionIds })) {
		const key = groupKey(r.questionId, r.form);
		const same = pooled.get(key);
		if (same) same.push(r);
		else pooled.set(key, [r]);
	}
	return groups.map((g) => {
		const key = groupKey(g.questionId, g.form);
		const record = active.get(key);
		const inForce = record && g.override ? record : undefined;
		return {
			...g,
			...(inForce ? { overrideId: inForce.id } : {}),
			...(inForce?.note ? { overrideNote: inForce.note } : {}),
			colleagues: colleagueVerdicts(pooled.get(key) ?? [], g.questionId, g.form, teacherId)
		};
	});
}

/** A teacher's decision on a group. */
export interface OverrideInput {
	assignmentId: string;
	questionId: string;
	/** the folded form of the group */
	form: string;
	verdict: Verdict;
	/** 0–1: 1 for correct, 0 for wrong, between for partial */
	score: number;
	note?: string;
	teacherId: string;
}

/** What an override or an undo changed. */
export interface OverrideOutcome {
	overrideId: string;
	/** how many answers it applies to */
	answers: number;
	/** the attempts whose score changed */
	changed: ScoreChange[];
}

/** The score a verdict stands for; a partial score must lie strictly between 0 and 1. */
export function verdictScore(verdict: Verdict, score?: number): number | null {
	if (verdict === 'correct') return 1;
	if (verdict === 'wrong') return 0;
	return score !== undefined && Number.isFinite(score) && score > 0 && score < 1 ? score : null;
}

/** The answers of an assignment's question that fold to `form`. */
async function groupMembers(trx: Db, assignmentId: string, questionId: string, form: string) {
	const answers = await assignmentAnswers(trx, assignmentId, questionId);
	return answers.filter((a) => a.response && foldedForm(a.response) === form);
}

/** Re-sums the attempts' scores from their grades; returns the changes. */
async function resum(trx: Db, attemptIds: readonly string[]): Promise<ScoreChange[]> {
	if (attemptIds.length === 0) return [];
	const before = await trx
		.selectFrom('attempt')
		.select(['id', 'score'])
		.where('id', 'in', [...attemptIds])
		.execute();
	const sums = await trx
		.selectFrom('grade')
		.select(['attempt_id', (eb) => eb.fn.sum<number>('score').as('total')])
		.where('attempt_id', 'in', [...attemptIds])
		.groupBy('attempt_id')
		.execute();
	const after = new Map(sums.map((s) => [s.attempt_id, roundScore(Number(s.total))]));
	const old = new Map(before.map((b) => [b.id, Number(b.score ?? 0)]));
	for (const [id, score] of after) {
		if (score !== old.get(id)) {
			await trx.updateTable('attempt').set({ score }).where('id', '=', id).execute();
		}
	}
	return regradeSummary(old, after).changed;
}

/**
 * Sets the grade of a group's answers: a teacher's override, or (override null) the grader's own
 * back. The grader's grade is kept aside while an override stands.
 */
async function setGroupGrade(
	trx: Db,
	questionId: string,
	attemptIds: readonly string[],
	override: { id: string; verdict: Verdict; score: number } | null
) {
	if (attemptIds.length === 0) return;
	const base = trx
		.updateTable('grade')
		.where('question_id', '=', questionId)
		.where('attempt_id', 'in', [...attemptIds]);
	if (override) {
		await base
			.set((eb) => ({
				grader_score: eb.fn.coalesce('grader_score', 'score'),
				grader_verdict: eb.fn.coalesce('grader_verdict', 'verdict'),
				score: override.score,
				verdict: override.verdict,
				override_id: override.id
			}))
			.execute();
	} else {
		await base
			.set((eb) => ({
				score: eb.fn.coalesce('grader_score', 'score'),
				verdict: eb.fn.coalesce('grader_verdict', 'verdict'),
				grader_score: null,
				grader_verdict: null,
				override_id: null
			}))
			.where('override_id', 'is not', null)
			.execute();
	}
}

/**
 * A teacher's verdict on a group of answers: stored, applied to every answer of the group and
 * the attempts' scores updated, all in one transaction, and written to the audit log.
 * Undefined when no submitted answer of the assignment's question folds to the form.
 * @param db the database
 * @param input the decision (its verdict and score checked by `verdictScore`)
 * @param now the moment (ms)
 */
export async function overrideGroup(
	db: Kysely<Database>,
	input: OverrideInput,
	now = Date.now()
): Promise<OverrideOutcome | undefined> {
	const score = verdictScore(input.verdict, input.score);
	if (score === null) throw new RangeError('a partial score lies strictly between 0 and 1');
	return db.transaction().execute(async (trx) => {
		const members = await groupMembers(trx, input.assignmentId, input.questionId, input.form);
		if (members.length === 0) return undefined;
		const [group] = answerGroups(members);
		const id = newId();
		const note = input.note?.trim() || null;
		await trx
			.insertInto('override')
			.values({
				id,
				assignment_id: input.assignmentId,
				question_id: input.questionId,
				form: input.form,
				text: group.spellings[0]?.text ?? null,
				old_verdict: group.verdict,
				old_score: group.score,
				verdict: input.verdict,
				score,
				note,
				teacher_id: input.teacherId,
				created_at: now,
				undone_at: null,
				undone_by: null
			})
			.execute();
		const attemptIds = members.map((m) => m.attemptId);
		await setGroupGrade(trx, input.questionId, attemptIds, { id, verdict: input.verdict, score });
		const changed = await resum(trx, attemptIds);
		await audit(
			trx,
			{
				actorKind: 'teacher',
				actorId: input.teacherId,
				action: 'override.apply',
				subject: input.assignmentId,
				detail: {
					override: id,
					question: input.questionId,
					answer: group.spellings[0]?.text ?? input.form,
					from: group.verdict,
					to: input.verdict,
					score,
					...(note ? { note } : {}),
					answers: members.length,
					changed: changed.length
				}
			},
			now
		);
		return { overrideId: id, answers: members.length, changed };
	});
}

/**
 * Lays the overrides in force at an assignment over one attempt's grades and re-sums its score:
 * a teacher's verdict on a group reaches the answers of that form submitted after it. Called
 * once an attempt is submitted; nothing to do (one query) while the assignment has no override.
 * @param db the database
 * @param assignmentId the attempt's assignment
 * @param attemptId the attempt, submitted
 */
export async function applyOverridesInForce(
	db: Kysely<Database>,
	assignmentId: string,
	attemptId: string
): Promise<void> {
	const active = activeOverrides(await assignmentOverrides(db, assignmentId));
	if (active.size === 0) return;
	await db.transaction().execute(async (trx) => {
		const answers = await trx
			.selectFrom('answer')
			.innerJoin('grade', (join) =>
				join
					.onRef('grade.attempt_id', '=', 'answer.attempt_id')
					.onRef('grade.question_id', '=', 'answer.question_id')
			)
			.select(['answer.question_id', 'answer.response'])
			.where('answer.attempt_id', '=', attemptId)
			.where('grade.override_id', 'is', null)
			.execute();
		let applied = 0;
		for (const a of answers) {
			const form = foldedForm(JSON.parse(a.response) as StudentResponse);
			const override = form === null ? undefined : active.get(groupKey(a.question_id, form));
			if (!override) continue;
			await setGroupGrade(trx, a.question_id, [attemptId], override);
			applied += 1;
		}
		if (applied) await resum(trx, [attemptId]);
	});
}

/**
 * Undoes an override of an assignment: marked undone (never deleted), and its group's answers
 * graded again by the override before it, if one is still in force, else by the grader; scores
 * updated in the same transaction. Undefined when the assignment has no such override in force.
 * @param db the database
 * @param input the assignment, the override and the teacher undoing it
 * @param now the moment (ms)
 */
export async function undoOverride(
	db: Kysely<Database>,
	input: { assignmentId: string; overrideId: string; teacherId: string },
	now = Date.now()
): Promise<OverrideOutcome | undefined> {
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('override')
			.selectAll()
			.where('id', '=', input.overrideId)
			.where('assignment_id', '=', input.assignmentId)
			.where('undone_at', 'is', null)
			.executeTakeFirst();
		if (!row) return undefined;
		await trx
			.updateTable('override')
			.set({ undone_at: now, undone_by: input.teacherId })
			.where('id', '=', row.id)
			.execute();
		const siblings = await trx
			.selectFrom('override')
			.selectAll()
			.where('assignment_id', '=', row.assignment_id)
			.where('question_id', '=', row.question_id)
			.where('form', '=', row.form)
			.execute();
		const previous = activeOverrides(siblings.map(toRecord)).get(
			groupKey(row.question_id, row.form)
		);
		const members = await groupMembers(trx, row.assignment_id, row.question_id, row.form);
		const attemptIds = members.map((m) => m.attemptId);
		await setGroupGrade(trx, row.question_id, attemptIds, previous ?? null);
		const changed = await resum(trx, attemptIds);
		await audit(
			trx,
			{
				actorKind: 'teacher',
				actorId: input.teacherId,
				action: 'override.undo',
				subject: row.assignment_id,
				detail: {
					override: row.id,
					question: row.question_id,
					answer: row.text ?? row.form,
					from: row.verdict,
					to: previous ? previous.verdict : 'grader',
					answers: members.length,
					changed: changed.length
				}
			},
			now
		);
		return { overrideId: row.id, answers: members.length, changed };
	});
}

/** One student whose score a regrade changed. */
export interface RegradeChange extends ScoreChange {
	studentId: string | null;
	studentName: string | null;
}

/** What a regrade did. */
export interface RegradeOutcome {
	/** submitted attempts regraded */
	attempts: number;
	changed: RegradeChange[];
	unchanged: number;
	/** answers an override in force decided (they kept the teacher's verdict) */
	overridden: number;
}

/** Rows per insert: well under SQLite's and PostgreSQL's limits on bound values. */
const INSERT_BATCH = 500;

/**
 * Regrades every submitted attempt of an assignment with the bank and grader of now: each
 * answered question graded again, the overrides in force laid over the new grades (they survive),
 * the scores updated, all in one transaction, and the audit log told. A question no longer in the
 * article keeps its grade.
 * @param db the database
 * @param assignmentId the assignment
 * @param article the assignment's article as the bank holds it now
 * @param actor who asked (a teacher, or null for the CLI)
 * @param now the moment (ms)
 */
export async function regradeAssignment(
	db: Kysely<Database>,
	assignmentId: string,
	article: LoadedArticle,
	actor: string | null,
	now = Date.now()
): Promise<RegradeOutcome> {
	return db.transaction().execute(async (trx) => {
		const attempts = await trx
			.selectFrom('attempt')
			.leftJoin('student', 'student.id', 'attempt.student_id')
			.select(['attempt.id', 'attempt.score', 'attempt.student_id', 'student.name'])
			.where('attempt.assignment_id', '=', assignmentId)
			.where('attempt.submitted_at', 'is not', null)
			.execute();
		const attemptIds = attempts.map((a) => a.id);
		const answers = attemptIds.length
			? await trx
					.selectFrom('answer')
					.select(['attempt_id', 'question_id', 'response'])
					.where('attempt_id', 'in', attemptIds)
					.execute()
			: [];
		const active = activeOverrides(
			(await assignmentOverrides(trx, assignmentId)).filter((o) => !o.undone)
		);
		let overridden = 0;
		const rows: Database['grade'][] = [];
		for (const a of answers) {
			const response = JSON.parse(a.response) as StudentResponse;
			const result = gradeAnswer(article, a.question_id, response);
			if (!result) continue; // no longer in the article: its grade stays
			const form = foldedForm(response);
			const override = form === null ? undefined : active.get(groupKey(a.question_id, form));
			if (override) overridden += 1;
			rows.push({
				attempt_id: a.attempt_id,
				question_id: a.question_id,
				score: override ? override.score : result.score,
				verdict: override ? override.verdict : result.verdict,
				rule: result.rule,
				reason: result.reason,
				unsure: result.unsure ? 1 : 0,
				grader_version: GRADER_VERSION,
				graded_at: now,
				override_id: override ? override.id : null,
				grader_score: override ? result.score : null,
				grader_verdict: override ? result.verdict : null
			});
		}
		// a question is in the article for every attempt or for none: its grades go, then come back
		const questionIds = [...new Set(rows.map((r) => r.question_id))];
		if (questionIds.length) {
			await trx
				.deleteFrom('grade')
				.where('attempt_id', 'in', attemptIds)
				.where('question_id', 'in', questionIds)
				.execute();
		}
		for (let i = 0; i < rows.length; i += INSERT_BATCH) {
			await trx
				.insertInto('grade')
				.values(rows.slice(i, i + INSERT_BATCH))
				.execute();
		}
		const changes = await resum(trx, attemptIds);
		const students = new Map(attempts.map((a) => [a.id, a]));
		const changed = changes.map((c) => ({
			...c,
			studentId: students.get(c.attemptId)?.student_id ?? null,
			studentName: students.get(c.attemptId)?.name ?? null
		}));
		await audit(
			trx,
			{
				actorKind: actor ? 'teacher' : 'system',
				actorId: actor,
				action: 'assignment.regrade',
				subject: assignmentId,
				detail: {
					attempts: attempts.length,
					overridden,
					changed: changed.map((c) => ({
						student: c.studentName,
						before: c.before,
						after: c.after
					}))
				}
			},
			now
		);
		return {
			attempts: attempts.length,
			changed,
			unchanged: attempts.length - changed.length,
			overridden
		};
	});
}

/** A question of a student's attempt that a teacher reviewed. */
export interface ReviewedQuestion {
	questionId: string;
	verdict: Verdict;
	score: number;
	note: string | null;
}

/**
 * The questions of an attempt whose grade is a teacher's (an override in force), for the
 * student's results page: "reviewed by your teacher". The caller checks the attempt is theirs.
 * @param db the database
 * @param attemptId the attempt
 */
export async function reviewedQuestions(db: Db, attemptId: string): Promise<ReviewedQuestion[]> {
	const rows = await db
		.selectFrom('grade')
		.innerJoin('override', 'override.id', 'grade.override_id')
		.select(['grade.question_id', 'grade.verdict', 'grade.score', 'override.note'])
		.where('grade.attempt_id', '=', attemptId)
		.execute();
	return rows.map((r) => ({
		questionId: r.question_id,
		verdict: r.verdict as Verdict,
		score: Number(r.score),
		note: r.note
	}));
}

/**
 * The item-analysis flags of bank questions over every submitted attempt that held them (a
 * question an attempt held but left unanswered counts as wrong).
 * @param db the database
 * @param questions the bank's questions
 */
export async function bankFlags(
	db: Db,
	questions: readonly Question[]
): Promise<Map<string, ItemFlag[]>> {
	const known = new Map(questions.map((q) => [q.id, q]));
	const attempts = await db
		.selectFrom('attempt')
		.select(['id', 'question_ids'])
		.where('submitted_at', 'is not', null)
		.execute();
	const grades = await db
		.selectFrom('grade')
		.innerJoin('attempt', 'attempt.id', 'grade.attempt_id')
		.leftJoin('answer', (join) =>
			join
				.onRef('answer.attempt_id', '=', 'grade.attempt_id')
				.onRef('answer.question_id', '=', 'grade.question_id')
		)
		.select([
			'grade.attempt_id',
			'grade.question_id',
			'grade.score',
			'grade.verdict',
			'grade.override_id',
			'answer.response'
		])
		.where('attempt.submitted_at', 'is not', null)
		.execute();
	const graded = new Map(grades.map((g) => [groupKey(g.attempt_id, g.question_id), g]));
	const answers: GradedAnswer[] = [];
	for (const attempt of attempts) {
		for (const questionId of JSON.parse(attempt.question_ids) as string[]) {
			const q = known.get(questionId);
			if (!q) continue;
			const g = graded.get(groupKey(attempt.id, questionId));
			const score = g ? Number(g.score) : 0;
			const verdict = (g?.verdict ?? 'wrong') as Verdict;
			answers.push({
				attemptId: attempt.id,
				questionId,
				type: q.type,
				response: g?.response ? (JSON.parse(g.response) as StudentResponse) : null,
				score,
				verdict,
				reason: '',
				unsure: false,
				...(g?.override_id ? { override: { verdict, score } } : {})
			});
		}
	}
	const held = new Set(answers.map((a) => a.questionId));
	const items = questions.filter((q) => held.has(q.id)).map(itemInfo);
	const flags = new Map<string, ItemFlag[]>();
	for (const stats of itemStatistics(items, answers)) {
		const raised = itemFlags(stats);
		if (raised.length) flags.set(stats.questionId, raised);
	}
	return flags;
}
