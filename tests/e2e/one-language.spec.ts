/**
 * One language at a time (issue 17, must-fix 8): the Arabic interface shows no English words of
 * its own. Latin letters may stand only in text marked as another language (`lang="en"`: an English
 * article, its quotes), in code (question ids), in what is not to be translated (`translate="no"`:
 * a person's name), and in the names of products and file formats.
 * Walks the bank check, the export form and reports, the article pages and the home page, with
 * JavaScript on and off; also proves the walker finds English where it is (so it cannot pass idly).
 */
import { expect, test, type Page } from '@playwright/test';
import { TEACHER_STATE } from './fixtures/teacher';

/** Names of products and formats, written the same in every language. */
const NAMES = [
	'Moodle',
	'GIFT',
	'XML',
	'IMS',
	'QTI',
	'Aiken',
	'CSV',
	'Kahoot',
	'XLSX',
	'Quizlet',
	'TXT',
	'JSON',
	'HTML',
	'PDF'
];

/**
 * The Latin words shown outside text marked English or code, with where they stand: visible text,
 * and the attributes a screen reader or a browser shows (labels, placeholders, titles).
 */
function latinWords(names: string[]): string[] {
	const found: string[] = [];
	const outside = (el: Element | null) =>
		el !== null && !el.closest('script, style, code, [lang^="en"], [translate="no"], [hidden]');
	const words = (text: string) => [...text.matchAll(/[A-Za-z]{2,}/g)].map((m) => m[0]);
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let n = walker.nextNode(); n; n = walker.nextNode()) {
		const el = n.parentElement;
		if (!outside(el)) continue;
		for (const w of words(n.textContent ?? '')) {
			if (!names.includes(w))
				found.push(`${w} in <${el!.tagName.toLowerCase()}>: ${n.textContent!.trim().slice(0, 80)}`);
		}
	}
	for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
		if (!outside(el)) continue;
		for (const attr of ['aria-label', 'placeholder', 'title', 'alt']) {
			for (const w of words(el.getAttribute(attr) ?? '')) {
				if (!names.includes(w)) found.push(`${w} in ${attr} of <${el.tagName.toLowerCase()}>`);
			}
		}
	}
	return found;
}

async function expectArabicOnly(page: Page, what: string) {
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	expect(await page.evaluate(latinWords, NAMES), what).toEqual([]);
}

test.describe('the Arabic interface shows no English of its own', () => {
	test.use({ storageState: TEACHER_STATE });

	test.beforeEach(async ({ page, baseURL }) => {
		await page.context().addCookies([{ name: 'ui', value: 'ar', url: baseURL! }]);
	});

	test('home, the article pages and the bank check', async ({ page }) => {
		for (const path of [
			'/',
			'/articles/sarraj-africom-zuwara',
			'/articles/harbour-library',
			'/articles/amzar-flamingos',
			'/teacher/check'
		]) {
			await page.goto(path);
			await expectArabicOnly(page, path);
		}
	});

	test('the export form and the report of every format', async ({ page }) => {
		await page.goto('/teacher');
		await expect(page.locator('section.export')).toBeVisible();
		expect(
			await page.locator('section.export').evaluate((section, names) => {
				// the same walk, inside the export form only (the bank above shows the articles' text)
				const found: string[] = [];
				for (const el of section.querySelectorAll('*')) {
					if (el.closest('code, [lang^="en"]') || el.children.length > 0) continue;
					for (const m of (el.textContent ?? '').matchAll(/[A-Za-z]{2,}/g)) {
						if (!names.includes(m[0])) found.push(`${m[0]}: ${el.textContent}`);
					}
				}
				return found;
			}, NAMES)
		).toEqual([]);
		for (const format of [
			'gift',
			'moodle',
			'qti',
			'aiken',
			'csv',
			'kahoot',
			'quizlet',
			'json',
			'html'
		]) {
			// the Arabic articles, whose questions hold every type (so every conversion is reported)
			await page.goto(
				`/teacher/export?format=${format}&article=sarraj-africom-zuwara&article=amzar-flamingos`
			);
			await expect(page.locator('section.report')).toBeVisible();
			await expectArabicOnly(page, format);
		}
	});
});

test('the walker finds English where it stands unmarked', async ({ page, baseURL }) => {
	await page.context().addCookies([{ name: 'ui', value: 'ar', url: baseURL! }]);
	await page.goto('/articles/harbour-library');
	// the English article's text is marked lang="en": none of it counts
	expect(await page.evaluate(latinWords, NAMES)).toEqual([]);
	await page.evaluate(() => {
		const p = document.createElement('p');
		p.textContent = 'No article named nope';
		document.querySelector('main')!.append(p);
	});
	expect(await page.evaluate(latinWords, NAMES)).toContain('No in <p>: No article named nope');
});
