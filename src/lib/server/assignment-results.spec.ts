import { expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { StudentResponse } from '../grading/types';
import { fixtureArticle } from '../quiz/fixtures';
import { gradeAnswer } from '../quiz/take';
import { assignmentResultsData } from './assignment-results';
import { createAssignment } from './assignments';
import { FIXTURE_SPEC, seedClass } from './assignments.fixtures';
import { describeEachDatabase } from './db/testing';
import type { Database } from './db/schema';
import { insertAttempt, submitStored, type StoredGrade } from './stored-attempts';

const article = fixtureArticle();
const IDS = ['who-met', 'where-met'];

/** A submitted attempt of `studentId` at `at`, graded by the fixture article's grader. */
async function submit(
	db: Kysely<Database>,
	assignmentId: string,
	studentId: string,
	answers: Record<string, StudentResponse>,
	at: number,
	number = 1
) {
	const attempt = await insertAttempt(db, {
		owner: { kind: 'student', studentId, assignmentId },
		slug: article.slug,
		query: 'n=2',
		ids: IDS,
		number
	});
	const grades: Record<string, StoredGrade> = {};
	for (const [id, response] of Object.entries(answers)) {
		const r = gradeAnswer(article, id, response)!;
		grades[id] = { score: r.score, verdict: r.verdict, reason: r.reason, unsure: r.unsure };
	}
	await submitStored(
		db,
		{ ...attempt, answers, submitted: { at, late: false, results: grades } },
		grades
	);
	return attempt.id;
}

describeEachDatabase((database) => {
	it('aggregates the counted attempts: scores, grid, mastery and item statistics', async () => {
		const db = database().db;
		const { assignmentId } = await seedClass(db);
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
		// Amal: a poor first attempt, then a perfect one (that one counts)
		await submit(
			db,
			assignmentId,
			's1',
			{ 'who-met': { type: 'single', choice: 'Omar Nasser' } },
			1000
		);
		await submit(
			db,
			assignmentId,
			's1',
			{
				'who-met': { type: 'single', choice: 'Sara Haddad' },
				'where-met': { type: 'short', text: 'Zuwara' }
			},
			2000,
			2
		);
		// Badr: a wrong choice, and the short answer left empty
		await submit(
			db,
			assignmentId,
			's2',
			{ 'who-met': { type: 'single', choice: 'Omar Nasser' } },
			3000
		);

		const { results, items } = await assignmentResultsData(
			db,
			{ id: assignmentId, classId: 'c1' },
			article
		);
		expect(results.students.map((s) => [s.student.name, s.counted?.score, s.attempts])).toEqual([
			['Amal', 2, 2],
			['Badr', 0, 1],
			['Camil', undefined, 0]
		]);
		expect(results.questions.map((q) => q.id).sort()).toEqual([...IDS].sort());
		const column = (id: string) => results.questions.findIndex((q) => q.id === id);
		expect(results.grid[1][column('where-met')]).toBe('unanswered');
		expect(results.grid[1][column('who-met')]).toBe('wrong');
		expect(results.grid[2]).toEqual([null, null]);
		expect(results.mastery.find((m) => m.paragraph === 'p1')).toMatchObject({
			items: 2,
			practised: 4,
			known: 2
		});

		// one answer per student (Amal's first attempt does not count), the empty one too
		expect(items.map((i) => i.questionId)).toEqual(results.questions.map((q) => q.id));
		const who = items.find((i) => i.questionId === 'who-met')!;
		expect(who).toMatchObject({ attempts: 2, answered: 2, facility: 0.5 });
		expect(who.options?.map((o) => [o.text, o.count, o.key])).toEqual([
			['Sara Haddad', 1, true],
			['Omar Nasser', 1, false],
			['Lina Haddad', 0, false],
			['Sami Aziz', 0, false]
		]);
		const where = items.find((i) => i.questionId === 'where-met')!;
		expect(where).toMatchObject({ attempts: 2, answered: 1, facility: 0.5 });
		expect(where.options).toBeUndefined();
	});

	it('still gives the scores when the article has left the bank', async () => {
		const db = database().db;
		// the class the first test seeded, another assignment
		const assignmentId = await createAssignment(db, 'c1', FIXTURE_SPEC);
		await submit(
			db,
			assignmentId,
			's1',
			{ 'who-met': { type: 'single', choice: 'Sara Haddad' } },
			1000
		);
		const { results, items } = await assignmentResultsData(
			db,
			{ id: assignmentId, classId: 'c1' },
			undefined
		);
		expect(results.students[0].counted?.score).toBe(1);
		expect(results.questions).toEqual([]);
		expect(items).toEqual([]);
	});
});
