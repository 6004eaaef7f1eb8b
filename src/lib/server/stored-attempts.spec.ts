import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from './db/testing';
import {
	insertAttempt,
	ownsAttempt,
	readAttempt,
	saveAttempt,
	submitStored,
	type StoredAttempt
} from './stored-attempts';
import { seedClass } from './assignments.fixtures';

describeEachDatabase((database) => {
	let assignmentId = '';
	let attempt: StoredAttempt;

	it('starts an attempt and reads it back, owner and deadline kept', async () => {
		const { db } = database();
		assignmentId = (await seedClass(db)).assignmentId;
		const owner = { kind: 'student' as const, studentId: 's1', assignmentId };
		attempt = await insertAttempt(
			db,
			{ owner, slug: 'harbour', query: 'q', ids: ['a', 'b'], deadline: 5000 },
			1000
		);
		expect(attempt.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(await readAttempt(db, attempt.id)).toEqual(attempt);
		expect(ownsAttempt(attempt, { studentIds: ['s1'] })).toBe(true);
		expect(ownsAttempt(attempt, { studentIds: ['s2'] })).toBe(false);
		expect(await readAttempt(db, 'nope')).toBeUndefined();
		expect(await readAttempt(db, "x' or 1=1 --")).toBeUndefined();
	});

	it('refuses a second attempt of the same number (two tabs starting at once)', async () => {
		const { db } = database();
		const owner = { kind: 'student' as const, studentId: 's1', assignmentId };
		await expect(
			insertAttempt(db, { owner, slug: 'harbour', query: 'q', ids: [], number: 1 })
		).rejects.toThrow();
	});

	it('saves answers and replaces them, an emptied answer cleared', async () => {
		const { db } = database();
		attempt.answers = {
			a: { type: 'short', text: 'زوارة' },
			b: { type: 'truefalse', value: true }
		};
		expect(await saveAttempt(db, attempt, 2000)).toBe(true);
		attempt.answers = { a: { type: 'short', text: 'طرابلس' } };
		expect(await saveAttempt(db, attempt, 2500)).toBe(true);
		expect((await readAttempt(db, attempt.id))?.answers).toEqual(attempt.answers);
	});

	it('submits once, in one transaction; a second submission changes nothing', async () => {
		const { db } = database();
		const submitted = {
			...attempt,
			submitted: {
				at: 3000,
				late: false,
				results: { a: { score: 1, verdict: 'correct' as const } }
			}
		};
		expect(
			await submitStored(db, submitted, {
				a: { score: 1, verdict: 'correct', unsure: true, rule: 'exact' }
			})
		).toBe(true);
		const again = { ...submitted, answers: {}, submitted: { at: 4000, late: true, results: {} } };
		expect(await submitStored(db, again)).toBe(false);
		const read = await readAttempt(db, attempt.id);
		expect(read?.submitted).toEqual(submitted.submitted);
		expect(read?.answers).toEqual(attempt.answers);
		const row = await db
			.selectFrom('attempt')
			.select(['score', 'late'])
			.where('id', '=', attempt.id)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ score: 1, late: 0 });
		const grade = await db.selectFrom('grade').selectAll().executeTakeFirstOrThrow();
		expect(grade).toMatchObject({ question_id: 'a', rule: 'exact', unsure: 1 });
	});

	it('after submission a save changes nothing', async () => {
		const { db } = database();
		expect(await saveAttempt(db, { ...attempt, answers: {} }, 5000)).toBe(false);
		expect((await readAttempt(db, attempt.id))?.answers).toEqual(attempt.answers);
	});

	it('counts one submission among many at once', async () => {
		const { db } = database();
		const owner = { kind: 'student' as const, studentId: 's2', assignmentId };
		const fresh = await insertAttempt(db, { owner, slug: 'harbour', query: 'q', ids: ['a'] });
		const outcomes = await Promise.all(
			Array.from({ length: 8 }, (_, i) =>
				submitStored(db, {
					...fresh,
					submitted: {
						at: 6000 + i,
						late: false,
						results: { a: { score: i % 2, verdict: 'wrong' } }
					}
				})
			)
		);
		expect(outcomes.filter(Boolean)).toHaveLength(1);
		const grades = await db
			.selectFrom('grade')
			.selectAll()
			.where('attempt_id', '=', fresh.id)
			.execute();
		expect(grades).toHaveLength(1);
	});
});

describe('ownsAttempt', () => {
	it('matches an anonymous attempt by its client hash only', () => {
		const a = { owner: { kind: 'anonymous' as const, clientHash: 'h1' } };
		expect(ownsAttempt(a, { clientHash: 'h1' })).toBe(true);
		expect(ownsAttempt(a, { clientHash: 'h2' })).toBe(false);
		expect(ownsAttempt(a, {})).toBe(false);
	});
});
