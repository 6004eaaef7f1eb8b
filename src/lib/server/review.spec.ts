import { expect, it } from 'vitest';
import type { LoadedArticle } from '../bank/check';
import type { StudentResponse } from '../grading/types';
import { fixtureArticle } from '../quiz/fixtures';
import { gradeAnswer } from '../quiz/take';
import { foldedForm } from '../stats/groups';
import { finishOverdue, submitWork } from './assignment-attempts';
import { assignmentById, createAssignment } from './assignments';
import { FIXTURE_SPEC, seedClass } from './assignments.fixtures';
import { auditOf } from './audit';
import { describeEachDatabase } from './db/testing';
import {
	allOverrides,
	bankFlags,
	overrideGroup,
	regradeAssignment,
	reviewedQuestions,
	reviewGroups,
	undoOverride
} from './review';
import {
	insertAttempt,
	readAttempt,
	saveAttempt,
	submitStored,
	type StoredGrade
} from './stored-attempts';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';

const article = fixtureArticle();
const IDS = ['where-met', 'ferry-where', 'how-far', 'who-met'];

/** A submitted attempt of `studentId`, graded by the grader of `article`. */
async function submit(
	db: Kysely<Database>,
	assignmentId: string,
	studentId: string,
	answers: Record<string, StudentResponse>
) {
	const attempt = await insertAttempt(db, {
		owner: { kind: 'student', studentId, assignmentId },
		slug: article.slug,
		query: 'n=4',
		ids: IDS
	});
	const grades: Record<string, StoredGrade> = {};
	for (const [id, response] of Object.entries(answers)) {
		const r = gradeAnswer(article, id, response)!;
		grades[id] = {
			score: r.score,
			verdict: r.verdict,
			rule: r.rule,
			reason: r.reason,
			unsure: r.unsure
		};
	}
	await submitStored(
		db,
		{ ...attempt, answers, submitted: { at: 1000, late: false, results: grades } },
		grades
	);
	return attempt.id;
}

const short = (text: string): StudentResponse => ({ type: 'short', text });

async function score(db: Kysely<Database>, id: string) {
	const row = await db
		.selectFrom('attempt')
		.select('score')
		.where('id', '=', id)
		.executeTakeFirst();
	return Number(row?.score);
}

