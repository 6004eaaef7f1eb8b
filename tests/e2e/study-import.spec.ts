/**
 * Importing a hostile or unlucky progress file on /study (issue 18): a file with records dated in
 * the future, out of range or keyed `__proto__` is refused, each such record named with the reason;
 * a device whose storage is full says so; no message of an earlier import stays on screen.
 */
import { expect, test, type Page } from '@playwright/test';
import { emptyProgress, serializeProgress } from '../../src/lib/study/progress';
import { recordAnswer } from '../../src/lib/study/scheduler';
import { studyItems, type StudySet } from '../../src/lib/study/set';

const slug = 'sarraj-africom-zuwara';

test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'importing a file runs in the browser');

/** A progress file with two practised items of the article, edited by `edit`. */
async function progressFile(page: Page, edit: (doc: Doc) => void = () => {}): Promise<Buffer> {
	const set = (await (await page.request.get(`/study/${slug}/set.json`)).json()) as StudySet;
	const items = studyItems([set]);
	expect(items.length).toBeGreaterThanOrEqual(2);
	const dayAgo = new Date(Date.now() - 24 * 3600_000);
	let p = emptyProgress(dayAgo);
	for (const item of items.slice(0, 2)) p = recordAnswer(p, item, item.ladder[0], 'wrong', dayAgo);
	const doc = JSON.parse(serializeProgress(p)) as Doc;
	edit(doc);
	return Buffer.from(JSON.stringify(doc));
}

type Doc = {
	questions: Record<string, Record<string, unknown>>;
	items: Record<string, { step: unknown; card: Record<string, unknown> }>;
};

async function importFile(page: Page, buffer: Buffer) {
	await page.getByTestId('import-progress').setInputFiles({
		name: 'progress.json',
		mimeType: 'application/json',
		buffer
	});
}

test('a hostile file is refused, naming each record it refuses and why; nothing changes', async ({
	page
}) => {
	await page.goto('/study?ui=en');
	await expect(page.locator('[data-count="new"]').first()).toHaveText(/\d+/);
	const file = await progressFile(page, (doc) => {
		const [first, second] = Object.keys(doc.items);
		doc.items[first].card.stability = 1e308;
		doc.items[second].step = 1e15;
		const [question] = Object.keys(doc.questions);
		doc.questions[question].lastAt = '2999-01-01T00:00:00.000Z';
	});
	// JSON.parse keeps "__proto__" as a key of its own: the file carries one
	const withProto = Buffer.from(
		file.toString().replace('"questions":{', '"questions":{"__proto__":{"polluted":true},')
	);
	await importFile(page, withProto);
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('The file was refused; your progress is unchanged.');
	await expect(alert).toContainText('Records refused: 4');
	const refused = alert.locator('li');
	await expect(refused).toHaveCount(4);
	await expect(refused.filter({ hasText: 'questions.__proto__' })).toContainText(
		'its name is not a question of Dalil'
	);
	await expect(refused.filter({ hasText: '(lastAt)' })).toContainText('dated in the future');
	await expect(refused.filter({ hasText: '(card.stability)' })).toContainText(
		'a value out of range'
	);
	await expect(refused.filter({ hasText: '(step)' })).toContainText('a value out of range');
	// nothing leaked onto Object.prototype, and nothing was stored
	expect(await page.evaluate(() => ({}) as Record<string, unknown>)).toEqual({});
	expect(await page.evaluate(() => 'polluted' in {})).toBe(false);
	expect(await page.evaluate(() => localStorage.getItem('dalil.progress'))).toBeNull();
	await expect(page.getByText('Progress imported')).toHaveCount(0);
});

test('in Arabic, the reasons are Arabic', async ({ page }) => {
	await page.goto('/study?ui=ar');
	await expect(page.locator('[data-count="new"]').first()).toHaveText(/\d+/);
	const file = await progressFile(page, (doc) => {
		for (const item of Object.values(doc.items)) item.card.due = '9999-01-01T00:00:00.000Z';
	});
	await importFile(page, file);
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('سجلات مرفوضة: 2');
	await expect(alert.locator('li').first()).toContainText('مؤرَّخ في المستقبل');
});

test('storage full: a message says so, the earlier success message is gone, nothing changed', async ({
	page
}) => {
	// the device refuses to store more once the test says so
	await page.addInitScript(() => {
		const setItem = Storage.prototype.setItem;
		Storage.prototype.setItem = function (key: string, value: string) {
			if (key === 'dalil.progress' && sessionStorage.getItem('full') === '1') {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			}
			return setItem.call(this, key, value);
		};
	});
	await page.goto('/study?ui=en');
	await expect(page.locator('[data-count="new"]').first()).toHaveText(/\d+/);
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));

	await importFile(page, await progressFile(page));
	const status = page.getByRole('status').filter({ hasText: 'Progress imported' });
	await expect(status).toBeVisible();
	const before = await page.evaluate(() => localStorage.getItem('dalil.progress'));

	await page.evaluate(() => sessionStorage.setItem('full', '1'));
	const later = await progressFile(page, (doc) => {
		for (const q of Object.values(doc.questions)) q.lastAt = new Date().toISOString();
		for (const i of Object.values(doc.items)) i.card.last_review = new Date().toISOString();
	});
	await importFile(page, later);
	await expect(page.getByRole('alert')).toContainText('This device’s storage is full');
	await expect(page.getByText('Progress imported')).toHaveCount(0);
	expect(await page.evaluate(() => localStorage.getItem('dalil.progress'))).toBe(before);
	expect(errors).toEqual([]);

	// a good import afterwards replaces the error
	await page.evaluate(() => sessionStorage.removeItem('full'));
	await importFile(page, later);
	await expect(page.getByRole('status').filter({ hasText: 'Progress imported' })).toBeVisible();
	await expect(page.getByText('storage is full')).toHaveCount(0);
});
