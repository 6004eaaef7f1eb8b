/**
 * What a teacher types into the sign-in form before the page has hydrated is still there once it
 * has: the page's JavaScript is held back while the fields are filled, then let through. (The
 * form's fields were set from the server's values, and hydration set them back to those: empty.)
 */
import { expect, test } from '@playwright/test';

// a service worker would answer the page's scripts itself, past the held route
test.use({ serviceWorkers: 'block' });

test('values typed before hydration survive it, and are what the enhanced form posts', async ({
	page,
	javaScriptEnabled
}, testInfo) => {
	test.skip(!javaScriptEnabled, 'without JavaScript there is no hydration to survive');
	const email = `hydration-${testInfo.project.name}@example.org`;
	const password = 'typed before the scripts ran';

	let release = () => {};
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**', async (route) => {
		await released;
		await route.continue();
	});
	await page.goto('/teacher/sign-in', { waitUntil: 'domcontentloaded' });
	const emailField = page.locator('main input[name=email]');
	await emailField.fill(email);
	await page.locator('main input[name=password]').fill(password);

	release();
	await page.waitForLoadState('networkidle');
	await expect(emailField).toHaveValue(email);

	// the post is use:enhance's (so the page had hydrated before it), and carries what was typed
	// (an emptied e-mail field, being required, would not be posted at all)
	const posted = page.waitForRequest((r) => r.method() === 'POST');
	await page.locator('main form button').click();
	const request = await posted;
	expect(request.headers()['x-sveltekit-action']).toBe('true');
	const body = new URLSearchParams(request.postData() ?? '');
	expect(body.get('email')).toBe(email);
	expect(body.get('password')).toBe(password);
	await expect(page.getByRole('alert')).toBeVisible();
	await expect(emailField).toHaveValue(email);
});
