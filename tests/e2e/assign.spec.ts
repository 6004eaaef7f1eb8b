/**
 * The teacher's side of assignments (issue 13), JavaScript on and off, in Arabic and English: the
 * signed-in teacher assigns a test through the form (a bad field comes back with a message and
 * nothing typed lost), the class page lists it; with submitted attempts stored straight into the
 * database through the server modules, the results page shows scores, the grid, the class's
 * mastery and the item statistics, grades.csv downloads with the right rows; another teacher gets
 * a 404; axe passes on the new pages.
 *
 * Classes and attempts go into the server's own database (DALIL_DB, set by the config; on the pg
 * projects DATABASE_URL), each test with its own class.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import type { StudentResponse } from '../../src/lib/grading/types';
import { createAssignment } from '../../src/lib/server/assignments';
import { loadBank } from '../../src/lib/server/bank';
import type { DatabaseHandle } from '../../src/lib/server/db';
import {
	assignmentSpec,
	openServerDatabase,
	otherTeacher,
	seedClass as seedClassIn,
	seedStudent,
	seedSubmitted
} from './fixtures/assignments';
import { TEACHER_STATE } from './fixtures/teacher';

const SLUG = 'harbour-library';

// Opened in beforeAll, not at import: with fullyParallel a worker may run beforeAll/afterAll
// around each test of this file in turn, and a handle closed by the first afterAll is gone.
let handle: DatabaseHandle;
test.beforeAll(async ({ baseURL }) => {
	handle = await openServerDatabase(baseURL!);
});
test.afterAll(async () => handle.close());

/** A class of the test teacher (or of another), stored straight into the database. */
async function seedClass(name: string, teacher?: string): Promise<string> {
	return (await seedClassIn(handle.db, { name, teacher })).classId;
}

const article = loadBank('questions').articles.find((a) => a.slug === SLUG)!;
/** The four questions of the seeded test: a short answer (p1), a choice (p2), a short (p3), true/false (p5). */
const IDS = [
	'harbour-reopen-day',
	'harbour-direction',
	'harbour-librarian',
	'harbour-tf-ground-floor'
];
const question = (id: string) => article.questions.find((q) => q.id === id)!;

/** The key of a question as a response, or a wrong one. */
function response(id: string, right: boolean): StudentResponse {
	const q = question(id);
	if (q.type === 'single') {
		return { type: 'single', choice: right ? q.answer.text : q.distractors[0].text };
	}
	if (q.type === 'truefalse') return { type: 'truefalse', value: right ? q.answer : !q.answer };
	if (q.type === 'short') return { type: 'short', text: right ? q.answer : 'the lighthouse' };
	throw new Error(`no response for ${q.type}`);
}

const RESULTS_SPEC = assignmentSpec({
	title: 'Harbour library test',
	article: SLUG,
	n: 4,
	timeLimit: 20,
	opensAt: Date.UTC(2026, 2, 1, 8, 0),
	closesAt: Date.UTC(2026, 2, 1, 12, 0),
	late: 'mark',
	release: 'after-close',
	seed: 'e2e-results'
});

/** Who the seeded students are and what they did: true right, false wrong, null unanswered. */
const WORK: { name: string; answers?: (boolean | null)[]; late?: boolean }[] = [
	{ name: 'Amal', answers: [true, true, true, true] },
	{ name: 'Badr', answers: [true, false, null, true] },
	// a name a spreadsheet would run as a formula; nothing submitted
	{ name: '=Camil+1' },
	// past the 20 minutes' limit: taken, marked late
	{ name: 'Dana', answers: [false, false, false, false], late: true }
];

/** A class of `teacher` with the students of WORK and their submitted attempts. */
async function seedResults(teacher?: string) {
	const db = handle.db;
	const classId = await seedClass('Results', teacher);
	const assignmentId = await createAssignment(db, classId, RESULTS_SPEC);
	for (const work of WORK) {
		const studentId = await seedStudent(db, classId, work.name);
		if (!work.answers) continue;
		const answers: Record<string, StudentResponse> = {};
		work.answers.forEach((right, i) => {
			if (right !== null) answers[IDS[i]] = response(IDS[i], right);
		});
		const startedAt = Date.UTC(2026, 2, 1, 9, 0);
		await seedSubmitted(db, {
			studentId,
			assignmentId,
			article,
			ids: IDS,
			answers,
			startedAt,
			// seven and a half minutes after the start; the late one after 25 minutes
			submittedAt: startedAt + (work.late ? 1_500_000 : 450_000),
			late: work.late
		});
	}
	return { classId, assignmentId };
}

