/**
 * What a user types into a form before the page has hydrated is still there once it has: the
 * page's JavaScript is held back while the fields are filled, then let through. (Fields set from
 * the server's values with `value=` were set back to those by hydration: a student's name on the
 * join page, a teacher's e-mail at sign-in, the title of an assignment. They take the server's
 * value as their default instead.)
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
});