describeEachDatabase((database) => {
	let assignmentId = '';
	const attempts: Record<string, string> = {};
	const TRIPOLI = foldedForm(short('Tripoli'))!;

	it('groups an assignment’s typed answers by folded form, with the grader’s verdict', async () => {
		const { db } = database();
		({ assignmentId } = await seedClass(db));
		await db
			.insertInto('student')
			.values({
				id: 's3',
				class_id: 'c1',
				name: 'Camil',
				created_at: 0,
				removed_at: null,
				reentry_hash: null,
				reentry_expires_at: null
			})
			.execute();
		const sirte = short('Sirte');
		const km = { type: 'numeric', text: '120 km' } as const;
		const choice = { type: 'single', choice: 'Sara Haddad' } as const;
		attempts.s1 = await submit(db, assignmentId, 's1', {
			'where-met': short('Tripoli'),
			'ferry-where': sirte,
			'how-far': km,
			'who-met': choice
		});
		attempts.s2 = await submit(db, assignmentId, 's2', {
			'where-met': short('  tripoli '),
			'ferry-where': sirte
		});
		attempts.s3 = await submit(db, assignmentId, 's3', { 'where-met': short('Zuwara') });
		expect(await score(db, attempts.s1)).toBe(3);
		expect(await score(db, attempts.s2)).toBe(1);
		expect(await score(db, attempts.s3)).toBe(1);

		const groups = await reviewGroups(db, assignmentId, 'u1');
		// choices are not reviewed; every typed answer is in one group
		expect(groups.every((g) => g.questionId !== 'who-met')).toBe(true);
		const tripoli = groups.find((g) => g.questionId === 'where-met' && g.form === TRIPOLI)!;
		expect(tripoli).toMatchObject({ count: 2, verdict: 'wrong', score: 0 });
		expect(tripoli.spellings.map((s) => s.count)).toEqual([1, 1]);
		expect(tripoli.rule).toBeTruthy();
		expect(tripoli.reason).toBeTruthy();
		expect(tripoli.override).toBeUndefined();
		expect(groups.reduce((n, g) => n + g.count, 0)).toBe(6);
	});

	let first = '';
	it('applies an override to every answer of the group and updates the scores at once', async () => {
		const { db } = database();
		const outcome = (await overrideGroup(db, {
			assignmentId,
			questionId: 'where-met',
			form: TRIPOLI,
			verdict: 'correct',
			score: 1,
			note: 'Accept the capital this week',
			teacherId: 'u1'
		}))!;
		first = outcome.overrideId;
		expect(outcome.answers).toBe(2);
		expect(outcome.changed.map((c) => [c.attemptId, c.before, c.after]).sort()).toEqual(
			[
				[attempts.s1, 3, 4],
				[attempts.s2, 1, 2]
			].sort()
		);
		expect(await score(db, attempts.s3)).toBe(1);
		const read = (await readAttempt(db, attempts.s2))!;
		expect(read.submitted?.results['where-met']).toEqual({ score: 1, verdict: 'correct' });
		expect(await reviewedQuestions(db, attempts.s1)).toEqual([
			{
				questionId: 'where-met',
				verdict: 'correct',
				score: 1,
				note: 'Accept the capital this week'
			}
		]);
		expect(await reviewedQuestions(db, attempts.s3)).toEqual([]);
		const group = (await reviewGroups(db, assignmentId, 'u1')).find((g) => g.form === TRIPOLI)!;
		expect(group).toMatchObject({
			verdict: 'wrong',
			override: { verdict: 'correct', score: 1 },
			overrideId: first,
			overrideNote: 'Accept the capital this week'
		});
	});

	it('refuses a partial score that is not between 0 and 1, and a group that does not exist', async () => {
		const { db } = database();
		const input = {
			assignmentId,
			questionId: 'where-met',
			form: TRIPOLI,
			teacherId: 'u1'
		};
		await expect(overrideGroup(db, { ...input, verdict: 'partial', score: 1 })).rejects.toThrow(
			RangeError
		);
		expect(
			await overrideGroup(db, { ...input, form: 'nobody wrote this', verdict: 'correct', score: 1 })
		).toBeUndefined();
	});

	it('undo brings back the decision before, then the grader’s; the audit log has each step', async () => {
		const { db } = database();
		const second = (await overrideGroup(
			db,
			{
				assignmentId,
				questionId: 'where-met',
				form: TRIPOLI,
				verdict: 'partial',
				score: 0.5,
				teacherId: 'u1'
			},
			Date.now() + 1
		))!;
		expect(await score(db, attempts.s1)).toBe(3.5);
		await undoOverride(db, { assignmentId, overrideId: second.overrideId, teacherId: 'u1' });
		expect(await score(db, attempts.s1)).toBe(4);
		// undoing twice does nothing; another assignment's id finds nothing
		expect(
			await undoOverride(db, { assignmentId, overrideId: second.overrideId, teacherId: 'u1' })
		).toBeUndefined();
		expect(
			await undoOverride(db, { assignmentId: 'other', overrideId: first, teacherId: 'u1' })
		).toBeUndefined();
		const undone = (await undoOverride(db, { assignmentId, overrideId: first, teacherId: 'u1' }))!;
		expect(undone.changed).toHaveLength(2);
		expect(await score(db, attempts.s1)).toBe(3);
		expect(await score(db, attempts.s2)).toBe(1);
		const read = (await readAttempt(db, attempts.s2))!;
		expect(read.submitted?.results['where-met']).toEqual({ score: 0, verdict: 'wrong' });
		expect(await reviewedQuestions(db, attempts.s1)).toEqual([]);
		const log = await auditOf(db, assignmentId);
		expect(log.map((e) => e.action)).toEqual([
			'override.undo',
			'override.undo',
			'override.apply',
			'override.apply'
		]);
		expect(log[3]).toMatchObject({
			actorId: 'u1',
			actorName: 'T',
			detail: { from: 'wrong', to: 'correct', answers: 2, note: 'Accept the capital this week' }
		});
		// overrides are never deleted: undone ones are kept for the record
		expect((await allOverrides(db)).map((o) => o.undone)).toEqual([true, true]);
	});

	it('regrade after the bank changed: overrides survive, the summary names who changed', async () => {
		const { db } = database();
		await overrideGroup(db, {
			assignmentId,
			questionId: 'where-met',
			form: TRIPOLI,
			verdict: 'correct',
			score: 1,
			teacherId: 'u1'
		});
		// the bank's key of ferry-where changes: Sirte is no longer right
		const changed: LoadedArticle = {
			...article,
			questions: article.questions.map((q) =>
				q.id === 'ferry-where' && q.type === 'short' ? { ...q, answer: 'Benghazi', accept: [] } : q
			)
		};
		const outcome = await regradeAssignment(db, assignmentId, changed, 'u1');
		expect(outcome.attempts).toBe(3);
		expect(outcome.overridden).toBe(2);
		expect(outcome.changed.map((c) => [c.studentName, c.before, c.after, c.change]).sort()).toEqual(
			[
				['Amal', 4, 3, -1],
				['Badr', 2, 1, -1]
			]
		);
		expect(outcome.unchanged).toBe(1);
		const group = (await reviewGroups(db, assignmentId, 'u1')).find((g) => g.form === TRIPOLI)!;
		expect(group.override).toEqual({ verdict: 'correct', score: 1 });
		// back to the bank as it was: the scores come back, the override still stands
		const back = await regradeAssignment(db, assignmentId, article, null);
		expect(back.changed.map((c) => c.change)).toEqual([1, 1]);
		expect(await score(db, attempts.s1)).toBe(4);
		expect((await auditOf(db, assignmentId))[0]).toMatchObject({
			action: 'assignment.regrade',
			actorKind: 'system'
		});
	});

	it('pools colleagues’ decisions on the same answer across classes', async () => {
		const { db } = database();
		const at = new Date(0).toISOString();
		for (const id of ['u2', 'u3']) {
			await db
				.insertInto('user')
				.values({
					id,
					name: id,
					email: `${id}@example.org`,
					emailVerified: 0 as never,
					image: null,
					createdAt: at,
					updatedAt: at
				})
				.execute();
			await db
				.insertInto('class')
				.values({
					id: `c-${id}`,
					teacher_id: id,
					name: 'Other',
					join_code: `${id}XYZW`.toUpperCase().slice(0, 6),
					created_at: 0
				})
				.execute();
			await db
				.insertInto('student')
				.values({
					id: `s-${id}`,
					class_id: `c-${id}`,
					name: 'Other student',
					created_at: 0,
					removed_at: null,
					reentry_hash: null,
					reentry_expires_at: null
				})
				.execute();
			const other = await seedAssignment(db, `c-${id}`);
			await submit(db, other, `s-${id}`, { 'where-met': short('TRIPOLI') });
			await overrideGroup(db, {
				assignmentId: other,
				questionId: 'where-met',
				form: TRIPOLI,
				verdict: 'correct',
				score: 1,
				teacherId: id
			});
		}
		const group = (await reviewGroups(db, assignmentId, 'u1')).find((g) => g.form === TRIPOLI)!;
		expect(group.colleagues).toEqual({ correct: 2, partial: 0, wrong: 0 });
		// an answer no colleague decided on counts none
		const zuwara = (await reviewGroups(db, assignmentId, 'u1')).find(
			(g) => g.questionId === 'where-met' && g.form !== TRIPOLI
		)!;
		expect(zuwara.colleagues).toEqual({ correct: 0, partial: 0, wrong: 0 });
	});

	it('flags bank questions from stored attempts (the overridden one has a narrow key)', async () => {
		const { db } = database();
		const flags = await bankFlags(db, article.questions);
		expect(flags.get('where-met')?.map((f) => f.rule)).toContain('narrow-key');
		expect(flags.has('pier-order')).toBe(false);
	});

	it('gives an answer that arrives after an override of its group the override too', async () => {
		const { db } = database();
		const assignment = (await assignmentById(db, assignmentId))!;
		for (const id of ['s4', 's5']) {
			await db
				.insertInto('student')
				.values({
					id,
					class_id: 'c1',
					name: id,
					created_at: 0,
					removed_at: null,
					reentry_hash: null,
					reentry_expires_at: null
				})
				.execute();
		}
		const start = (studentId: string, deadline?: number) =>
			insertAttempt(db, {
				owner: { kind: 'student', studentId, assignmentId },
				slug: article.slug,
				query: 'n=4',
				ids: IDS,
				...(deadline !== undefined ? { deadline } : {})
			});
		// submitted by the student, in another spelling of the overridden group, beside another answer
		const posted = await start('s4');
		const answers = { 'where-met': short('TRIPOLI'), 'ferry-where': short('Zuwara') };
		expect(await submitWork(db, assignment, article, posted, answers)).toMatchObject({
			kind: 'submitted'
		});
		expect(await score(db, posted.id)).toBe(1);
		expect(await reviewedQuestions(db, posted.id)).toEqual([
			{ questionId: 'where-met', verdict: 'correct', score: 1, note: null }
		]);
		// submitted by the server when its time ran out (the deadline passed under "refuse")
		const overdue = await start('s5', 1000);
		await saveAttempt(db, { ...overdue, answers: { 'where-met': short('Tripoli') } }, 1000);
		expect(await finishOverdue(db, assignment, article, 10_000)).toBe(1);
		expect(await score(db, overdue.id)).toBe(1);
		// the group counts them as decided; undo takes them back to the grader's verdict with the rest
		const group = (await reviewGroups(db, assignmentId, 'u1')).find((g) => g.form === TRIPOLI)!;
		expect(group).toMatchObject({ count: 4, override: { verdict: 'correct', score: 1 } });
		const undone = (await undoOverride(db, {
			assignmentId,
			overrideId: group.overrideId!,
			teacherId: 'u1'
		}))!;
		expect(undone.answers).toBe(4);
		expect(await score(db, posted.id)).toBe(0);
		expect(await score(db, overdue.id)).toBe(0);
	});
});

function seedAssignment(db: Kysely<Database>, classId: string) {
	return createAssignment(db, classId, FIXTURE_SPEC);
}
