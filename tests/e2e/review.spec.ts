/**
 * The teacher has the last word (issue 14), in the browser, JavaScript on and off, in Arabic and
 * English: a teacher overrides a group of answers, the students' scores change, undo restores
 * them, a regrade keeps the override, the audit log tells it; a student cannot reach the review
 * pages or another student's answers, nor a teacher another teacher's assignment.
 *
 * The class, assignment and submitted attempts are stored straight into the server's SQLite file
 * (DALIL_DB, set by the config) through the server modules, each test with its own.
 */
import { expect, test, type Page } from '@playwright/test';
import type { BankQuestion } from '../../src/lib/bank/check';
import { createAssignment } from '../../src/lib/server/assignments';
import { loadBank } from '../../src/lib/server/bank';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { foldArabic } from '../../src/lib/text/normalize';
import {
	assignmentSpec,
	openServerDatabase,
	otherTeacher,
	seedClass,
	seedStudent,
	seedSubmitted,
	teacherId as teacherIdIn
} from './fixtures/assignments';
import { TEACHER, TEACHER_STATE } from './fixtures/teacher';

const SLUG = 'harbour-library';
const article = loadBank('questions').articles.find((a) => a.slug === SLUG)!;
const shorts = article.questions.filter(
	(q): q is BankQuestion & { type: 'short' } => q.type === 'short'
);
const question = shorts[0];
const accepted = new Set([question.answer, ...question.accept].map(foldArabic));
// an answer the grader refuses: another question's key (or a word nobody accepts)
const refused =
	shorts.map((q) => q.answer).find((a) => !accepted.has(foldArabic(a))) ?? 'the lighthouse keeper';

const spec = assignmentSpec({
	title: 'Review week',
	article: SLUG,
	n: 1,
	opensAt: 0,
	seed: 'e2e-review'
});

// Opened in beforeAll, not at import: with fullyParallel a worker may run beforeAll/afterAll
// around each test of this file in turn, and a handle closed by the first afterAll is gone.
let handle: DatabaseHandle;
test.beforeAll(async ({ baseURL }) => {
	handle = await openServerDatabase(baseURL!);
});
test.afterAll(async () => handle.close());

/** A class of the given teacher, three students who submitted, two of them the refused answer. */
async function seed(teacherId: string) {
	const db = handle.db;
	const { classId, joinCode } = await seedClass(db, { name: 'Review', teacher: teacherId });
	const assignmentId = await createAssignment(db, classId, spec);
	const answers = [refused, `  ${refused.toUpperCase()} `, question.answer];
	const attemptIds: string[] = [];
	for (const [i, text] of answers.entries()) {
		const studentId = await seedStudent(db, classId, ['Amal', 'Badr', 'Camil'][i]);
		const at = Date.now();
		attemptIds.push(
			await seedSubmitted(db, {
				studentId,
				assignmentId,
				article,
				ids: [question.id],
				answers: { [question.id]: { type: 'short', text } },
				startedAt: at,
				submittedAt: at
			})
		);
	}
	return { assignmentId, attemptIds, joinCode };
}

const teacherId = () => teacherIdIn(handle.db);

async function scores(attemptIds: string[]): Promise<number[]> {
	const rows = await handle.db
		.selectFrom('attempt')
		.select(['id', 'score'])
		.where('id', 'in', attemptIds)
		.execute();
	return attemptIds.map((id) => Number(rows.find((r) => r.id === id)?.score));
}

const STRINGS = {
	en: { twoStudents: '2 students', correct: 'correct' },
	ar: { twoStudents: 'طالبان', correct: 'صحيحة' }
} as const;

/** The group of the refused answer on the review page. */
const refusedGroup = (page: Page) =>
	page.locator(`li[data-testid=group][data-question="${question.id}"]`).filter({
		has: page.getByTestId('spelling').filter({ hasText: refused })
	});

