/**
 * Classes (issue 13), JavaScript on and off, in Arabic and English: the signed-in teacher creates a
 * class; two students join it from their own browsers (by link, and by typing the code) and see it
 * on their home page; the teacher sees both on the roster, renames one and hands out a re-entry
 * link. Signed-out requests to teacher pages are sent to sign-in; cross-site posts are refused;
 * malformed fields get a 400 with a message, never a 500.
 */
import { expect, test, type Browser } from '@playwright/test';
import { TEACHER_STATE } from './fixtures/teacher';

/** A fresh browser context (another device), in a locale. */
async function device(browser: Browser, javaScriptEnabled: boolean, ui: 'ar' | 'en') {
	const context = await browser.newContext({ javaScriptEnabled });
	await context.addCookies([{ name: 'ui', value: ui, url: 'http://127.0.0.1' }]);
	return context;
}

for (const ui of ['ar', 'en'] as const) {
	test(`a teacher creates a class and two students join it (${ui})`, async ({
		browser,
		javaScriptEnabled,
		baseURL
	}) => {
		// four browsers and a dozen page loads: more than the default 30 s on a busy machine
		test.setTimeout(120_000);
		const teacher = await browser.newContext({ javaScriptEnabled, storageState: TEACHER_STATE });
		await teacher.addCookies([{ name: 'ui', value: ui, url: baseURL! }]);
		const page = await teacher.newPage();
		await page.goto('/teacher/classes');
		await expect(page.locator('html')).toHaveAttribute('dir', ui === 'ar' ? 'rtl' : 'ltr');
		const name = `${ui === 'ar' ? 'الصف الخامس' : 'Grade 5'} ${Date.now()}`;
		await page.locator('form[action="?/create"] input[name=name]').fill(name);
		await page.locator('form[action="?/create"] button').click();
		await expect(page).toHaveURL(/\/teacher\/classes\/[\w-]+$/);
		await expect(page.locator('h1')).toHaveText(name);
		const code = (await page.getByTestId('join-code').textContent())!.trim();
		expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTWXY]{6}$/);

		// student 1 opens the join link; student 2 types the code (in lower case, with a space)
		const names = ui === 'ar' ? ['سارة', 'عمر'] : ['Sara', 'Omar'];
		for (const [i, student] of names.entries()) {
			const context = await device(browser, javaScriptEnabled, ui);
			await context.addCookies([{ name: 'ui', value: ui, url: baseURL! }]);
			const s = await context.newPage();
			if (i === 0) await s.goto(`/join?code=${code}`);
			else await s.goto('/join');
			// typing before the page hydrates can lose what was typed: wait for it
			if (javaScriptEnabled) await s.waitForLoadState('networkidle');
			if (i === 1) {
				await s
					.locator('input[name=code]')
					.fill(`${code.slice(0, 3)} ${code.slice(3)}`.toLowerCase());
			}
			await s.locator('input[name=name]').fill(student);
			await s.locator('main form button').click();
			await expect(s).toHaveURL(/\/student$/);
			await expect(s.locator('main')).toContainText(name);
			await expect(s.locator('main')).toContainText(student);
			// the device stays signed in to its class
			await s.reload();
			await expect(s.locator('main')).toContainText(name);
			await context.close();
		}

		await page.reload();
		const roster = page.locator('ul.roster > li');
		await expect(roster).toHaveCount(2);
		const shown = [];
		for (const input of await roster.locator('input[name=name]').all()) {
			shown.push(await input.inputValue());
		}
		expect(shown.sort()).toEqual([...names].sort());

		// rename the first, then hand them a re-entry link that opens the class on a new device
		const first = roster.first();
		await first.locator('input[name=name]').fill(`${names[0]} 2`);
		await first.locator('form[action="?/rename"] button').click();
		await expect(page.getByRole('status')).toBeVisible();
		await page.locator('ul.roster > li').first().locator('form[action="?/reentry"] button').click();
		const link = await page.getByTestId('reentry-link').inputValue();
		expect(link).toMatch(/\/reenter\/[\w-]{43}$/);
		const fresh = await device(browser, javaScriptEnabled, ui);
		const again = await fresh.newPage();
		await again.goto(link);
		await again.locator('main form button').click();
		await expect(again).toHaveURL(/\/student$/);
		await expect(again.locator('main')).toContainText(name);
		// the link works once
		await again.goto(link);
		await expect(again.locator('main .error')).toBeVisible();
		await fresh.close();
		await teacher.close();
	});
}

