/**
 * The Kit way (issue 12): pages with nothing to operate are rendered on the server only and ship
 * no JavaScript, yet work; the quiz page, which has something to operate, still hydrates. The
 * article and quiz pages show the article's own source and date as a reader expects, in both
 * interface languages, and no internal file name.
 */
import { expect, test, type Page } from '@playwright/test';
import { TEACHER_STATE } from './fixtures/teacher';

const slug = 'sarraj-africom-zuwara';

/** The app's JavaScript a page asks for: module scripts, preloads, and .js files fetched. */
async function shippedScripts(page: Page, path: string) {
	const fetched: string[] = [];
	page.on('request', (r) => {
		if (r.resourceType() === 'script' || r.url().endsWith('.js')) fetched.push(r.url());
	});
	const response = await page.goto(path);
	expect(response?.status()).toBe(200);
	await page.waitForLoadState('networkidle');
	return {
		scripts: await page.locator('script').count(),
		preloads: await page.locator('link[rel="modulepreload"]').count(),
		fetched
	};
}

/** Asserts a page carries no JavaScript of the app at all. */
async function expectNoJavaScript(page: Page, path: string) {
	const shipped = await shippedScripts(page, path);
	expect(shipped, path).toEqual({ scripts: 0, preloads: 0, fetched: [] });
}

/** Finishes a short practice quiz (no answers needed) and returns its results page's path. */
async function resultsPage(page: Page): Promise<string> {
	await page.goto(`/quiz/${slug}?n=2&seed=kit-results&ui=en`);
	await page.getByRole('button', { name: 'Finish and see results' }).click();
	await expect(page).toHaveURL(/\/results\//);
	return new URL(page.url()).pathname;
}

test.describe('pages with nothing to operate', () => {
	test('the quiz page has something to operate: it ships its JavaScript', async ({
		page
	}, testInfo) => {
		test.skip(testInfo.project.name !== 'js', 'what the page asks for, not what it runs');
		const shipped = await shippedScripts(page, `/quiz/${slug}?n=2&seed=kit-js`);
		expect(shipped.scripts).toBeGreaterThan(0);
		expect(shipped.preloads).toBeGreaterThan(0);
		expect(shipped.fetched.length).toBeGreaterThan(0);
	});

	test('home and article ship no JavaScript, and their links and form still work', async ({
		page
	}) => {
		await expectNoJavaScript(page, '/?ui=en');
		await page.locator(`a[href$="articles/${slug}"]`).click();
		await expect(page).toHaveURL(new RegExp(`/articles/${slug}`));
		await expectNoJavaScript(page, `/articles/${slug}?ui=en`);
		// the builder is a plain GET form: the browser alone makes the quiz link
		const builder = page.locator('form.builder');
		await builder.getByLabel('Number of questions').fill('3');
		await builder.getByRole('button', { name: 'Make the quiz' }).click();
		await expect(page).toHaveURL(/\/quiz\/[^?]+\?n=3&/);
		await expect(page.locator('fieldset.question')).toHaveCount(3);
	});

	test('the article builder asks for no seed: each quiz it makes is a new variant', async ({
		page
	}) => {
		// issue 17, no jargon: the seed is the quiz link's business, not a field of the form
		await page.goto(`/articles/${slug}?ui=en`);
		await expect(page.locator('form.builder input[name="seed"]')).toHaveCount(0);
		await expect(page.locator('form.builder')).not.toContainText(/seed/i);
	});

	test('the results page ships no JavaScript, and its links work', async ({ page }) => {
		const results = await resultsPage(page);
		await expectNoJavaScript(page, results);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Results');
		await page.getByRole('link', { name: 'Another variant' }).click();
		await expect(page).toHaveURL(new RegExp(`/quiz/${slug}\\?`));
		await expect(page.locator('fieldset.question').first()).toBeVisible();
	});

	test.describe('teacher reports', () => {
		test.use({ storageState: TEACHER_STATE });

		test('the bank check ships no JavaScript, and lists every article', async ({ page }) => {
			await expectNoJavaScript(page, '/teacher/check?ui=en');
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expect(page.locator(`section#${slug} h2`)).toBeVisible();
		});

		test('the export report ships no JavaScript, and its download still works', async ({
			page
		}) => {
			await expectNoJavaScript(page, '/teacher/export?format=gift&type=single&ui=en');
			await expect(page.getByTestId('exported-count')).not.toHaveText('0');
			const [download] = await Promise.all([
				page.waitForEvent('download'),
				page.locator('a.button[download]').click()
			]);
			expect(download.suggestedFilename()).toMatch(/\.gift\.txt$/);
		});
	});
});

test.describe("the article's own source and date", () => {
	const formatted = (locale: string, iso: string) =>
		new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
			new Date(`${iso}T00:00:00Z`)
		);

	/** No internal name of the bank shows: the seed's file, the article's file, its folder. */
	async function expectNoFileNames(page: Page) {
		const text = await page.locator('main').innerText();
		expect(text).not.toContain('000_f97915f1e9b9772c');
		expect(text).not.toContain('article.md');
		expect(text).not.toContain('questions/');
	}

	for (const locale of ['ar', 'en'] as const) {
		test(`the article page, interface in ${locale}`, async ({ page }) => {
			await page.goto(`/articles/${slug}?ui=${locale}`);
			const date = page.locator('.meta time');
			await expect(date).toHaveAttribute('datetime', '2020-06-22');
			await expect(date).toHaveText(formatted(locale, '2020-06-22'));
			await expect(page.locator('.meta')).toContainText('بأسلوب وكالة فرانس برس');
			await expectNoFileNames(page);

			// an English article, the same way
			await page.goto(`/articles/harbour-library?ui=${locale}`);
			await expect(page.locator('.meta time')).toHaveText(formatted(locale, '2025-03-16'));
		});

		test(`the quiz page, interface in ${locale}`, async ({ page }) => {
			await page.goto(`/quiz/${slug}?n=2&seed=kit-credit&ui=${locale}`);
			const credit = page.locator('.credit');
			await expect(credit.locator('time')).toHaveAttribute('datetime', '2020-06-22');
			await expect(credit.locator('time')).toHaveText(formatted(locale, '2020-06-22'));
			await expect(credit).toContainText('بأسلوب وكالة فرانس برس');
			await expectNoFileNames(page);
		});
	}
});
