/**
 * Self-study in the browser: counts, mastery map, export and import, offline, install.
 * The practice sittings themselves are in study-practice.spec.ts.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { emptyProgress, serializeProgress, type Progress } from '../../src/lib/study/progress';
import { recordAnswer } from '../../src/lib/study/scheduler';
import { studyItems, type StudyItem, type StudySet } from '../../src/lib/study/set';

const slug = 'sarraj-africom-zuwara';

test.describe('with JavaScript', () => {
	test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'self-study runs in the browser');

	/**
	 * Progress made a day ago: the first item missed (so due now), the second (if the bank has
	 * one) known.
	 */
	async function madeProgress(
		page: Page
	): Promise<{ progress: Progress; set: StudySet; practised: number; known?: StudyItem }> {
		const set = (await (await page.request.get(`/study/${slug}/set.json`)).json()) as StudySet;
		const items = studyItems([set]);
		expect(items.length).toBeGreaterThanOrEqual(1);
		const dayAgo = new Date(Date.now() - 24 * 3600_000);
		let p = emptyProgress(dayAgo);
		p = recordAnswer(p, items[0], items[0].ladder[0], 'wrong', dayAgo);
		// the known one on other paragraphs, so the map shows both shades
		const known = items.find((i) => !i.paragraphs.some((x) => items[0].paragraphs.includes(x)));
		if (known) p = recordAnswer(p, known, known.ladder[0], 'correct', dayAgo);
		return { progress: p, set, practised: known ? 2 : 1, known };
	}

	async function counts(page: Page, article = slug) {
		const card = page.locator(`[data-article="${article}"]`);
		await expect(card.locator('[data-count="new"]')).toHaveText(/\d+/);
		return {
			due: Number(await card.locator('[data-count="due"]').textContent()),
			new: Number(await card.locator('[data-count="new"]').textContent())
		};
	}

	test('/study counts what is new and due, per article and in all', async ({ page }) => {
		await page.goto('/study');
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		const set = (await (await page.request.get(`/study/${slug}/set.json`)).json()) as StudySet;
		const items = studyItems([set]);
		expect(await counts(page)).toEqual({ due: 0, new: items.length });
		expect((await counts(page, 'all')).new).toBeGreaterThanOrEqual(items.length);
		const title = page.locator(`[data-article="${slug}"] h2 span`);
		await expect(title).toHaveAttribute('lang', 'ar');
		await expect(title).toHaveAttribute('dir', 'rtl');
		await expect(page.getByRole('link', { name: 'ابدأ أسئلة جديدة' }).first()).toBeVisible();
	});

	test('export, then import into a fresh browser; a damaged file is refused', async ({
		page,
		browser
	}, testInfo) => {
		const { progress, practised } = await madeProgress(page);
		await page.goto('/study');
		const before = await counts(page);

		// Import progress made elsewhere: one item due, one or two practised.
		await page.getByTestId('import-progress').setInputFiles({
			name: 'progress.json',
			mimeType: 'application/json',
			buffer: Buffer.from(serializeProgress(progress))
		});
		await expect(page.getByRole('status').filter({ hasText: 'استُورد' })).toBeVisible();
		const after = await counts(page);
		expect(after).toEqual({ due: 1, new: before.new - practised });

		// It is kept: a reload finds it.
		await page.reload();
		expect(await counts(page)).toEqual(after);

		// "Review what is due" asks the missed item, in the next form of its ladder.
		await page
			.locator(`[data-article="${slug}"]`)
			.getByRole('link', { name: 'راجع المستحق' })
			.click();
		await expect(page).toHaveURL(new RegExp(`mode=due&article=${slug}`), { timeout: 15_000 });
		const missedItem = studyItems([(await madeProgress(page)).set])[0];
		const next = missedItem.ladder[Math.min(1, missedItem.ladder.length - 1)];
		await expect(page.locator(`fieldset#q-${next.id}`)).toBeVisible();
		await page.goto('/study');

		// Export it to a file.
		const downloading = page.waitForEvent('download');
		await page.getByRole('button', { name: 'صدّر التقدّم' }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toMatch(/^dalil-progress-\d{4}-\d{2}-\d{2}\.json$/);
		const file = testInfo.outputPath('progress.json');
		await download.saveAs(file);
		const exported = JSON.parse(readFileSync(file, 'utf8'));
		expect(exported.format).toBe('dalil-progress');
		expect(Object.keys(exported.items)).toHaveLength(practised);

		// Another device: a fresh context with nothing in it.
		const other = await browser.newContext();
		const page2 = await other.newPage();
		await page2.goto('/study');
		expect((await counts(page2)).due).toBe(0);

		// A damaged file (cut short) and a foreign one are refused, and change nothing.
		const text = readFileSync(file, 'utf8');
		await page2.getByTestId('import-progress').setInputFiles({
			name: 'cut.json',
			mimeType: 'application/json',
			buffer: Buffer.from(text.slice(0, text.length / 2))
		});
		await expect(page2.getByRole('alert')).toContainText('رُفض الملف');
		await page2.getByTestId('import-progress').setInputFiles({
			name: 'deck.json',
			mimeType: 'application/json',
			buffer: Buffer.from('{"deck":"Anki","notes":[]}')
		});
		await expect(page2.getByRole('alert')).toContainText('ليس ملف تقدّم من دليل');
		const damaged = JSON.parse(text);
		damaged.items[Object.keys(damaged.items)[0]].card.due = 'tomorrow';
		await page2.getByTestId('import-progress').setInputFiles({
			name: 'damaged.json',
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify(damaged))
		});
		await expect(page2.getByRole('alert')).toContainText('الملف تالف');
		await expect(page2.getByRole('alert')).toContainText('card.due');
		expect((await counts(page2)).due).toBe(0);
		expect(await page2.evaluate(() => localStorage.getItem('dalil.progress'))).toBeNull();

		// The real file goes in.
		await page2.getByTestId('import-progress').setInputFiles(file);
		await expect(page2.getByRole('status').filter({ hasText: 'استُورد' })).toBeVisible();
		expect(await counts(page2)).toEqual(after);
		await other.close();
	});

	test('the mastery map shades paragraphs and starts practice on a click', async ({ page }) => {
		const { progress, set, known: knownItem } = await madeProgress(page);
		await page.goto('/study');
		await page.evaluate(
			(text) => localStorage.setItem('dalil.progress', text),
			serializeProgress(progress)
		);
		await page.goto(`/study/${slug}`);
		const article = page.locator('article');
		await expect(article).toHaveAttribute('lang', 'ar');
		await expect(article).toHaveAttribute('dir', 'rtl');
		await expect(article.locator('section.paragraph')).toHaveCount(set.article.paragraphs.length);
		// The missed item's paragraph is weak, the known one's strong (unless they share one).
		const items = studyItems([set]);
		const missed = items[0].paragraphs[0];
		await expect(article.locator(`[data-paragraph="${missed}"]`)).toHaveClass(/level-weak/);
		await expect(article.locator(`[data-paragraph="${missed}"]`)).toContainText('ضعيفة');
		const known = knownItem?.paragraphs[0];
		if (known) {
			await expect(article.locator(`[data-paragraph="${known}"]`)).toHaveClass(/level-strong/);
		}
		await expect(article.locator('section.level-pending')).toHaveCount(0);
		// A click anywhere in the paragraph (here, in its text) starts practice on it.
		const text = article.locator(`[data-paragraph="${missed}"] p`).first();
		await text.scrollIntoViewIfNeeded();
		const box = (await text.boundingBox())!;
		await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
		await expect(page).toHaveURL(
			new RegExp(`/study/practice\\?mode=paragraph&article=${slug}&paragraph=${missed}$`)
		);
	});

	test('after a first visit, /study works with the network cut', async ({ page, context }) => {
		await page.goto('/study');
		await expect(page.locator('[data-offline-ready="yes"]')).toBeAttached({ timeout: 15_000 });
		const online = await counts(page);

		await context.setOffline(true);
		await page.reload();
		expect(await counts(page)).toEqual(online);
		await expect(page.getByText('أنت غير متصل')).toBeVisible();
		await page.goto(`/study/${slug}`);
		await expect(page.locator('section.paragraph').first()).toBeVisible();
		await expect(page.locator('section.level-unseen').first()).toBeVisible();
		await page.goto(`/study/practice?mode=new&article=${slug}`);
		await expect(page.locator('form.practice-question fieldset')).toBeVisible();
		await context.setOffline(false);

		// A new deploy replaces the worker's caches; progress is not in them, so none is lost.
		await page.evaluate(() => localStorage.setItem('dalil.marker', 'kept'));
		await page.evaluate(async () => {
			for (const key of await caches.keys()) await caches.delete(key);
		});
		await page.goto('/study');
		expect(await counts(page)).toEqual(online);
		expect(await page.evaluate(() => localStorage.getItem('dalil.marker'))).toBe('kept');
	});

	test('a learner who came straight to a practice link can practise offline next time', async ({
		page,
		context
	}) => {
		await page.goto(`/study/practice?mode=new&article=${slug}`);
		await expect(page.locator('form.practice-question fieldset')).toBeVisible();
		await expect
			.poll(() => page.evaluate(() => sessionStorage.getItem('dalil.study.warmed')), {
				timeout: 15_000
			})
			.toBe('1');
		await context.setOffline(true);
		await page.goto('/study');
		await expect(page.locator('[data-article="all"] [data-count="new"]')).toHaveText(/\d+/);
		await page.goto(`/study/practice?mode=new&article=${slug}`);
		await expect(page.locator('form.practice-question fieldset')).toBeVisible();
		await context.setOffline(false);
	});

	test('the study pages pass an accessibility scan, in Arabic and in English', async ({ page }) => {
		// six pages and six axe scans: more than the default budget on a busy two-core machine
		test.slow();
		const { progress } = await madeProgress(page);
		await page.goto('/study');
		await page.evaluate(
			(text) => localStorage.setItem('dalil.progress', text),
			serializeProgress(progress)
		);
		for (const ui of ['ar', 'en']) {
			for (const path of ['/study', `/study/${slug}`, `/study/practice?mode=new&article=${slug}`]) {
				await page.goto(`${path}${path.includes('?') ? '&' : '?'}ui=${ui}`);
				await expect(page.locator('html')).toHaveAttribute('lang', ui);
				await expect(page.locator('[data-count], form.practice-question').first()).toBeVisible();
				const r = await new AxeBuilder({ page }).analyze();
				const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
				expect(bad.map((v) => `${path} (${ui}): ${v.id} ${v.nodes[0]?.target}`)).toEqual([]);
			}
		}
		// In English the interface reads left to right, the Arabic article still right to left.
		await page.goto(`/study/${slug}?ui=en`);
		await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
		await expect(page.locator('article')).toHaveAttribute('dir', 'rtl');
		await expect(page.getByText('Mastery map').first()).toBeVisible();
	});

	test('installs as a right-to-left Arabic app', async ({ page }) => {
		await page.goto('/study');
		const href = await page.locator('link[rel="manifest"]').getAttribute('href');
		const manifest = await (await page.request.get(new URL(href!, page.url()).href)).json();
		expect(manifest).toMatchObject({
			lang: 'ar',
			dir: 'rtl',
			start_url: '/study',
			display: 'standalone'
		});
		const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
		expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
		for (const icon of manifest.icons) {
			const r = await page.request.get(icon.src);
			expect(r.ok(), icon.src).toBe(true);
		}
	});

	test('the service worker keeps no other page: they come from the network', async ({ page }) => {
		await page.goto('/study');
		await expect(page.locator('[data-offline-ready="yes"]')).toBeAttached({ timeout: 15_000 });
		// Other pages and their data go to the network through the worker (it answers with its
		// offline page only when the network fails: tests/e2e/offline.spec.ts) and are never kept.
		const answered: string[] = [];
		page.on('response', (r) => {
			const path = new URL(r.url()).pathname;
			const page = r.request().resourceType() === 'document' || path.endsWith('__data.json');
			if (page && r.status() === 200) answered.push(path);
		});
		await page.goto(`/articles/${slug}`);
		await page.getByRole('link', { name: 'دليل' }).click();
		await expect(page).toHaveURL(/\/$/);
		await page.goto('/');
		expect(answered).toEqual(expect.arrayContaining([`/articles/${slug}`, '/']));
		const kept = await page.evaluate(
			(paths) => Promise.all(paths.map(async (p) => (await caches.match(p)) !== undefined)),
			answered
		);
		expect(answered.filter((_, i) => kept[i])).toEqual([]);
	});
});