test('signed out, every teacher page, action and export redirects to sign-in', async ({
	request
}) => {
	for (const path of [
		'/teacher',
		'/teacher/check',
		'/teacher/export',
		'/teacher/export/file?format=json',
		'/teacher/classes',
		'/teacher/classes/anything'
	]) {
		const response = await request.get(path, { maxRedirects: 0 });
		expect(response.status(), path).toBe(303);
		expect(response.headers().location, path).toMatch(/^\/teacher\/sign-in\?next=/);
	}
});

test('another teacher’s class is a 404, not a page', async ({ browser, javaScriptEnabled }) => {
	const teacher = await browser.newContext({ javaScriptEnabled, storageState: TEACHER_STATE });
	const page = await teacher.newPage();
	const response = await page.goto('/teacher/classes/not-a-class-of-mine');
	expect(response?.status()).toBe(404);
	await teacher.close();
});

test('a cross-site post is refused', async ({ request }) => {
	const response = await request.post('/join?/join', {
		headers: {
			origin: 'https://evil.example',
			'content-type': 'application/x-www-form-urlencoded'
		},
		data: 'code=ABCDEF&name=x'
	});
	expect(response.status()).toBe(403);
});

test('missing, huge and wrong-typed fields get a 400 with a message, never a 500', async ({
	request,
	baseURL,
	javaScriptEnabled
}) => {
	test.skip(!javaScriptEnabled, 'requests without a page: the js project runs them');
	const bodies: Record<string, string>[] = [
		{},
		{ code: '' },
		{ code: 'x'.repeat(100_000), name: 'y'.repeat(100_000) },
		{ code: 'ABCDEF' },
		{ code: '000000', name: 'n' },
		{ name: 'n' }
	];
	for (const [path, fields] of [
		['/join?/join', bodies],
		[
			'/teacher/sign-in?/signIn',
			[{}, { email: 'a' }, { email: 'x'.repeat(100_000), password: 'p' }]
		],
		['/teacher/sign-up?/signUp', [{}, { name: 'n', email: 'not an email', password: 'x' }]]
	] as const) {
		for (const body of fields) {
			const response = await request.post(path, {
				headers: { origin: baseURL!, accept: 'application/json', cookie: 'ui=en' },
				form: body as Record<string, string>,
				maxRedirects: 0
			});
			expect(response.status(), `${path} ${JSON.stringify(body).slice(0, 80)}`).toBeLessThan(500);
			const result = await response.json();
			expect(['failure', 'error'], JSON.stringify(result).slice(0, 200)).toContain(result.type);
		}
	}
	// a multipart body with a file where a name should be
	const response = await request.post('/join?/join', {
		headers: { origin: baseURL!, accept: 'application/json' },
		multipart: {
			code: 'ABCDEF',
			name: { name: 'x.txt', mimeType: 'text/plain', buffer: Buffer.from('x') }
		}
	});
	// an action's refusal travels as a result of type failure, with its status inside
	expect((await response.json()).status).toBe(400);
});

test('sign-in is rate-limited with a message in the interface language', async ({
	request,
	baseURL,
	javaScriptEnabled
}) => {
	test.skip(!javaScriptEnabled, 'requests without a page: the js project runs them');
	const email = `nobody-${Date.now()}@example.org`;
	let last;
	for (let i = 0; i < 11; i++) {
		last = await request.post('/teacher/sign-in?/signIn', {
			headers: { origin: baseURL!, accept: 'application/json', cookie: 'ui=en' },
			form: { email, password: 'wrong password' }
		});
	}
	const result = await last!.json();
	expect(result.status).toBe(429);
	expect(JSON.stringify(result)).toContain('Too many attempts');
});
