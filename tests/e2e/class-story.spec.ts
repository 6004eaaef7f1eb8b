/**
 * The whole story of a class (issue 13), in the browser only, JavaScript on and off, in Arabic and
 * English, on SQLite and on PostgreSQL (the pg projects): the teacher creates a class and assigns
 * a test through the form; two students join with the class's code and take it; the teacher opens
 * the results from the class page and downloads grades.csv, whose rows say what the students did.
 * And before it (the teacher's own sign-up through the page is the setup project's): the teacher
 * invites a colleague by link while sign-up is closed, and the colleague's account sees none of
 * the teacher's classes.
 *
 * Nothing is stored behind the pages' backs: the database is opened only to delete the assignment
 * afterwards (an open test hides its questions from public practice; no other browser spec
 * quizzes on this article in public).
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import type { BankQuestion } from '../../src/lib/bank/check';
import { loadBank } from '../../src/lib/server/bank';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { strings } from '../../src/lib/i18n';
import { device, join, openServerDatabase, questionIds, seedClass } from './fixtures/assignments';
import { TEACHER, TEACHER_STATE } from './fixtures/teacher';

const SLUG = 'amzar-flamingos';
const article = loadBank('questions').articles.find((a) => a.slug === SLUG)!;
const byId = new Map(article.questions.map((q) => [q.id, q]));

let handle: DatabaseHandle;
test.beforeAll(async ({ baseURL }) => {
	handle = await openServerDatabase(baseURL!);
});
test.afterAll(async () => handle.close());

const WORDS = {
	en: { start: 'Start', submit: 'Submit', notSubmitted: 'Not submitted' },
	ar: { start: 'ابدأ', submit: 'سلّم', notSubmitted: 'لم يسلّم' }
} as const;

/** The short answer's key. */
function key(id: string): string {
	const q = byId.get(id) as BankQuestion & { type: 'short' };
	if (q?.type !== 'short') throw new Error(`${id} is not a short-answer question`);
	return q.answer;
}

/**
 * A student opens the assignment from their home, starts it, types the key of the questions
 * `right` says (by position; the rest left empty) and submits; the score shows.
 */
async function take(page: Page, assignmentId: string, ui: 'ar' | 'en', right: boolean[]) {
	const entry = page.locator(`[data-status=to-do] [data-assignment="${assignmentId}"]`);
	await entry.locator('a.go').click();
	await expect(page).toHaveURL(new RegExp(`/assignments/${assignmentId}$`));
	await page.getByRole('button', { name: WORDS[ui].start, exact: true }).click();
	const ids = await questionIds(page);
	expect(ids).toHaveLength(right.length);
	// typed once the page is hydrated (a value typed before may be reset by it)
	await page.waitForLoadState('networkidle');
	for (const [i, id] of ids.entries()) {
		if (right[i]) await page.locator(`form.work input[name="${id}"]`).fill(key(id));
	}
	await page.getByRole('button', { name: WORDS[ui].submit, exact: true }).click();
	await expect(page).toHaveURL(new RegExp(`/assignments/${assignmentId}/attempts/[\\w-]+$`));
	const score = right.filter(Boolean).length;
	await expect(page.getByTestId('score')).toContainText(`${score} / ${right.length}`);
	return ids;
}