test.describe('without JavaScript', () => {
	test.skip(({ javaScriptEnabled }) => javaScriptEnabled, 'the no-JavaScript fallback');

	test('/study says it needs JavaScript and links to the server-graded practice quiz', async ({
		page
	}) => {
		for (const path of ['/study', `/study/${slug}`, '/study/practice?mode=new']) {
			await page.goto(path);
			await expect(page.getByText('تحتاج إلى جافاسكربت')).toBeVisible();
			const quiz = page.locator(`a[href$="quiz/${slug}?mode=practice"]`);
			await expect(quiz).toHaveText(/اختبار تدريبي/);
		}
		// The link leads to the quiz, which works without JavaScript.
		await page.locator(`a[href$="quiz/${slug}?mode=practice"]`).click();
		await expect(page).toHaveURL(new RegExp(`/quiz/${slug}\\?mode=practice`));
		await expect(page.locator('fieldset').first()).toBeVisible();
		// The mastery page still shows the article's text.
		await page.goto(`/study/${slug}`);
		await expect(page.locator('article section.paragraph')).not.toHaveCount(0);
	});

	test('an unknown article is a 404 that says so in the interface language', async ({ page }) => {
		const messages = { ar: 'لا مقالة باسم «nowhere».', en: 'No article named “nowhere”.' };
		for (const [locale, message] of Object.entries(messages)) {
			const response = await page.goto(`/study/nowhere?ui=${locale}`);
			expect(response?.status()).toBe(404);
			await expect(page.getByText(message)).toBeVisible();
			const set = await page.request.get(`/study/nowhere/set.json?ui=${locale}`);
			expect(set.status()).toBe(404);
			expect(((await set.json()) as { message: string }).message).toBe(message);
		}
	});
});
