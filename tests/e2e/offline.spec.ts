/**
 * Offline outside /study (issue 17, must-fix 11): once the service worker runs, a page it cannot
 * fetch (the home page, a header link followed from a quiz already open, the quiz reloaded) shows
 * the app's own offline page in the reader's language, never the browser's error page; and the
 * worker keeps no copy of a page that could hold a test's keys.
 *
 * The worker is registered by the pages' JavaScript: without it there is no worker, so the no-js
 * project has nothing to run here.
 */
import { expect, test, type Page } from '@playwright/test';
import { strings, type Locale } from '../../src/lib/i18n';
import { loadBank } from '../../src/lib/server/bank';

const SLUG = loadBank('questions').articles[0].slug;

test.skip(
	({ javaScriptEnabled }) => !javaScriptEnabled,
	'a service worker is registered by JavaScript: without it there is none'
);

/** Waits until the page is controlled by the service worker. */
async function controlled(page: Page): Promise<void> {
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
		timeout: 20_000
	});
}

/** Every URL the page's origin keeps in its caches, as paths with their query. */
function cachedPaths(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const paths: string[] = [];
		for (const name of await caches.keys()) {
			for (const request of await (await caches.open(name)).keys()) {
				const url = new URL(request.url);
				paths.push(url.pathname + url.search);
			}
		}
		return paths;
	});
}

for (const locale of ['ar', 'en'] as Locale[]) {
	const t = strings(locale);
	const dir = locale === 'ar' ? 'rtl' : 'ltr';

	test(`offline, the app's own page answers in ${locale}, and no keys are kept`, async ({
		page,
		context
	}) => {
		const quiz = `/quiz/${SLUG}?seed=offline&mode=test`;
		// the reader chooses the language once (a cookie); the worker installs on this first page
		await page.goto(`${quiz}&ui=${locale}`);
		await controlled(page);
		// a page the worker saw (it notes the page's language)
		await page.goto(quiz);
		await expect(page.locator('html')).toHaveAttribute('lang', locale);

		/** The offline page is on screen, in the reader's language and direction. */
		const offlinePage = async () => {
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.offline.title);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expect(page.locator('html')).toHaveAttribute('dir', dir);
			await expect(page.getByRole('link', { name: t.offline.studyLink })).toHaveAttribute(
				'href',
				'/study'
			);
			expect(page.url()).not.toMatch(/^chrome-error:/);
		};

		await context.setOffline(true);
		try {
			// a header link of the quiz already open: the app's own navigation
			await page.getByRole('banner').getByRole('link', { name: t.teacherBank }).click();
			await offlinePage();
			// the home page, loaded
			await page.goto('/');
			await offlinePage();
			// the quiz, loaded again
			await page.goto(quiz);
			await offlinePage();
		} finally {
			await context.setOffline(false);
		}

		// the worker kept the built files, the offline pages and study data, nothing that could
		// hold a key: no quiz, result, teacher or assignment page, and no page data but the
		// offline page's and study's
		const kept = await cachedPaths(page);
		expect(kept).toEqual(expect.arrayContaining([`/offline?ui=${locale}`]));
		const allowed = /^\/(_app\/|offline\?ui=(ar|en)$|offline\/language$|study(\/|$))/;
		const staticFile = /^\/(icons\/)?[^/]+\.(png|svg|ico|txt|webmanifest|woff2?)$/;
		expect(kept.filter((path) => !allowed.test(path) && !staticFile.test(path))).toEqual([]);
		expect(kept.filter((path) => /quiz|results|teacher|assignments|attempts/.test(path))).toEqual(
			[]
		);
	});
}
