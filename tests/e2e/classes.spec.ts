/**
 * Classes (issue 13), JavaScript on and off, in Arabic and English: the signed-in teacher creates a
 * class; two students join it from their own browsers (by link, and by typing the code) and see it
 * on their home page; the teacher sees both on the roster, renames one and hands out a re-entry
 * link. Signed-out requests to teacher pages are sent to sign-in; cross-site posts are refused;
 * malformed fields get a 400 with a message, never a 500.
 */
import { expect, test } from '@playwright/test';
import { createAssignment } from '../../src/lib/server/assignments';
import { loadBank } from '../../src/lib/server/bank';
import { RATE_LIMITS } from '../../src/lib/server/rate-limit';
import { roster } from '../../src/lib/server/classes';
import {
	assignmentSpec,
	device,
	openServerDatabase,
	seedClass,
	seedStudent
} from './fixtures/assignments';
import { waitForWindowRoom } from './fixtures/limits';
import { pathOf, routes } from './fixtures/routes';
import { TEACHER_STATE } from './fixtures/teacher';

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
			const context = await device(browser, javaScriptEnabled, ui, baseURL!);
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
		const fresh = await device(browser, javaScriptEnabled, ui, baseURL!);
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

test('signed out, every teacher page, action and export redirects to sign-in and tells nothing', async ({
	request,
	baseURL,
	javaScriptEnabled
}) => {
	test.skip(!javaScriptEnabled, 'requests without a page: the js project runs them');
	const handle = await openServerDatabase(baseURL!);
	const stamp = Date.now();
	const secrets = [`Secret class ${stamp}`, `Secret student ${stamp}`, `Secret test ${stamp}`];
	let classId = '';
	try {
		const made = await seedClass(handle.db, { name: secrets[0] });
		classId = made.classId;
		await seedStudent(handle.db, classId, secrets[1]);
		// closed an hour ago: a test that is open would hide its questions from public practice
		const assignmentId = await createAssignment(
			handle.db,
			classId,
			assignmentSpec({
				title: secrets[2],
				article: loadBank('questions').articles[0].slug,
				opensAt: stamp - 2 * 3600_000,
				closesAt: stamp - 3600_000
			})
		);
		secrets.push(made.joinCode);
		// every route under /teacher but the two that are for signed-out teachers
		const teacherRoutes = routes().filter(
			(r) => /^\/teacher(\/|$)/.test(r.id) && !/^\/teacher\/sign-(in|up)$/.test(r.id)
		);
		const ids = teacherRoutes.map((r) => r.id);
		for (const id of [
			'/teacher/classes/[id]/assign',
			'/teacher/assignments/[id]/review',
			'/teacher/assignments/[id]/audit',
			'/teacher/assignments/[id]/grades.csv',
			'/teacher/export/file'
		]) {
			expect(ids, 'the sweep reaches every kind of teacher route').toContain(id);
		}
		const valueOf = (name: string, route: string) =>
			name !== 'id' ? undefined : route.includes('/classes/') ? classId : assignmentId;
		const sent: string[] = [];
		for (const route of teacherRoutes) {
			const path = pathOf(route.id, valueOf);
			const requests = [
				() => request.get(path, { maxRedirects: 0 }),
				...route.actions.flatMap((action) =>
					['text/html', 'application/json'].map(
						(accept) => () =>
							request.post(`${path}?/${action}`, {
								headers: { origin: new URL(baseURL!).origin, accept },
								form: { name: 'x', student: 'x', question: 'x', verdict: 'correct' },
								maxRedirects: 0
							})
					)
				)
			];
			for (const [i, send] of requests.entries()) {
				const what = `${path} ${i === 0 ? 'GET' : `POST ?/${route.actions[(i - 1) >> 1]}`}`;
				const response = await send();
				const body = await response.text();
				if (i % 2 === 0 && i > 0) {
					// a script's post (use:enhance) gets the redirect as an action result
					expect(response.status(), `${what} (JSON)`).toBe(200);
					expect(JSON.parse(body), `${what} (JSON)`).toMatchObject({
						type: 'redirect',
						location: expect.stringMatching(/^\/teacher\/sign-in\?next=/)
					});
				} else {
					expect(response.status(), what).toBe(303);
					expect(response.headers().location, what).toMatch(/^\/teacher\/sign-in\?next=/);
				}
				for (const secret of secrets) expect(body, what).not.toContain(secret);
				sent.push(what);
			}
		}
		// the pages, endpoints and actions of the teacher: more than the two handfuls of before
		expect(sent.length).toBeGreaterThan(20);
	} finally {
		if (classId) {
			await handle.db.deleteFrom('assignment').where('class_id', '=', classId).execute();
		}
		await handle.close();
	}
});

test('another teacher’s class is a 404, not a page', async ({ browser, javaScriptEnabled }) => {
	const teacher = await browser.newContext({ javaScriptEnabled, storageState: TEACHER_STATE });
	const page = await teacher.newPage();
	const response = await page.goto('/teacher/classes/not-a-class-of-mine');
	expect(response?.status()).toBe(404);
	await teacher.close();
});

test('a cross-site post to a teacher’s or a student’s action is refused and does nothing', async ({
	playwright,
	request,
	baseURL,
	javaScriptEnabled
}) => {
	test.skip(!javaScriptEnabled, 'requests without a page: the js project runs them');
	const handle = await openServerDatabase(baseURL!);
	const teacher = await playwright.request.newContext({ baseURL, storageState: TEACHER_STATE });
	try {
		const { classId, joinCode } = await seedClass(handle.db);
		const name = `Cross-site ${Date.now()}`;
		const evil = {
			origin: 'https://evil.example',
			'content-type': 'application/x-www-form-urlencoded'
		};
		// the teacher's session rides along, as it would from another site's form
		const create = await teacher.post('/teacher/classes?/create', {
			headers: evil,
			data: `name=${encodeURIComponent(name)}`,
			maxRedirects: 0
		});
		expect(create.status()).toBe(403);
		const made = await handle.db
			.selectFrom('class')
			.select('id')
			.where('name', '=', name)
			.execute();
		expect(made, 'no class was made').toEqual([]);
		const joined = await request.post('/join?/join', {
			headers: evil,
			data: `code=${joinCode}&name=${encodeURIComponent(name)}`,
			maxRedirects: 0
		});
		expect(joined.status()).toBe(403);
		expect(await roster(handle.db, classId), 'nobody joined').toEqual([]);
		// the same posts from the site itself do what they say
		const same = { ...evil, origin: new URL(baseURL!).origin, accept: 'text/html' };
		const joinedHere = await request.post('/join?/join', {
			headers: same,
			data: `code=${joinCode}&name=${encodeURIComponent(name)}`,
			maxRedirects: 0
		});
		expect(joinedHere.status()).toBe(303);
		expect(await roster(handle.db, classId)).toHaveLength(1);
	} finally {
		await teacher.dispose();
		await handle.close();
	}
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
	// the eleven posts in one window of the limit (10 per address and e-mail)
	await waitForWindowRoom(RATE_LIMITS.signIn.windowMs, 10_000);
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
