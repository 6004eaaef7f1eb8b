/**
 * Two server processes on one PostgreSQL (issue 13): nothing that matters stays in one process's
 * memory. Two server processes (as `npm start` serves the build) on a fresh database (started together, so they also race to
 * migrate it) serve one browser's requests alternately, as a load balancer would: a teacher signs
 * up on A and creates a class on B; a student joins on A, the teacher sees them on B's roster and
 * renames them on A, the student sees the new name on B; the student saves quiz answers on B,
 * reloads on A, submits on A and reads the results on B; the check limit counts posts to both.
 *
 * Runs in the "pg" project only (playwright.config.ts); without PostgreSQL it fails, by name.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	createDatabase,
	dropDatabase,
	ensurePostgres,
	uniqueDatabaseName
} from '../../scripts/ensure-postgres.js';
import { freePort } from '../../src/lib/server/bench/http';
import { RATE_LIMITS } from '../../src/lib/server/rate-limit';
import { waitForWindowRoom } from './fixtures/limits';
import { endServer, spawnServer, type ServerProcess } from './fixtures/server';

const slug = 'sarraj-africom-zuwara';
/** Checks allowed per address and minute on both servers together. */
const CHECK_LIMIT = 4;

/** Serves the build on `port` and the database, as its own origin. */
const startServer = (port: number, databaseUrl: string) =>
	spawnServer({
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: `http://127.0.0.1:${port}`,
		DATABASE_URL: databaseUrl,
		DALIL_QUIZ_CHECK_LIMIT: String(CHECK_LIMIT)
	});

let admin = '';
let database = '';
let servers: ServerProcess[] = [];
let A = '';
let B = '';

test.beforeAll(async () => {
	test.setTimeout(120_000);
	admin = await ensurePostgres();
	database = uniqueDatabaseName('dalil_e2e_two');
	const url = await createDatabase(admin, database);
	const [portA, portB] = [await freePort(), await freePort()];
	servers = await Promise.all([startServer(portA, url), startServer(portB, url)]);
	A = `http://127.0.0.1:${portA}`;
	B = `http://127.0.0.1:${portB}`;
});

test.afterAll(async () => {
	await Promise.all(servers.map((server) => endServer(server, 'SIGKILL')));
	if (database) await dropDatabase(admin, database);
});

/** Posts a page's form by its button, without JavaScript, and waits for the answer. */
async function submit(page: Page, button: string) {
	await Promise.all([page.waitForLoadState('load'), page.locator(button).click()]);
}

test('a teacher and a student, their requests alternating between two servers', async ({
	browser
}) => {
	test.setTimeout(120_000);
	// one browser each, no JavaScript: every step is a plain request to the server named
	const teacherContext = await browser.newContext({ javaScriptEnabled: false });
	const studentContext = await browser.newContext({ javaScriptEnabled: false });
	for (const c of [teacherContext, studentContext]) {
		await c.addCookies([{ name: 'ui', value: 'en', domain: '127.0.0.1', path: '/' }]);
	}
	const teacher = await teacherContext.newPage();
	const student = await studentContext.newPage();

	// the teacher: the first account, on A
	await teacher.goto(`${A}/teacher`);
	await expect(teacher).toHaveURL(/\/teacher\/sign-up/);
	await teacher.locator('input[name=name]').fill('Two Servers');
	await teacher.locator('input[name=email]').fill('two@example.org');
	await teacher.locator('input[name=password]').fill('a long test password');
	await submit(teacher, 'main form button');
	await expect(teacher).toHaveURL(/\/teacher(\/classes)?$/);

	// … signed in on B too, where the class is created
	await teacher.goto(`${B}/teacher/classes`);
	await teacher.locator('form[action="?/create"] input[name=name]').fill('Grade 5 on two servers');
	await submit(teacher, 'form[action="?/create"] button');
	await expect(teacher).toHaveURL(new RegExp(`^${B}/teacher/classes/[\\w-]+$`));
	const classPath = new URL(teacher.url()).pathname;
	const code = (await teacher.getByTestId('join-code').textContent())!.trim();

	// the student joins on A; the teacher sees them on B's roster, renames them on A
	await student.goto(`${A}/join?code=${code}`);
	await student.locator('input[name=name]').fill('Sara');
	await submit(student, 'main form button');
	await expect(student).toHaveURL(`${A}/student`);
	await teacher.goto(`${B}${classPath}`);
	await expect(teacher.locator('form[action="?/rename"] input[name=name]')).toHaveValue('Sara');
	await teacher.goto(`${A}${classPath}`);
	await teacher.locator('form[action="?/rename"] input[name=name]').fill('Sara H.');
	await submit(teacher, 'form[action="?/rename"] button');
	await student.goto(`${B}/student`);
	await expect(student.locator('main')).toContainText('Sara H.');
	await expect(student.locator('main')).toContainText('Grade 5 on two servers');

	// a practice quiz: saved on B, found on A after a reload, submitted on A, results on B
	const quiz = `/quiz/${slug}?n=3&seed=two1&mode=practice`;
	await student.goto(`${B}${quiz}`);
	const first = student.locator('fieldset.question').first();
	const input = first.locator('input[type=text], input[type=radio]').first();
	const isText = (await input.getAttribute('type')) === 'text';
	if (isText) await input.fill('an answer saved on B');
	else await input.check();
	await submit(student, '.end button.secondary');
	await expect(student.locator('[role=status]').first()).toContainText('saved');
	await student.goto(`${A}${quiz}`);
	const again = student.locator('fieldset.question').first();
	if (isText) {
		await expect(again.locator('input[type=text]').first()).toHaveValue('an answer saved on B');
	} else {
		await expect(again.locator('input[type=radio]').first()).toBeChecked();
	}
	await expect(student.locator('.meta')).toContainText('1 of 3');
	await submit(student, 'button[formaction$="/submit"]');
	await expect(student).toHaveURL(new RegExp(`^${A}/quiz/${slug}/results/`));
	const results = new URL(student.url()).pathname;
	const onB = await student.goto(`${B}${results}`);
	expect(onB?.status()).toBe(200);
	await expect(student.locator('.summary')).toBeVisible();

	// the check limit is one count in the database: posts to A and B add up, the next is a 429
	const check = `${quiz.replace('two1', 'two2')}&/check`;
	const statuses: number[] = [];
	// the posts in one window of the limit (per address and minute)
	await waitForWindowRoom(RATE_LIMITS.quizCheck.windowMs, 10_000);
	for (let i = 0; i <= CHECK_LIMIT; i++) {
		const server = i % 2 === 0 ? A : B;
		const response = await studentContext.request.post(`${server}${check}`, {
			headers: { origin: server, accept: 'text/html' },
			form: { _check: 'none' }
		});
		statuses.push(response.status());
		if (i === CHECK_LIMIT) {
			expect(await response.text()).toContain('Too many attempts in a short time');
		}
	}
	expect(statuses.slice(0, CHECK_LIMIT).every((s) => s < 400)).toBe(true);
	expect(statuses[CHECK_LIMIT]).toBe(429);

	await teacherContext.close();
	await studentContext.close();
});
