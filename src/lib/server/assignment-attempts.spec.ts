import { expect, it } from 'vitest';
import { fixtureArticle } from '../quiz/fixtures';
import { questionOf } from '../quiz/take';
import { assignmentSpec, seedClass } from './assignments.fixtures';
import { assignmentById, createAssignment, resultsInput, studentAssignments } from './assignments';
import {
	assignmentQuiz,
	attemptsOfStudent,
	checkWork,
	finishOverdue,
	saveWork,
	startOrResume,
	startRefusal,
	submitWork
} from './assignment-attempts';
import { describeEachDatabase } from './db/testing';
import { readAttempt, type StoredAttempt } from './stored-attempts';
import { publicArticle, testsOnArticles } from './secrecy';

const MIN = 60_000;
const article = fixtureArticle();
const spec = assignmentSpec({
	n: 3,
	opensAt: 100 * MIN,
	closesAt: 1000 * MIN,
	timeLimit: 10,
	grace: 30,
	attemptsAllowed: 2,
	variant: 'per-student'
});

describeEachDatabase((database) => {
	let id = '';
	const assignment = async () => (await assignmentById(database().db, id))!;

	it('stores an assignment and reads it back with its teacher', async () => {
		id = (await seedClass(database().db, spec)).assignmentId;
		const a = await assignment();
		expect(a).toMatchObject({ classId: 'c1', teacherId: 'u1', spec });
		expect(await assignmentById(database().db, 'not-an-id')).toBeUndefined();
	});

	it('refuses to start before it opens', async () => {
		expect(await startOrResume(database().db, await assignment(), 's1', article, 50 * MIN)).toBe(
			'upcoming'
		);
	});

	let first: StoredAttempt;
	it('starts the student’s own variant, deadline fixed; starting again resumes it', async () => {
		const { db } = database();
		const a = await assignment();
		first = (await startOrResume(db, a, 's1', article, 200 * MIN)) as StoredAttempt;
		expect(first.deadline).toBe(210 * MIN);
		expect(first.ids).toEqual(assignmentQuiz(a, 's1', article).views.map((v) => v.id));
		const again = (await startOrResume(db, a, 's1', article, 205 * MIN)) as StoredAttempt;
		expect(again.id).toBe(first.id);
		expect(again.deadline).toBe(210 * MIN);
	});

	it('makes one attempt of two starts at once', async () => {
		const { db } = database();
		const a = await assignment();
		const [x, y] = await Promise.all([
			startOrResume(db, a, 's2', article, 200 * MIN),
			startOrResume(db, a, 's2', article, 200 * MIN)
		]);
		expect((x as StoredAttempt).id).toBe((y as StoredAttempt).id);
	});

	it('saves until the deadline and its grace, then submits what stood', async () => {
		const { db } = database();
		const a = await assignment();
		const q = first.ids[0];
		const answer = { type: 'short' as const, text: 'x' };
		expect(await saveWork(db, a, article, first, { [q]: answer }, 210 * MIN + 30_000)).toEqual({
			kind: 'saved'
		});
		const late = await saveWork(db, a, article, first, {}, 210 * MIN + 30_001);
		expect(late).toEqual({ kind: 'too-late' });
		const stored = await readAttempt(db, first.id);
		expect(stored?.answers).toEqual({ [q]: answer });
		expect(stored?.submitted?.at).toBe(210 * MIN);
		expect(stored?.submitted?.late).toBe(false);
		expect(await submitWork(db, a, article, stored!, {}, 211 * MIN)).toEqual({
			kind: 'already-submitted'
		});
	});

	it('takes a late submission, marked, when the assignment says so', async () => {
		const { db } = database();
		const a = { ...(await assignment()), spec: { ...spec, late: 'mark' as const } };
		const second = (await startOrResume(db, a, 's1', article, 300 * MIN)) as StoredAttempt;
		expect(second.id).not.toBe(first.id);
		expect(await submitWork(db, a, article, second, {}, 400 * MIN)).toEqual({
			kind: 'submitted',
			late: true
		});
		expect(await startOrResume(db, a, 's1', article, 401 * MIN)).toBe('no-attempts-left');
	});

	it('finishes overdue attempts for the results, and lists a student’s work', async () => {
		const { db } = database();
		const a = await assignment();
		expect(await finishOverdue(db, a, article, 500 * MIN)).toBe(1);
		expect(await finishOverdue(db, a, article, 500 * MIN)).toBe(0);
		const { roster, attempts } = await resultsInput(db, a);
		expect(roster.map((s) => s.name)).toEqual(['Amal', 'Badr']);
		expect(attempts.filter((t) => t.submittedAt !== null)).toHaveLength(3);
		const home = await studentAssignments(db, [{ id: 's1', classId: 'c1' }], 500 * MIN);
		expect(home).toMatchObject([{ id, status: 'done', score: { total: 3 } }]);
	});

	it('lists a student’s attempts, oldest first, and says why no other may start', async () => {
		const { db } = database();
		const mine = await attemptsOfStudent(db, id, 's1');
		expect(mine.map((t) => t.number)).toEqual([1, 2]);
		expect(mine[0]).toMatchObject({ id: first.id, deadline: 210 * MIN, late: false, total: 3 });
		expect(mine[1]).toMatchObject({ late: true, score: 0 });
		expect(mine.every((t) => t.submittedAt !== null)).toBe(true);
		expect(await attemptsOfStudent(db, id, 'nobody')).toEqual([]);
		expect(startRefusal(spec, 0, 50 * MIN)).toBe('upcoming');
		expect(startRefusal(spec, 0, 200 * MIN)).toBeNull();
		expect(startRefusal(spec, 2, 200 * MIN)).toBe('no-attempts-left');
		expect(startRefusal(spec, 1, 2000 * MIN)).toBe('closed');
	});

	it('keeps the test’s questions from the public until it is over', async () => {
		const { db } = database();
		expect((await testsOnArticles(db, [article.slug], 500 * MIN)).get(article.slug)).toHaveLength(
			1
		);
		const during = await publicArticle(db, article, 500 * MIN);
		expect(during.questions.length).toBeLessThan(article.questions.length);
		expect(await publicArticle(db, article, 500 * MIN)).toBe(during);
		expect(await publicArticle(db, article, 1001 * MIN)).toBe(article);
	});

	it('checks a practice question as the student goes, saved with it; never a test’s', async () => {
		const { db } = database();
		const make = async (settings: Partial<typeof spec>) =>
			(await assignmentById(
				db,
				await createAssignment(db, 'c1', assignmentSpec({ types: ['short'], ...settings }))
			))!;
		const practice = await make({ title: 'Practice', mode: 'practice', timeLimit: 0 });
		const attempt = (await startOrResume(db, practice, 's2', article, 10)) as StoredAttempt;
		const [q, other] = attempt.ids;
		const key = (questionOf(article, q) as { answer: string }).answer;
		const answers = { [q]: { type: 'short' as const, text: key } };
		expect(await checkWork(db, practice, article, attempt, answers, q, 20)).toEqual({
			kind: 'saved'
		});
		let stored = (await readAttempt(db, attempt.id))!;
		expect(stored.answers).toEqual(answers);
		expect(stored.checks[q]).toMatchObject({ score: 1, verdict: 'correct' });
		// checking an unanswered question checks nothing; the check before stands
		expect(await checkWork(db, practice, article, stored, answers, other, 30)).toEqual({
			kind: 'saved'
		});
		stored = (await readAttempt(db, attempt.id))!;
		expect(Object.keys(stored.checks)).toEqual([q]);
		// a test saves the answers of a check post, and checks nothing
		const test = await make({ title: 'Test', timeLimit: 0 });
		const taken = (await startOrResume(db, test, 's2', article, 10)) as StoredAttempt;
		const given = { [taken.ids[0]]: { type: 'short' as const, text: key } };
		expect(await checkWork(db, test, article, taken, given, taken.ids[0], 20)).toEqual({
			kind: 'not-practice'
		});
		const kept = (await readAttempt(db, taken.id))!;
		expect(kept.answers).toEqual(given);
		expect(kept.checks).toEqual({});
	});
});
