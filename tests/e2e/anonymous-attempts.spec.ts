/**
 * Anonymous quiz attempts (quiz links without a class), kept in the database and owned by the
 * browser that started them: a test says it is a self-test; starting a timed test again without
 * its attempt cookie resumes it (the same attempt, so the same deadline); a submission sent twice
 * counts once; another browser does not find an attempt's results, even with the link.
 */
import { expect, test } from '@playwright/test';

const slug = 'sarraj-africom-zuwara';

test('a test without a class says it is a self-test, in Arabic and English', async ({ page }) => {
	await page.goto(`/quiz/${slug}?n=3&seed=self1&mode=test&time=10`);
	await expect(page.getByText('اختبار ذاتي: لا يراه أحد غيرك')).toBeVisible();
	await page.goto(`/quiz/${slug}?n=3&seed=self1&mode=test&time=10&ui=en`);
	await expect(page.getByText('A self-test: nobody else sees it')).toBeVisible();
	// practice is not a test: no such note
	await page.goto(`/quiz/${slug}?n=3&seed=self1&mode=practice&ui=en`);
	await expect(page.getByText('A self-test')).toHaveCount(0);
});

test('starting a timed test again without its attempt cookie resumes it, deadline and all', async ({
	page,
	context,
	baseURL
}) => {
	const url = `/quiz/${slug}?n=3&seed=again1&mode=test&time=10`;
	await page.goto(url);
	await page.getByRole('button', { name: 'ابدأ الاختبار' }).click();
	const attempt = page.locator('input[name="_attempt"]');
	await expect(attempt).toHaveCount(1);
	const id = await attempt.inputValue();
	// the attempt's own cookie goes (a new tab, a cleared cookie, a post made by hand)
	await context.clearCookies({ name: /^dalil_q_/ });
	const again = await page.request.post(`${url}&/start`, {
		headers: { origin: baseURL!, accept: 'text/html' },
		form: {}
	});
	expect(again.ok()).toBe(true);
	await page.goto(url);
	await expect(page.locator('input[name="_attempt"]')).toHaveValue(id);
	// without the attempt cookie at all, the page still finds the browser's open attempt
	await context.clearCookies({ name: /^dalil_q_/ });
	await page.goto(url);
	await expect(page.locator('input[name="_attempt"]')).toHaveValue(id);
});

test('an attempt’s results are its browser’s: another browser with the link gets a 404', async ({
	page,
	browser
}) => {
	await page.goto(`/quiz/${slug}?n=2&seed=own1&mode=practice&ui=en`);
	await page.getByRole('button', { name: 'Finish and see results' }).click();
	await expect(page).toHaveURL(/\/results\//);
	const results = page.url();
	const other = await browser.newContext();
	try {
		const stranger = await other.newPage();
		const response = await stranger.goto(`${results}?ui=en`);
		expect(response?.status()).toBe(404);
		await expect(stranger.getByText('These results are no longer kept.')).toBeVisible();
	} finally {
		await other.close();
	}
	// the browser that took it still sees them
	const own = await page.goto(results);
	expect(own?.status()).toBe(200);
});

test('a submission sent twice (a double click, the page posted again) counts once', async ({
	page,
	baseURL
}) => {
	const url = `/quiz/${slug}?n=2&types=short&seed=twice1&mode=test&ui=en`;
	await page.goto(url);
	// the id the page proposes for the attempt its first post starts
	const proposed = await page.locator('input[name="_attempt"]').inputValue();
	expect(proposed).toMatch(/^[A-Za-z0-9_-]{22}$/);
	const fields = await page
		.locator('form input:not([type=hidden]):not([type=radio]):not([type=checkbox])')
		.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).name));
	const form = Object.fromEntries([
		['_attempt', proposed],
		...fields.filter((name) => name && !name.startsWith('_')).map((name) => [name, 'Zuwara'])
	]);
	const submit = () =>
		page.request.post(`${url}&/submit`, {
			headers: { origin: baseURL!, accept: 'text/html' },
			form,
			maxRedirects: 0
		});
	const first = await submit();
	expect(first.status()).toBe(303);
	const results = first.headers().location;
	expect(results).toContain(`/results/${proposed}`);
	// the same post again, from the same browser: the same results, no second attempt
	const second = await submit();
	expect(second.status()).toBe(303);
	expect(second.headers().location).toBe(results);
	const own = await page.goto(results);
	expect(own?.status()).toBe(200);
});
