/**
 * Every piece of bank text carries its own language and direction (issue 17, must-fix 1 and 5),
 * in both interface languages, on the Arabic and the English article, JavaScript on and off:
 * prompts in the article's language, explanations in the language the bank names (Arabic notes on
 * the English article), the translation shown when it is in the interface language, and matching
 * and ordering keys laid out as a table and a list, with no arrow.
 */
import { expect, test, type Page } from '@playwright/test';
import { TEACHER_STATE } from './fixtures/teacher';

const ARTICLES = [
	{ slug: 'sarraj-africom-zuwara', lang: 'ar', dir: 'rtl', translation: 'en', explanation: 'ar' },
	{ slug: 'harbour-library', lang: 'en', dir: 'ltr', translation: 'ar', explanation: 'ar' }
] as const;

const dirOf = (lang: string) => (lang === 'ar' ? 'rtl' : 'ltr');

/** Submits a practice quiz unanswered: its results page shows every key and explanation. */
async function submitUnanswered(page: Page) {
	await page.waitForLoadState('networkidle');
	await page.locator('.end button[formaction*="submit"]').click();
	await expect(page).toHaveURL(/\/results\//);
}

for (const ui of ['ar', 'en'] as const) {
	for (const a of ARTICLES) {
		test(`${a.slug} in the ${ui} interface: each text in its own language`, async ({
			page,
			baseURL
		}) => {
			await page.context().addCookies([{ name: 'ui', value: ui, url: baseURL! }]);
			await page.goto(`/quiz/${a.slug}?n=6&seed=langs1&mode=practice`);
			await expect(page.locator('html')).toHaveAttribute('lang', ui);
			const prompts = page.locator('fieldset.question legend [id$="-prompt"]');
			await expect(prompts).toHaveCount(6);
			for (const p of await prompts.all()) {
				await expect(p).toHaveAttribute('lang', a.lang);
				await expect(p).toHaveAttribute('dir', a.dir);
			}
			// the translation shows when it is in the interface language and the prompt is not
			const translations = page.locator('fieldset.question legend .translation');
			if (a.translation === ui) {
				expect(await translations.count()).toBeGreaterThan(0);
				for (const tr of await translations.all()) {
					await expect(tr).toHaveAttribute('lang', ui);
					await expect(tr).toHaveAttribute('dir', dirOf(ui));
				}
			} else await expect(translations).toHaveCount(0);

			await submitUnanswered(page);
			const explanations = page.locator('.feedback dd.explanation');
			await expect(explanations).toHaveCount(6);
			for (const e of await explanations.all()) {
				await expect(e).toHaveAttribute('lang', a.explanation);
				await expect(e).toHaveAttribute('dir', dirOf(a.explanation));
			}
			for (const k of await page.locator('.feedback dd.key').all()) {
				await expect(k).toHaveAttribute('lang', a.lang);
				await expect(k).toHaveAttribute('dir', a.dir);
			}
		});
	}

	test(`matching and ordering keys are a table and a list, no arrows (${ui})`, async ({
		page,
		baseURL
	}) => {
		await page.context().addCookies([{ name: 'ui', value: ui, url: baseURL! }]);
		await page.goto(
			'/quiz/harbour-library?n=2&types=matching&types=ordering&seed=langs2&mode=practice'
		);
		await submitUnanswered(page);
		const pairs = page.locator('.feedback dd.key table.key-pairs tr');
		await expect(pairs.first()).toBeVisible();
		expect(await pairs.count()).toBeGreaterThanOrEqual(2);
		await expect(pairs.first().locator('td')).toHaveCount(2);
		const order = page.locator('.feedback dd.key ol.key-list li');
		expect(await order.count()).toBeGreaterThanOrEqual(3);
		await expect(page.locator('.feedback dd.key').first()).not.toContainText(/[→←|]/);
		await expect(page.locator('.feedback dd.key').last()).not.toContainText(/[→←|]/);
	});
}

for (const ui of ['ar', 'en'] as const) {
	test(`a quiz link gone wrong is told in words, not parameter names (${ui})`, async ({
		page,
		baseURL
	}) => {
		await page.context().addCookies([{ name: 'ui', value: ui, url: baseURL! }]);
		await page.goto('/quiz/sarraj-africom-zuwara?n=many&mode=exam&seed=langs3');
		// what the student typed is quoted; the setting is named in words, the value used too
		await expect(page.locator('ul.notes li')).toHaveText(
			ui === 'ar'
				? [
						'لم نفهم «many» في عدد الأسئلة، فاستعملنا «10».',
						'لم نفهم «exam» في النمط، فاستعملنا «تدريب».'
					]
				: [
						'Could not use «many» for the number of questions; used «10» instead.',
						'Could not use «exam» for the mode; used «Practice» instead.'
					]
		);
	});
}

test.describe("the teacher's bank", () => {
	test.use({ storageState: TEACHER_STATE });

	test('shows the English article’s Arabic notes right to left', async ({ page }) => {
		await page.goto('/teacher?ui=en&article=harbour-library');
		const explanations = page.getByTestId('explanation');
		expect(await explanations.count()).toBeGreaterThan(0);
		for (const e of await explanations.all()) {
			await expect(e).toHaveAttribute('lang', 'ar');
			await expect(e).toHaveAttribute('dir', 'rtl');
		}
	});
});
