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
import pg from 'pg';
import { databaseUrl, ensurePostgres } from '../../scripts/ensure-postgres.js';
import {
	databaseConfig,
	migrateToLatest,
	openDatabase,
	type DatabaseConfig,
	type DatabaseHandle
} from '../../src/lib/server/db';
import { newId, newJoinCode } from '../../src/lib/server/db/ids';
import { TEACHER, TEACHER_STATE } from './fixtures/teacher';

const SLUG = 'harbour-library';

// Opened in beforeAll, not at import: with fullyParallel a worker may run beforeAll/afterAll
// around each test of this file in turn, and a handle closed by the first afterAll is gone.
let handle: DatabaseHandle;
test.beforeAll(async ({ baseURL }) => {
	handle = openDatabase(await serverDatabase(baseURL!));
	await migrateToLatest(handle.db);
});
test.afterAll(async () => handle.close());

/**
 * The database of the server under test: the config's SQLite file, or, for the pg projects'
 * server (127.0.0.2), the fresh PostgreSQL database scripts/e2e-postgres-server.js made for it
 * (named after its port and start time; older ones are dropped when it starts).
 */
async function serverDatabase(baseURL: string): Promise<DatabaseConfig> {
	const { hostname, port } = new URL(baseURL);
	if (hostname !== '127.0.0.2') return databaseConfig(process.env);
	const admin = await ensurePostgres();
	const client = new pg.Client({ connectionString: admin });
	await client.connect();
	try {
		const { rows } = await client.query<{ datname: string }>(
			'select datname from pg_database where datname like $1 order by datname desc limit 1',
			[`dalil\\_e2e\\_${port}\\_%`]
		);
		if (!rows[0]) throw new Error(`no PostgreSQL database of the server on port ${port}`);
		return { dialect: 'postgres', url: databaseUrl(admin, rows[0].datname) };
	} finally {
		await client.end();
	}
}

async function teacherId(): Promise<string> {
	const row = await handle.db
		.selectFrom('user')
		.select('id')
		.where('email', '=', TEACHER.email)
		.executeTakeFirstOrThrow();
	return row.id;
}

/** A class of the test teacher, stored straight into the database. */
async function seedClass(name: string): Promise<string> {
	const id = `e2e-${newId()}`;
	await handle.db
		.insertInto('class')
		.values({
			id,
			teacher_id: await teacherId(),
			name,
			join_code: newJoinCode(),
			created_at: Date.now()
		})
		.execute();
	return id;
}

const STRINGS = {
	en: {
		closesBeforeOpens: 'It must close after it opens.',
		required: 'Please fill this in.',
		open: 'Open',
		upcoming: 'Not open yet'
	},
	ar: {
		closesBeforeOpens: 'يجب أن يُغلق بعد أن يُفتح.',
		required: 'يُرجى ملء هذا الحقل.',
		open: 'مفتوح',
		upcoming: 'لم يُفتح بعد'
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
