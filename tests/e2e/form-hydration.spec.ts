/**
 * What a user types into a form before the page has hydrated is still there once it has: the
 * page's JavaScript is held back while the fields are filled, then let through. (Fields set from
 * the server's values with `value=` were set back to those by hydration: a student's name on the
 * join page, a teacher's e-mail at sign-in, the title of an assignment, the bank's search; and
 * radio buttons, checkboxes and selects set with `checked=` or a select's `value=`, as on the assign
 * page. They take the server's value as their default instead: defaultValue, defaultChecked,
 * <option selected>.)
 */
import { expect, test, type Page } from '@playwright/test';
import type { DatabaseHandle } from '../../src/lib/server/db/connect';
import { openServerDatabase, seedClass } from './fixtures/assignments';
import { TEACHER_STATE } from './fixtures/teacher';

// a service worker would answer the page's scripts itself, past the held route
test.use({ serviceWorkers: 'block' });

let handle: DatabaseHandle;
test.beforeAll(async ({ baseURL }) => {
	handle = await openServerDatabase(baseURL!);
});
test.afterAll(async () => handle.close());

/** Holds the page's scripts back until the returned function is called. */
async function holdScripts(page: Page): Promise<() => void> {
	let release = () => {};
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**', async (route) => {
		await released;
		await route.continue();
	});
	return release;
}

/**
 * The data request of the next GET form's navigation, which only the client router makes (so the
 * page had hydrated before it): the query the form sent.
 */
async function clientGet(page: Page, submit: () => Promise<void>) {
	const fetched = page.waitForRequest((r) => r.url().includes('/__data.json'));
	await submit();
	return new URL((await fetched).url()).searchParams;
}

/** The next post, which must be use:enhance's (so the page had hydrated before it). */
async function enhancedPost(page: Page, submit: () => Promise<void>) {
	const posted = page.waitForRequest((r) => r.method() === 'POST');
	await submit();
	const request = await posted;
	expect(request.headers()['x-sveltekit-action']).toBe('true');
	return new URLSearchParams(request.postData() ?? '');
}

test('sign-in: values typed before hydration survive it, and are what the form posts', async ({
	page,
	javaScriptEnabled
}, testInfo) => {
	test.skip(!javaScriptEnabled, 'without JavaScript there is no hydration to survive');
	const email = `hydration-${testInfo.project.name}@example.org`;
	const password = 'typed before the scripts ran';

	const release = await holdScripts(page);
	await page.goto('/teacher/sign-in', { waitUntil: 'domcontentloaded' });
	const emailField = page.locator('main input[name=email]');
	await emailField.fill(email);
	await page.locator('main input[name=password]').fill(password);

	release();
	await page.waitForLoadState('networkidle');
	await expect(emailField).toHaveValue(email);

	// (an emptied e-mail field, being required, would not be posted at all)
	const body = await enhancedPost(page, () => page.locator('main form button').click());
	expect(body.get('email')).toBe(email);
	expect(body.get('password')).toBe(password);
	await expect(page.getByRole('alert')).toBeVisible();
	await expect(emailField).toHaveValue(email);
});

test('join: a code and a name typed before hydration survive it, and the class is joined', async ({
	page,
	javaScriptEnabled
}) => {
	test.skip(!javaScriptEnabled, 'without JavaScript there is no hydration to survive');
	const { joinCode } = await seedClass(handle.db, { name: 'Hydration class' });

	const release = await holdScripts(page);
	await page.goto('/join', { waitUntil: 'domcontentloaded' });
	const code = page.locator('main input[name=code]');
	const name = page.locator('main input[name=name]');
	await code.fill(joinCode);
	await name.fill('Dana');

	release();
	await page.waitForLoadState('networkidle');
	await expect(code).toHaveValue(joinCode);
	await expect(name).toHaveValue('Dana');

	const body = await enhancedPost(page, () => page.locator('main form button').click());
	expect(body.get('name')).toBe('Dana');
	await expect(page).toHaveURL(/\/student$/);
});

