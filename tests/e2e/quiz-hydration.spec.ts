/**
 * What a student types or chooses on a quiz page before it has hydrated is still there once it
 * has (a phone on a slow link shows the form long before its scripts run): the page's JavaScript
 * is held back while the answers are given, then let through. The fields were set from the
 * server's answers (none yet), and hydration set them back to those.
 */
import { expect, test } from '@playwright/test';
import { loadBank } from '../../src/lib/server/bank';

const slug = 'sarraj-africom-zuwara';
const article = loadBank('questions').articles.find((a) => a.slug === slug)!;

// a service worker would answer the page's scripts itself, past the held route
test.use({ serviceWorkers: 'block' });

test('answers given before hydration survive it, and are what Check posts', async ({
	page,
	javaScriptEnabled
}) => {
	test.skip(!javaScriptEnabled, 'without JavaScript there is no hydration to survive');
	const short = article.questions.find((q) => q.type === 'short' && !q.assessment)!;
	const single = article.questions.find((q) => q.type === 'single' && !q.assessment)!;
	const truefalse = article.questions.find((q) => q.type === 'truefalse' && !q.assessment)!;
	if (short.type !== 'short' || single.type !== 'single' || truefalse.type !== 'truefalse') {
		throw new Error('bank changed');
	}
	let release = () => {};
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**', async (route) => {
		await released;
		await route.continue();
	});
	const ids = [short.id, single.id, truefalse.id].join(',');
	await page.goto(`/quiz/${slug}?seed=hydrate1&mode=practice&ids=${ids}&ui=en`, {
		waitUntil: 'domcontentloaded'
	});
	const field = page.locator(`#q-${short.id} input[type=text]`);
	await field.fill(short.answer);
	const option = page.locator(`#q-${single.id} input[value="${single.answer.text}"]`);
	await option.check();
	const tf = page.locator(`#q-${truefalse.id} input[value="${String(truefalse.answer)}"]`);
	await tf.check();

	release();
	await page.waitForLoadState('networkidle');
	await expect(field).toHaveValue(short.answer);
	await expect(option).toBeChecked();
	await expect(tf).toBeChecked();

	// the check is use:enhance's (the page had hydrated), and grades what was typed
	const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().includes('check'));
	await page.locator(`#q-${short.id} button[name="_check"]`).click();
	expect((await posted).headers()['x-sveltekit-action']).toBe('true');
	await expect(page.locator(`#q-${short.id} .feedback .verdict`)).toContainText('Correct');
	await expect(field).toHaveValue(short.answer);
	await expect(option).toBeChecked();
});

test('evidence words marked before hydration stay marked once it has', async ({
	page,
	javaScriptEnabled
}) => {
	test.skip(!javaScriptEnabled, 'without JavaScript there is no hydration to survive');
	const evidence = article.questions.find((q) => q.type === 'evidence' && !q.assessment)!;
	let release = () => {};
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**', async (route) => {
		await released;
		await route.continue();
	});
	await page.goto(`/quiz/${slug}?seed=hydrate2&mode=practice&ids=${evidence.id}&ui=en`, {
		waitUntil: 'domcontentloaded'
	});
	// a word is marked by a tap on it (its checkbox is hidden inside it)
	const words = page.locator(`#q-${evidence.id} .evidence p`).first().locator('label');
	const box = (i: number) => words.nth(i).locator('input');
	await words.nth(2).click();
	await words.nth(4).click();
	await expect(box(2)).toBeChecked();

	release();
	await page.waitForLoadState('networkidle');
	await expect(box(2)).toBeChecked();
	await expect(box(4)).toBeChecked();
	await expect(box(3)).not.toBeChecked();
	// the control took them in: the phrase it says runs from the first to the last
	await expect(page.locator(`#q-${evidence.id} [id$="-phrase"]`)).not.toBeEmpty();
});