const STRINGS = {
	en: {
		closesBeforeOpens: 'It must close after it opens.',
		required: 'Please fill this in.',
		open: 'Open',
		upcoming: 'Not open yet',
		notSubmitted: 'Not submitted',
		late: 'late',
		threeAnswers: '3 answers',
		key: 'the key'
	},
	ar: {
		closesBeforeOpens: 'يجب أن يُغلق بعد أن يُفتح.',
		required: 'يُرجى ملء هذا الحقل.',
		open: 'مفتوح',
		upcoming: 'لم يُفتح بعد',
		notSubmitted: 'لم يسلّم',
		late: 'متأخر',
		threeAnswers: '3 إجابات',
		key: 'الإجابة الصحيحة'
	}
} as const;

/** Serious and critical axe violations on the page, as lines. */
async function axeViolations(page: Page): Promise<string[]> {
	const r = await new AxeBuilder({ page }).analyze();
	return r.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('a teacher assigns', () => {
	test.use({ storageState: TEACHER_STATE });

	for (const ui of ['en', 'ar'] as const) {
		test(`a test through the form, and the class page lists it (${ui})`, async ({
			page,
			baseURL
		}) => {
			const s = STRINGS[ui];
			await page.context().addCookies([{ name: 'ui', value: ui, url: baseURL! }]);
			const classId = await seedClass(ui === 'ar' ? 'الصف السادس' : 'Grade 6');
			await page.goto(`/teacher/classes/${classId}`);
			await expect(page.locator('html')).toHaveAttribute('dir', ui === 'ar' ? 'rtl' : 'ltr');
			// server-rendered links are relative (paths.relative): match their end
			await page.locator(`a[href$="/teacher/classes/${classId}/assign"]`).click();
			await expect(page).toHaveURL(new RegExp(`/teacher/classes/${classId}/assign$`));

			const title = `${ui === 'ar' ? 'اختبار المكتبة' : 'Library test'} ${Date.now()}`;
			const form = page.locator('form[action="?/assign"]');
			await form.locator('input[name=title]').fill(title);
			await form.locator('select[name=article]').selectOption(SLUG);
			await form.locator('input[name=n]').fill('3');
			await form.locator('input[name=timeLimit]').fill('15');
			// closes before it opens: refused, with the message by the field, and nothing lost
			await form.locator('input[name=opensAt]').fill('2030-05-10T09:00');
			await form.locator('input[name=closesAt]').fill('2030-05-09T09:00');
			await form.locator('summary').click();
			await form.locator('input[name=types][value=single]').check();
			await form.locator('input[name=variant][value=per-student]').check();
			await form.locator('button').click();
			await expect(page.getByTestId('form-problem')).toBeVisible();
			await expect(page.locator('#closesAt-problem')).toHaveText(s.closesBeforeOpens);
			await expect(form.locator('input[name=closesAt]')).toHaveAttribute('aria-invalid', 'true');
			await expect(form.locator('input[name=title]')).toHaveValue(title);
			await expect(form.locator('select[name=article]')).toHaveValue(SLUG);
			await expect(form.locator('input[name=n]')).toHaveValue('3');
			await expect(form.locator('input[name=timeLimit]')).toHaveValue('15');
			await expect(form.locator('input[name=opensAt]')).toHaveValue('2030-05-10T09:00');
			await expect(form.locator('input[name=types][value=single]')).toBeChecked();
			await expect(form.locator('input[name=variant][value=per-student]')).toBeChecked();

			// fixed: stored, and the class page lists it
			await form.locator('input[name=closesAt]').fill('2030-05-11T09:00');
			await form.locator('button').click();
			await expect(page).toHaveURL(new RegExp(`/teacher/classes/${classId}\\?assigned=`));
			await expect(page.getByRole('status')).toContainText(title);
			const row = page.getByTestId('assignments').locator('tbody tr');
			await expect(row).toHaveCount(1);
			await expect(row.locator('th')).toContainText(title);
			await expect(row.locator('[data-schedule]')).toHaveText(s.upcoming);

			const stored = await handle.db
				.selectFrom('assignment')
				.select(['spec'])
				.where('class_id', '=', classId)
				.executeTakeFirstOrThrow();
			const spec = JSON.parse(stored.spec);
			expect(spec).toMatchObject({
				title,
				article: SLUG,
				n: 3,
				mode: 'test',
				timeLimit: 15,
				types: ['single'],
				variant: 'per-student',
				attemptsAllowed: 1,
				late: 'refuse',
				release: 'after-close'
			});
			expect(spec.closesAt - spec.opensAt).toBe(24 * 60 * 60 * 1000);

			// the link leads to the results page
			const href = await row.locator('th a').getAttribute('href');
			expect(href).toMatch(/\/teacher\/assignments\/[\w-]+$/);
		});
	}

	test('an empty form is refused with a message, never a 500', async ({ page, baseURL }) => {
		await page.context().addCookies([{ name: 'ui', value: 'en', url: baseURL! }]);
		const classId = await seedClass('Empty form');
		await page.goto(`/teacher/classes/${classId}/assign`);
		await page.locator('form[action="?/assign"] button').click();
		await expect(page.getByTestId('form-problem')).toBeVisible();
		await expect(page.locator('#title-problem')).toHaveText(STRINGS.en.required);
		await expect(page.locator('#article-problem')).toBeVisible();
	});

	for (const ui of ['en', 'ar'] as const) {
		test(`fewer questions match than it asks for: refused by the field, nothing lost (${ui})`, async ({
			page,
			baseURL
		}) => {
			await page.context().addCookies([{ name: 'ui', value: ui, url: baseURL! }]);
			const classId = await seedClass('Too few');
			await page.goto(`/teacher/classes/${classId}/assign`);
			await page.waitForLoadState('networkidle');
			const form = page.locator('form[action="?/assign"]');
			await form.locator('input[name=title]').fill('Only true or false');
			await form.locator('select[name=article]').selectOption(SLUG);
			await form.locator('input[name=n]').fill('3');
			// opening later: an open test would hide its question from the other specs' practice
			await form.locator('input[name=opensAt]').fill('2030-05-10T09:00');
			await form.locator('summary').click();
			// the article has one true/false question
			await form.locator('input[name=types][value=truefalse]').check();
			await form.locator('button').click();
			await expect(page.getByTestId('form-problem')).toBeVisible();
			await expect(page.locator('#n-problem')).toContainText(
				ui === 'ar' ? 'سؤال واحد' : '1 question'
			);
			await expect(form.locator('input[name=n]')).toHaveAttribute('aria-invalid', 'true');
			await expect(form.locator('input[name=n]')).toHaveValue('3');
			await expect(form.locator('input[name=title]')).toHaveValue('Only true or false');
			await expect(form.locator('input[name=types][value=truefalse]')).toBeChecked();
			// asking for one is fine
			await form.locator('input[name=n]').fill('1');
			await form.locator('button').click();
			await expect(page).toHaveURL(new RegExp(`/teacher/classes/${classId}\\?assigned=`));
		});
	}

	test('missing, huge and wrong-typed fields get a 400, never a 500', async ({
		page,
		baseURL,
		javaScriptEnabled
	}) => {
		test.skip(!javaScriptEnabled, 'requests without a page: the js project runs them');
		const classId = await seedClass('Fuzz');
		const bodies = [
			'',
			'title=x',
			`title=${'x'.repeat(100_000)}&article=${SLUG}&n=3&mode=test&release=never`,
			`title=x&article=${SLUG}&n=abc&mode=quiz&release=sometimes&offset=7`,
			`title=x&article=no-such-article&n=3&mode=test&release=never&offset=0`,
			`title=x&article=${SLUG}&n=3&mode=test&release=never&offset=0&paragraphFrom=900`,
			`title=x&article=${SLUG}&n=3&mode=test&release=never&offset=0&types=nope&grace=99999`
		];
		// as a browser without JavaScript posts: the answer is the page, with the real status
		await page.context().addCookies([{ name: 'ui', value: 'en', url: baseURL! }]);
		const headers = { origin: new URL(baseURL!).origin, accept: 'text/html' };
		const url = `/teacher/classes/${classId}/assign?/assign`;
		const post = (data: string) =>
			page.request.post(url, {
				headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
				data,
				maxRedirects: 0
			});
		for (const body of bodies) {
			const response = await post(body);
			expect(response.status(), body.slice(0, 80)).toBe(400);
			expect(await response.text()).toContain('The assignment was not saved');
		}
		// a file where the title should be
		const file = await page.request.post(url, {
			headers,
			multipart: {
				title: { name: 'x.txt', mimeType: 'text/plain', buffer: Buffer.from('x') },
				n: '3'
			},
			maxRedirects: 0
		});
		expect(file.status()).toBe(400);
		const count = await handle.db
			.selectFrom('assignment')
			.select((eb) => eb.fn.countAll().as('n'))
			.where('class_id', '=', classId)
			.executeTakeFirstOrThrow();
		expect(Number(count.n)).toBe(0);
	});

	test('another teacher’s class has no assign form: 404', async ({ page }) => {
		const response = await page.goto('/teacher/classes/not-a-class-of-mine/assign');
		expect(response?.status()).toBe(404);
	});

	test('axe finds nothing serious on the class page and the assign form', async ({
		page,
		javaScriptEnabled
	}) => {
		test.skip(!javaScriptEnabled, 'axe runs as a script in the page');
		// three full axe scans: slow on a busy machine
		test.slow();
		const classId = await seedClass('Axe');
		await page.goto(`/teacher/classes/${classId}/assign`);
		await page.locator('summary').click();
		expect(await axeViolations(page)).toEqual([]);
		await page.locator('form[action="?/assign"] button').click();
		await expect(page.getByTestId('form-problem')).toBeVisible();
		expect(await axeViolations(page)).toEqual([]);
		await page.goto(`/teacher/classes/${classId}`);
		expect(await axeViolations(page)).toEqual([]);
	});
});

test.describe('a teacher reads the results', () => {
	test.use({ storageState: TEACHER_STATE });

	for (const ui of ['en', 'ar'] as const) {
		test(`scores, the grid, mastery, item statistics and grades.csv (${ui})`, async ({
			page,
			baseURL,
			javaScriptEnabled
		}) => {
			const s = STRINGS[ui];
			await page.context().addCookies([{ name: 'ui', value: ui, url: baseURL! }]);
			const { classId, assignmentId } = await seedResults();

			// the class page links to the results
			await page.goto(`/teacher/classes/${classId}`);
			await page.locator(`a[href$="/teacher/assignments/${assignmentId}"]`).click();
			await expect(page).toHaveURL(new RegExp(`/teacher/assignments/${assignmentId}$`));
			await expect(page.locator('html')).toHaveAttribute('dir', ui === 'ar' ? 'rtl' : 'ltr');
			await expect(page.locator('h1')).toContainText(RESULTS_SPEC.title);

			// each student's counted attempt
			const row = (name: string) =>
				page.getByTestId('scores').locator('tbody tr').filter({ hasText: name });
			await expect(page.getByTestId('scores').locator('tbody tr')).toHaveCount(4);
			await expect(row('Amal').getByTestId('score')).toHaveText('4 / 4');
			await expect(row('Badr').getByTestId('score')).toHaveText('2 / 4');
			await expect(row('Badr')).toContainText('7:30');
			await expect(row('=Camil+1').getByTestId('score')).toHaveText(s.notSubmitted);
			await expect(row('Dana').getByTestId('score')).toHaveText('0 / 4');
			await expect(row('Dana').locator('.late')).toHaveText(s.late);
			await expect(page.getByTestId('submitted')).toContainText('3');

			// the grid: a verdict per student and question, in words for those who do not see signs
			const grid = page.getByTestId('grid');
			await expect(grid.locator('thead th')).toHaveCount(5);
			const cells = (name: string, verdict: string) =>
				grid.locator('tbody tr').filter({ hasText: name }).locator(`td[data-verdict=${verdict}]`);
			await expect(cells('Amal', 'correct')).toHaveCount(4);
			await expect(cells('Badr', 'correct')).toHaveCount(2);
			await expect(cells('Badr', 'wrong')).toHaveCount(1);
			await expect(cells('Badr', 'unanswered')).toHaveCount(1);
			await expect(cells('=Camil+1', 'none')).toHaveCount(4);
			await expect(cells('Dana', 'wrong')).toHaveCount(4);
			await expect(cells('Amal', 'correct').first().locator('.visually-hidden')).not.toBeEmpty();
			// the grid scrolls inside its own box, not the page
			expect(await grid.evaluate((table) => getComputedStyle(table.parentElement!).overflowX)).toBe(
				'auto'
			);

			// the class's mastery per paragraph, in the study map's look (p1: three answers, 2 right)
			const mastery = page.getByTestId('mastery');
			const p1 = mastery.locator('section[data-paragraph=p1]');
			await expect(p1).toHaveClass(/level-fair/);
			await expect(p1.locator('.state')).toContainText(s.threeAnswers);
			await expect(mastery.locator('section[data-paragraph=p4] .state')).toHaveCount(0);

			// item statistics: the choice question was right for one student of three
			const direction = page.getByTestId('items').locator('tr[data-question=harbour-direction]');
			await expect(direction.getByTestId('facility')).toHaveText(ui === 'ar' ? '33٪' : '33%');
			await expect(direction.getByTestId('discrimination')).not.toBeEmpty();
			const options = direction.getByTestId('options').locator('li');
			const choice = question('harbour-direction');
			if (choice.type !== 'single') throw new Error('harbour-direction is a single choice');
			await expect(options).toHaveCount(1 + choice.distractors.length);
			await expect(options.filter({ hasText: s.key })).toContainText('(1)');
			// the short answer Badr left empty counts as asked, not answered: 2 answered of 3
			await expect(
				page.getByTestId('items').locator('tr[data-question=harbour-librarian]')
			).toContainText('2 / 3');

			// the review and audit pages are a link away
			await expect(
				page.locator(`a[href$="/teacher/assignments/${assignmentId}/review"]`)
			).toBeVisible();
			await expect(
				page.locator(`a[href$="/teacher/assignments/${assignmentId}/audit"]`)
			).toBeVisible();

			if (process.env.DALIL_SCREENSHOT === '1' && ui === 'en' && javaScriptEnabled) {
				await page.setViewportSize({ width: 1100, height: 900 });
				await page.screenshot({ path: 'docs/results.png', fullPage: true });
			}

			// grades.csv: a download with the title in its name, one row per student
			const csv = page.locator('a[href$="/grades.csv"]');
			await expect(csv).toHaveAttribute('download', '');
			const response = await page.request.get(`/teacher/assignments/${assignmentId}/grades.csv`);
			expect(response.status()).toBe(200);
			expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
			expect(response.headers()['content-disposition']).toBe(
				'attachment; filename="Harbour-library-test-grades.csv"; ' +
					"filename*=UTF-8''Harbour-library-test-grades.csv"
			);
			const text = await response.text();
			const rows = parse(text.replace(/^\uFEFF/, '')) as string[][];
			expect(rows[0]).toEqual(['student', 'score', 'out of', 'percent', 'submitted at', 'late']);
			const byName = new Map(rows.slice(1).map((r) => [r[0], r.slice(1)]));
			expect(byName.size).toBe(4);
			const at = new Date(Date.UTC(2026, 2, 1, 9, 7, 30)).toISOString();
			expect(byName.get('Amal')).toEqual(['4', '4', '100', at, 'no']);
			expect(byName.get('Badr')).toEqual(['2', '4', '50', at, 'no']);
			const lateAt = new Date(Date.UTC(2026, 2, 1, 9, 25)).toISOString();
			expect(byName.get('Dana')).toEqual(['0', '4', '0', lateAt, 'yes']);
			// the formula is neutralised
			expect(byName.get("'=Camil+1")).toEqual(['', '', '', '', '']);
		});
	}

	test('another teacher’s results and grades are a 404', async ({ page }) => {
		const { assignmentId } = await seedResults(await otherTeacher(handle.db));
		const response = await page.goto(`/teacher/assignments/${assignmentId}`);
		expect(response?.status()).toBe(404);
		const csv = await page.request.get(`/teacher/assignments/${assignmentId}/grades.csv`);
		expect(csv.status()).toBe(404);
		expect(await csv.text()).not.toContain('Amal');
		expect((await page.goto('/teacher/assignments/no-such-assignment'))?.status()).toBe(404);
	});

	test('axe finds nothing serious on the results page', async ({ page, javaScriptEnabled }) => {
		test.skip(!javaScriptEnabled, 'axe runs as a script in the page');
		// two full axe scans of a long page: slow on a busy machine
		test.slow();
		const { assignmentId } = await seedResults();
		for (const ui of ['ar', 'en']) {
			await page.goto(`/teacher/assignments/${assignmentId}?ui=${ui}`);
			expect(await axeViolations(page)).toEqual([]);
		}
	});
});

test('signed out, the results page and grades.csv redirect to sign-in', async ({ request }) => {
	for (const path of ['/teacher/assignments/x', '/teacher/assignments/x/grades.csv']) {
		const response = await request.get(path, { maxRedirects: 0 });
		expect(response.status(), path).toBe(303);
		expect(response.headers().location, path).toMatch(/^\/teacher\/sign-in/);
	}
});
