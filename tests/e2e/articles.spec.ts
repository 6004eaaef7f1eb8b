import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';

const SEED = '../shared/seeds/000_f97915f1e9b9772c.txt';
const slug = 'sarraj-africom-zuwara';

test('home lists every article with its counts', async ({ page }) => {
	await page.goto('/?ui=en');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	// hrefs are relative in server-rendered pages (kit.paths.relative), absolute once hydrated
	const seed = page.locator(`a[href$="articles/${slug}"]`);
	await expect(seed).toHaveAttribute('lang', 'ar');
	await expect(seed).toHaveAttribute('dir', 'rtl');
	await expect(page.getByText(/12\s+paragraphs/)).toBeVisible();
	const english = page.locator('a[href$="articles/harbour-library"]');
	await expect(english).toHaveAttribute('lang', 'en');
	await expect(english).toHaveAttribute('dir', 'ltr');
});

test('the Arabic article reads right to left, numbered, with anchors', async ({
	page
}, testInfo) => {
	await page.goto(`/articles/${slug}`);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	const article = page.locator('article');
	await expect(article).toHaveAttribute('lang', 'ar');
	await expect(article).toHaveAttribute('dir', 'rtl');
	const paragraphs = article.locator('li[id^="p"]');
	await expect(paragraphs).toHaveCount(12);
	await expect(article.locator('#p3')).toContainText('زوارة');
	await expect(article.locator('#p3 a[href="#p3"]')).toHaveText('3');

	// The page shows the seed's paragraphs character for character.
	const seed = readFileSync(SEED, 'utf8')
		.split('\n\n')
		.map((p) => p.trim());
	const shown = await paragraphs.locator('p').allTextContents();
	expect(shown.map((p) => p.trim())).toEqual(seed);

	// Right to left: the first paragraph's number sits at the right of its text.
	const n = await article.locator('#p1 a.number').boundingBox();
	const text = await article.locator('#p1 p').boundingBox();
	expect(n!.x).toBeGreaterThan(text!.x);

	await page.goto(`/articles/${slug}#p11`);
	await expect(page.locator('#p11')).toBeInViewport();
	await page.screenshot({ path: testInfo.outputPath('article-ar.png'), fullPage: true });
});

test('the English article reads left to right', async ({ page }) => {
	await page.goto('/articles/harbour-library');
	const article = page.locator('article');
	await expect(article).toHaveAttribute('lang', 'en');
	await expect(article).toHaveAttribute('dir', 'ltr');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	const n = await article.locator('#p1 a.number').boundingBox();
	const text = await article.locator('#p1 p').boundingBox();
	expect(n!.x).toBeLessThan(text!.x);
});

test('a phone reads the article without sideways scrolling', async ({ page }, testInfo) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto(`/articles/${slug}`);
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	const size = await page
		.locator('#p2 p')
		.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
	expect(size).toBeGreaterThanOrEqual(16);
	await page.screenshot({ path: testInfo.outputPath('article-ar-phone.png'), fullPage: false });
});

test("the article's quiz builder makes the quiz link, and the quiz follows it", async ({
	page
}) => {
	await page.goto(`/articles/${slug}?ui=en`);
	const builder = page.locator('form.builder');
	await builder.getByLabel('Number of questions').fill('4');
	await builder.locator('input[name="mode"][value="test"]').check();
	// no seed to fill in (a new variant each time; the quiz page offers its own link to share)
	await expect(builder.locator('input[name="seed"]')).toHaveCount(0);
	// the rarer settings are folded away, and open with a click
	await expect(builder.locator('input[name="book"][value="closed"]')).toBeHidden();
	await builder.getByText('More settings').click();
	await builder.locator('input[name="book"][value="closed"]').check();
	await builder.getByRole('button', { name: 'Make the quiz' }).click();
	await expect(page).toHaveURL(new RegExp(`/quiz/${slug}\\?n=4&mode=test&.*book=closed`));
	await expect(page.locator('fieldset.question')).toHaveCount(4);
	// closed book: no text beside the questions
	await expect(page.locator('details.text')).toHaveCount(0);
});

test('an unknown article is a 404 page, not a crash', async ({ page }) => {
	const response = await page.goto('/articles/no-such-article');
	expect(response?.status()).toBe(404);
});

test('the interface language switch works as a plain link', async ({ page }) => {
	await page.goto('/?ui=ar');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});

test('a bank that cannot be read stops the server with one clear line', async ({
	browserName: _browserName
}, testInfo) => {
	test.skip(testInfo.project.name !== 'js', 'a server start, not a page: once is enough');
	const { spawnSync } = await import('node:child_process');
	const r = spawnSync(process.execPath, ['build/index.js'], {
		env: { ...process.env, DALIL_QUESTIONS: 'no/such/folder', PORT: '0' },
		encoding: 'utf8',
		timeout: 20_000
	});
	expect(r.status).toBe(1);
	expect(r.stderr.trim()).toBe(
		'dalil: cannot start: question bank folder not found: no/such/folder'
	);
});