for (const ui of ['ar', 'en'] as const) {
	test(`a teacher assigns, two students take it, the teacher reads results and grades (${ui})`, async ({
		browser,
		javaScriptEnabled,
		baseURL
	}) => {
		// a teacher and two students, a few dozen page loads
		test.setTimeout(180_000);
		const began = Date.now();
		const teacher = await browser.newContext({ javaScriptEnabled, storageState: TEACHER_STATE });
		await teacher.addCookies([{ name: 'ui', value: ui, url: baseURL! }]);
		const tp = await teacher.newPage();
		let assignmentId: string | undefined;
		try {
			// the teacher makes a class
			await tp.goto('/teacher/classes');
			const className = `${ui === 'ar' ? 'صف القصة' : 'Story class'} ${began}`;
			await tp.locator('form[action="?/create"] input[name=name]').fill(className);
			await tp.locator('form[action="?/create"] button').click();
			await expect(tp).toHaveURL(/\/teacher\/classes\/[\w-]+$/);
			const classId = new URL(tp.url()).pathname.split('/').pop()!;
			const code = (await tp.getByTestId('join-code').textContent())!.trim();

			// and assigns a test of two short answers, open now, the answers shown once submitted
			await tp.locator(`a[href$="/teacher/classes/${classId}/assign"]`).click();
			await expect(tp).toHaveURL(new RegExp(`/teacher/classes/${classId}/assign$`));
			await tp.waitForLoadState('networkidle');
			const title = `${ui === 'ar' ? 'اختبار النحام' : 'Flamingo test'} ${began}`;
			const form = tp.locator('form[action="?/assign"]');
			await form.locator('input[name=title]').fill(title);
			await form.locator('select[name=article]').selectOption(SLUG);
			await form.locator('input[name=n]').fill('2');
			await form.locator('input[name=timeLimit]').fill('30');
			await form.locator('input[name=release][value=after-submission]').check();
			await form.locator('input[name=show][value=answers]').check();
			await form.locator('summary').click();
			await form.locator('input[name=types][value=short]').check();
			await form.locator('button').click();
			await expect(tp).toHaveURL(new RegExp(`/teacher/classes/${classId}\\?assigned=[\\w-]+`));
			assignmentId = new URL(tp.url()).searchParams.get('assigned')!;
			const listed = tp.getByTestId('assignments').locator('tbody tr');
			await expect(listed).toHaveCount(1);
			await expect(listed.locator('th')).toContainText(title);

			// two students join with the code, each on a device of their own, and take it
			const names = ui === 'ar' ? ['سارة', 'عمر'] : ['Sara', 'Omar'];
			const one = await device(browser, javaScriptEnabled, ui, baseURL!);
			const two = await device(browser, javaScriptEnabled, ui, baseURL!);
			const ids = await take(await join(one, code, names[0]), assignmentId, ui, [true, true]);
			expect(await take(await join(two, code, names[1]), assignmentId, ui, [true, false])).toEqual(
				ids
			);
			await Promise.all([one.close(), two.close()]);
			const ended = Date.now();

			// the teacher opens the results from the class page
			await tp.goto(`/teacher/classes/${classId}`);
			await tp.locator(`a[href$="/teacher/assignments/${assignmentId}"]`).click();
			await expect(tp).toHaveURL(new RegExp(`/teacher/assignments/${assignmentId}$`));
			await expect(tp.locator('h1')).toContainText(title);
			const row = (name: string) =>
				tp.getByTestId('scores').locator('tbody tr').filter({ hasText: name });
			await expect(tp.getByTestId('scores').locator('tbody tr')).toHaveCount(2);
			await expect(row(names[0]).getByTestId('score')).toHaveText('2 / 2');
			await expect(row(names[1]).getByTestId('score')).toHaveText('1 / 2');
			const grid = tp.getByTestId('grid');
			const cells = (name: string, verdict: string) =>
				grid.locator('tbody tr').filter({ hasText: name }).locator(`td[data-verdict=${verdict}]`);
			await expect(cells(names[0], 'correct')).toHaveCount(2);
			await expect(cells(names[1], 'correct')).toHaveCount(1);
			await expect(cells(names[1], 'unanswered')).toHaveCount(1);
			await expect(
				tp.getByTestId('items').locator(`tr[data-question="${ids[0]}"]`).getByTestId('facility')
			).toHaveText(ui === 'ar' ? '100٪' : '100%');

			// and downloads the grades: one row per student, as the gradebook wants them
			const downloading = tp.waitForEvent('download');
			await tp.locator('a[href$="/grades.csv"]').click();
			const download = await downloading;
			expect(download.suggestedFilename()).toMatch(/-grades\.csv$/);
			const text = await readFile((await download.path())!, 'utf8');
			expect(text.startsWith('\uFEFF')).toBe(true);
			const rows = parse(text.slice(1)) as string[][];
			expect(rows[0]).toEqual(['student', 'score', 'out of', 'percent', 'submitted at', 'late']);
			const byName = new Map(rows.slice(1).map((r) => [r[0], r.slice(1)]));
			expect([...byName.keys()].sort()).toEqual([...names].sort());
			expect(byName.get(names[0])!.slice(0, 3)).toEqual(['2', '2', '100']);
			expect(byName.get(names[1])!.slice(0, 3)).toEqual(['1', '2', '50']);
			for (const name of names) {
				const [, , , at, late] = byName.get(name)!;
				expect(at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
				// submitted during the story (to the second: the file may drop the milliseconds)
				expect(Date.parse(at)).toBeGreaterThanOrEqual(Math.floor(began / 1000) * 1000);
				expect(Date.parse(at)).toBeLessThanOrEqual(ended);
				expect(late).toBe('no');
			}
		} finally {
			if (assignmentId) {
				await handle.db.deleteFrom('assignment').where('id', '=', assignmentId).execute();
			}
			await teacher.close();
		}
	});
}

for (const ui of ['ar', 'en'] as const) {
	test(`a teacher invites a colleague by link while sign-up is closed; the colleague sees none of the teacher’s classes (${ui})`, async ({
		browser,
		javaScriptEnabled,
		baseURL
	}) => {
		test.setTimeout(120_000);
		const t = strings(ui).classes;
		const stamp = Date.now();
		const mine = `${ui === 'ar' ? 'صف خاص' : 'Private class'} ${stamp}`;
		const { classId } = await seedClass(handle.db, { name: mine });
		const teacher = await browser.newContext({ javaScriptEnabled, storageState: TEACHER_STATE });
		await teacher.addCookies([{ name: 'ui', value: ui, url: baseURL! }]);
		const stranger = await device(browser, javaScriptEnabled, ui, baseURL!);
		const colleague = await device(browser, javaScriptEnabled, ui, baseURL!);
		try {
			// the teacher makes an invitation link on the classes page
			const tp = await teacher.newPage();
			await tp.goto('/teacher/classes');
			await expect(tp.locator('main')).toContainText(mine);
			await tp.waitForLoadState('networkidle');
			await tp.locator('form[action="?/invite"] button').click();
			const link = await tp.getByTestId('invite-link').inputValue();
			expect(link).toMatch(/\/teacher\/sign-up\?invite=[\w-]+$/);

			// without it, sign-up is closed: a message, no form
			const sp = await stranger.newPage();
			await sp.goto('/teacher/sign-up');
			await expect(sp.locator('main .error')).toHaveText(t.signUpClosed);
			await expect(sp.locator('input[name=email]')).toHaveCount(0);

			// the colleague signs up through it
			const cp = await colleague.newPage();
			await cp.goto(link);
			// typed once the page is hydrated (a value typed before may be reset by it)
			await cp.waitForLoadState('networkidle');
			await cp.locator('input[name=name]').fill(ui === 'ar' ? 'زميلة' : 'Colleague');
			// first with an address that has an account: refused, and the link is not spent by it
			await cp.locator('input[name=email]').fill(TEACHER.email);
			await cp.locator('input[name=password]').fill('a long colleague password');
			await expect(cp.locator('input[name=name]')).not.toHaveValue('');
			await cp.locator('main form button').click();
			await expect(cp.locator('main [role=alert]')).toHaveText(t.emailTaken);
			await cp.locator('input[name=email]').fill(`colleague-${ui}-${stamp}@example.org`);
			await cp.locator('input[name=password]').fill('a long colleague password');
			await cp.locator('main form button').click();
			await expect(cp).toHaveURL(/\/teacher\/classes$/);
			await expect(cp.locator('html')).toHaveAttribute('dir', ui === 'ar' ? 'rtl' : 'ltr');
			// their own, empty list: nothing of the first teacher's
			await expect(cp.locator('main')).not.toContainText(mine);
			await expect(cp.locator(`main a[href*="/teacher/classes/"]`)).toHaveCount(0);
			const theirs = await cp.goto(`/teacher/classes/${classId}`);
			expect(theirs?.status(), 'the first teacher’s class is no page of theirs').toBe(404);
			expect(await cp.locator('body').textContent()).not.toContain(mine);

			// the link is spent: a second use finds sign-up closed
			await sp.goto(link);
			await expect(sp.locator('main .error')).toHaveText(t.signUpClosed);
		} finally {
			await Promise.all([teacher.close(), stranger.close(), colleague.close()]);
			await handle.db.deleteFrom('class').where('id', '=', classId).execute();
		}
	});
}