test.describe('a teacher reviews', () => {
	test.use({ storageState: TEACHER_STATE });

	for (const ui of ['en', 'ar'] as const) {
		test(`overrides a group, undoes it, regrades keeping the override (${ui})`, async ({
			page
		}) => {
			const s = STRINGS[ui];
			const { assignmentId, attemptIds } = await seed(await teacherId());
			expect(refused).toBeTruthy();
			expect(await scores(attemptIds)).toEqual([0, 0, 1]);

			await page.goto(`/teacher/assignments/${assignmentId}/review?ui=${ui}`);
			await expect(page.locator('html')).toHaveAttribute('lang', ui);
			const group = refusedGroup(page);
			await expect(group).toHaveCount(1);
			await expect(group.getByTestId('count')).toHaveText(s.twoStudents);
			await expect(group.getByTestId('grader-verdict')).toBeVisible();
			await expect(group.getByTestId('teacher-verdict')).toHaveCount(0);

			// correct, with a note: both students' scores go up at once
			await group.locator('input[name=note]').fill('a fair reading');
			await group.locator('button[value=correct]').click();
			await expect(page.getByTestId('status')).toBeVisible();
			await expect(refusedGroup(page).getByTestId('teacher-verdict')).toContainText(s.correct);
			await expect(refusedGroup(page).getByTestId('teacher-verdict')).toContainText(
				'a fair reading'
			);
			expect(await scores(attemptIds)).toEqual([1, 1, 1]);

			// undo: back to the grader's verdict
			await refusedGroup(page).locator('form[action="?/undo"] button').click();
			await expect(refusedGroup(page).getByTestId('teacher-verdict')).toHaveCount(0);
			expect(await scores(attemptIds)).toEqual([0, 0, 1]);

			// partly correct, half a point; then a regrade keeps it
			await refusedGroup(page).locator('input[name=score]').fill('0.5');
			await refusedGroup(page).locator('button[value=partial]').click();
			await expect(refusedGroup(page).getByTestId('teacher-verdict')).toBeVisible();
			expect(await scores(attemptIds)).toEqual([0.5, 0.5, 1]);
			await page.locator('form[action="?/regrade"] button').click();
			await expect(page.getByTestId('regrade-summary')).toBeVisible();
			await expect(refusedGroup(page).getByTestId('teacher-verdict')).toBeVisible();
			expect(await scores(attemptIds)).toEqual([0.5, 0.5, 1]);

			// the audit log tells every step, newest first
			await page.goto(`/teacher/assignments/${assignmentId}/audit`);
			await expect(page.locator('[data-testid=audit] tbody tr')).toHaveCount(4);
			const actions = await page
				.locator('[data-testid=audit] tbody tr')
				.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
			expect(actions).toEqual([
				'assignment.regrade',
				'override.apply',
				'override.undo',
				'override.apply'
			]);
			await expect(page.locator('[data-testid=audit]')).toContainText(TEACHER.name);
		});
	}

	test('another teacher’s assignment is not found, to read or to post', async ({ page }) => {
		const { assignmentId, attemptIds } = await seed(await otherTeacher(handle.db, 'Other teacher'));
		for (const path of ['review', 'audit']) {
			const response = await page.goto(`/teacher/assignments/${assignmentId}/${path}`);
			expect(response?.status()).toBe(404);
		}
		const post = await page.request.post(`/teacher/assignments/${assignmentId}/review?/override`, {
			form: { question: question.id, form: foldArabic(refused), verdict: 'correct' },
			headers: { origin: new URL(page.url()).origin }
		});
		expect(post.status()).toBe(404);
		expect(await scores(attemptIds)).toEqual([0, 0, 1]);
	});
});

test('a student reaches neither the review pages nor another student’s answers', async ({
	browser,
	javaScriptEnabled,
	baseURL
}) => {
	const { assignmentId, attemptIds, joinCode } = await seed(await teacherId());
	const context = await browser.newContext({ javaScriptEnabled });
	const page = await context.newPage();
	await page.goto(`/join?code=${joinCode}`);
	await page.locator('input[name=name]').fill('Dana');
	await page.locator('main form button').click();
	await expect(page).toHaveURL(/\/student$/);

	for (const path of ['review', 'audit']) {
		await page.goto(`/teacher/assignments/${assignmentId}/${path}`);
		await expect(page).toHaveURL(/\/teacher\/sign-in/);
		await expect(page.getByTestId('group')).toHaveCount(0);
		await expect(page.locator('main')).not.toContainText(refused);
	}
	const post = await page.request.post(
		`${baseURL}/teacher/assignments/${assignmentId}/review?/override`,
		{
			form: { question: question.id, form: foldArabic(refused), verdict: 'correct' },
			headers: { origin: baseURL! },
			maxRedirects: 0
		}
	);
	// sent to sign-in: a 303, or Kit's action answer saying so
	const location =
		post.status() === 303
			? post.headers().location
			: ((await post.json()) as { type: string; location: string }).location;
	expect(location).toMatch(/^\/teacher\/sign-in/);
	expect(await scores(attemptIds)).toEqual([0, 0, 1]);
	// another student's attempt is no results page of theirs
	const other = await page.goto(`/quiz/${SLUG}/results/${attemptIds[0]}`);
	expect(other?.status()).toBe(404);
	await expect(page.locator('main')).not.toContainText(refused);
	await context.close();
});