test.describe('a teacher', () => {
	test.use({ storageState: TEACHER_STATE });

	test('an assignment title typed before hydration survives it', async ({
		page,
		javaScriptEnabled
	}) => {
		test.skip(!javaScriptEnabled, 'without JavaScript there is no hydration to survive');
		const { classId } = await seedClass(handle.db, { name: 'Hydration class' });

		const release = await holdScripts(page);
		await page.goto(`/teacher/classes/${classId}/assign`, { waitUntil: 'domcontentloaded' });
		const title = page.locator('main input[name=title]');
		await title.fill('Typed before the scripts ran');

		release();
		await page.waitForLoadState('networkidle');
		await expect(title).toHaveValue('Typed before the scripts ran');
	});

	test('the bank filters chosen and a search typed before hydration survive it, and are searched', async ({
		page,
		javaScriptEnabled
	}) => {
		test.skip(!javaScriptEnabled, 'without JavaScript there is no hydration to survive');

		const release = await holdScripts(page);
		await page.goto('/teacher?ui=en', { waitUntil: 'domcontentloaded' });
		const filters = page.locator('form.filters');
		const search = filters.locator('input[name=q]');
		const type = filters.locator('select[name=type]');
		const skill = filters.locator('select[name=skill]');
		await search.fill('Zuwara');
		await type.selectOption('single');
		await skill.selectOption('what');

		release();
		await page.waitForLoadState('networkidle');
		await expect(search).toHaveValue('Zuwara');
		await expect(type).toHaveValue('single');
		await expect(skill).toHaveValue('what');

		const query = await clientGet(page, () =>
			filters.getByRole('button', { name: 'Apply filters' }).click()
		);
		expect(query.get('q')).toBe('Zuwara');
		expect(query.get('type')).toBe('single');
		expect(query.get('skill')).toBe('what');
		await expect(page).toHaveURL(/q=Zuwara/);
		await expect(search).toHaveValue('Zuwara');

		// and the fields still follow the page's filters: cleared, they are empty again
		await filters.getByRole('link', { name: 'Clear filters' }).click();
		await expect(page).toHaveURL(/\/teacher$/);
		await expect(search).toHaveValue('');
		await expect(type).toHaveValue('');
		await expect(skill).toHaveValue('');
	});

	test.describe('in a time zone of their own', () => {
		// UTC+3 all year: the page offers the browser's offset when no choice is remembered
		test.use({ timezoneId: 'Asia/Riyadh' });

		test('the assign form: choices made before hydration survive it, and a refusal shows them again', async ({
			page,
			javaScriptEnabled
		}) => {
			test.skip(!javaScriptEnabled, 'without JavaScript there is no hydration to survive');
			const { classId } = await seedClass(handle.db, { name: 'Hydration class' });

			const release = await holdScripts(page);
			await page.goto(`/teacher/classes/${classId}/assign?ui=en`, {
				waitUntil: 'domcontentloaded'
			});
			const form = page.locator('form.assign');
			const article = form.locator('select[name=article]');
			const offset = form.locator('select[name=offset]');
			const count = form.locator('input[name=n]');
			const practice = form.locator('input[name=mode][value=practice]');
			const never = form.locator('input[name=release][value=never]');
			const single = form.locator('input[name=types][value=single]');
			// (the title is left empty, so that the server refuses the form and sends it back)
			await article.selectOption('harbour-library');
			await offset.selectOption('60');
			await count.fill('4');
			await practice.check();
			await never.check();
			await form.locator('summary').click();
			await single.check();

			release();
			await page.waitForLoadState('networkidle');
			await expect(article).toHaveValue('harbour-library');
			await expect(offset).toHaveValue('60');
			await expect(count).toHaveValue('4');
			await expect(practice).toBeChecked();
			await expect(never).toBeChecked();
			await expect(single).toBeChecked();

			const body = await enhancedPost(page, () =>
				form.getByRole('button', { name: 'Assign' }).click()
			);
			expect(body.get('article')).toBe('harbour-library');
			expect(body.get('offset')).toBe('60');
			expect(body.get('n')).toBe('4');
			expect(body.get('mode')).toBe('practice');
			expect(body.get('release')).toBe('never');
			expect(body.getAll('types')).toEqual(['single']);

			await expect(form.locator('#title-problem')).toBeVisible();
			await expect(article).toHaveValue('harbour-library');
			await expect(offset).toHaveValue('60');
			await expect(count).toHaveValue('4');
			await expect(practice).toBeChecked();
			await expect(never).toBeChecked();
			await expect(single).toBeChecked();
		});

		test("the assign form: an offset left alone becomes the browser's", async ({
			page,
			javaScriptEnabled
		}) => {
			test.skip(!javaScriptEnabled, "the browser's offset is asked for with JavaScript");
			const { classId } = await seedClass(handle.db, { name: 'Hydration class' });
			await page.goto(`/teacher/classes/${classId}/assign?ui=en`);
			await expect(page.locator('form.assign select[name=offset]')).toHaveValue('180');
		});
	});
});
