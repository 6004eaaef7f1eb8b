/**
 * The teacher's bank page and exports, with JavaScript and without (the js and no-js projects):
 * every proven question listed with its metadata, filters and Arabic-aware search, the evidence
 * and key under each question, a selection that survives a reload, exports with their report,
 * the worksheet printed to PDF, and bad input answered with a 400.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { parse as parseGift } from 'gift-pegjs';
import { foldArabic } from '../../src/lib/text/normalize';
import { ar } from '../../src/lib/i18n/ar';
import { en } from '../../src/lib/i18n/en';
import { loadBank } from '../../src/lib/server/bank';
import { TEACHER_STATE } from './fixtures/teacher';

// the teacher pages need a signed-in teacher
test.use({ storageState: TEACHER_STATE });

const bank = loadBank('questions');
const questions = bank.articles.flatMap((a) => a.questions);
const SLUG = 'sarraj-africom-zuwara';
const failed = bank.articles.flatMap((a) => a.failed);

/** Saves the ticks: with JavaScript a tick saves at once; without, the Save button does. */
async function save(page: Page, javaScriptEnabled: boolean) {
	if (!javaScriptEnabled) await page.getByRole('button', { name: /Save selection/ }).click();
}

test('lists every proven question with type, skill, difficulty, paragraph and tags', async ({
	page
}) => {
	await page.goto('/teacher?ui=en');
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
	await expect(page.getByTestId('shown-count')).toHaveText(String(questions.length));
	const items = page.locator('ol.questions > li');
	// 25 a page (issue 17)
	await expect(items).toHaveCount(Math.min(25, questions.length));
	const q = questions[0];
	const item = page.locator(`li[data-id="${q.id}"]`);
	await expect(item.locator('.prompt')).toHaveText(q.prompt);
	await expect(item.locator('.prompt')).toHaveAttribute(
		'lang',
		bank.articles.find((a) => a.slug === q.article)!.language
	);
	await expect(item.locator('.meta')).toContainText(`Paragraph ${q.paragraph[0].slice(1)}`);
	await expect(item.locator('.meta')).toContainText(`Difficulty ${q.difficulty}`);
	for (const tag of q.tags) await expect(item.locator('.meta')).toContainText(`#${tag}`);
	await expect(page.getByRole('link', { name: 'Bank check' })).toHaveAttribute(
		'href',
		/\/?teacher\/check$/
	);
	if (failed.length) await expect(page.getByTestId('failed')).toContainText(failed[0].id);
});

test('the bank page passes axe', async ({ page, javaScriptEnabled }) => {
	test.skip(!javaScriptEnabled, 'axe runs as a script in the page');
	test.setTimeout(90_000);
	// A shorter list: axe over every question takes long on a busy machine.
	await page.goto(`/teacher?ui=ar&type=single&article=${SLUG}`);
	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('each question opens to its evidence, highlighted, and its answer key', async ({
	page
}, info) => {
	const arabic = questions.filter((x) => x.article === SLUG);
	const q = arabic.find((x) => x.type === 'short') ?? arabic[0];
	// the question's own page: the list shows 25 a page
	await page.goto(`/teacher?ui=ar&ids=${q.id}`);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	const item = page.locator(`li[data-id="${q.id}"]`);
	await item.locator('summary').click();
	const mark = item.locator('mark').first();
	await expect(mark).toBeVisible();
	// The mark is the stored text of the quote (spaces may differ).
	const marked = (await mark.textContent())!.replace(/\s+/g, ' ').trim();
	expect(marked).toBe(q.evidence[0].replace(/\s+/g, ' ').trim());
	if (q.type === 'short') await expect(item.getByTestId('key')).toHaveText(q.answer);
	// under the key, the students' answers the check grades, each with its verdict
	const examples = item.getByTestId('examples').locator('li');
	await expect(examples).toHaveCount(q.examples!.length);
	await expect(examples.first()).toContainText(String(q.examples![0].answer));
	await expect(examples.first().locator('.badge')).toHaveText('صحيحة');
	await page.screenshot({ path: info.outputPath('teacher-ar.png'), fullPage: false });
	await expect(item.locator('.evidence')).toHaveAttribute('dir', 'rtl');
	await expect(item.locator('.evidence')).toHaveAttribute('lang', 'ar');
});

test('filters by type, skill, difficulty, paragraph and article, as a plain GET form', async ({
	page
}) => {
	await page.goto('/teacher?ui=en');
	await page.getByLabel('Type').selectOption('single');
	await page.getByLabel('Difficulty').selectOption('1');
	await page.getByRole('button', { name: 'Apply filters' }).click();
	await expect(page).toHaveURL(/type=single/);
	const expected = questions.filter((q) => q.type === 'single' && q.difficulty === 1);
	await expect(page.locator('ol.questions > li')).toHaveCount(Math.min(25, expected.length));
	await page.goto(`/teacher?paragraph=p3&skill=where&article=${questions[0].article}`);
	const p3 = questions.filter(
		(q) => q.paragraph.includes('p3') && q.skill === 'where' && q.article === questions[0].article
	);
	await expect(page.locator('ol.questions > li')).toHaveCount(Math.min(25, p3.length));
});

test('search matches Arabic the way grading does: افريقيا finds إفريقيا and أفريقيا', async ({
	page
}) => {
	await page.goto('/teacher?ui=ar');
	await page.locator('input[name=q]').fill('افريقيا');
	await page.locator('input[name=q]').press('Enter');
	await expect(page).toHaveURL(/q=/);
	const shown = await page
		.locator('ol.questions > li')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
	expect(shown.length).toBeGreaterThan(0);
	const matching = questions.filter((q) => foldArabic(JSON.stringify(q)).includes('افريقيا'));
	expect(shown.length).toBeLessThanOrEqual(matching.length + 1);
	const raw = questions.filter((q) => /إفريقيا|أفريقيا/.test(JSON.stringify(q)));
	if (raw.length) expect(shown).toEqual(expect.arrayContaining([raw[0].id]));
});

test('the selection survives a reload; all shown, none shown and clear work', async ({
	page
}, info) => {
	const js = info.project.use.javaScriptEnabled !== false;
	await page.goto('/teacher?ui=en');
	const [a, b] = questions;
	await page.locator(`#select-${a.id}`).check();
	if (js) await expect(page.getByTestId('selected-count')).toHaveText('1');
	await page.locator(`#select-${b.id}`).check();
	await save(page, js);
	await expect(page.getByTestId('selected-count')).toHaveText('2');
	await page.reload();
	await expect(page.locator(`#select-${a.id}`)).toBeChecked();
	await expect(page.locator(`#select-${b.id}`)).toBeChecked();
	await expect(page.getByTestId('selected-count')).toHaveText('2');

	// Unticking one and saving keeps the other.
	await page.locator(`#select-${a.id}`).uncheck();
	await save(page, js);
	await expect(page.getByTestId('selected-count')).toHaveText('1');

	// All that a filter shows.
	await page.goto('/teacher?type=truefalse&ui=en');
	await page.getByRole('button', { name: 'Select all shown' }).click();
	await expect(page).toHaveURL(/type=truefalse/);
	const tf = questions.filter((q) => q.type === 'truefalse').length;
	await expect(page.getByTestId('selected-count')).toHaveText(
		String(tf + (questions[1].type === 'truefalse' ? 0 : 1))
	);
	await page.getByRole('button', { name: 'Unselect shown' }).click();
	await expect(page.getByTestId('selected-count')).toHaveText(
		questions[1].type === 'truefalse' ? '0' : '1'
	);
	await page.getByRole('button', { name: 'Clear selection' }).click();
	await expect(page.getByTestId('selected-count')).toHaveText('0');
});

test('exports the selection to GIFT with its report, and the file parses', async ({ page }) => {
	await page.goto('/teacher?ui=en');
	await page.getByRole('button', { name: 'Select all shown' }).click();
	await expect(page.getByTestId('selected-count')).toHaveText(String(questions.length));
	await page.getByLabel('Format').selectOption('gift');
	await page.getByRole('button', { name: 'Export selection' }).click();
	await expect(page).toHaveURL(/\/teacher\/export\?format=gift/);
	const exported = Number(await page.getByTestId('exported-count').textContent());
	const omitted = await page
		.getByTestId('omitted')
		.locator('li')
		.count()
		.catch(() => 0);
	expect(exported + omitted).toBe(questions.length);
	const href = await page.getByRole('link', { name: 'Download' }).getAttribute('href');
	const response = await page.request.get(href!);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-disposition']).toContain('attachment');
	const gift = await response.text();
	const parsed = parseGift(gift).filter((p) => p.type !== 'Category' && p.type !== 'Description');
	expect(parsed).toHaveLength(exported);
	for (const a of bank.articles)
		expect(gift).toContain(a.attribution.replace(/[:=#{}~\\]/g, (c) => `\\${c}`).slice(0, 20));
});

test('the QTI package downloads as a zip; the Aiken report lists what it leaves out', async ({
	page
}) => {
	const zip = await page.request.get('/teacher/export/file?format=qti&type=single');
	expect(zip.status()).toBe(200);
	expect(zip.headers()['content-type']).toBe('application/zip');
	const bytes = await zip.body();
	expect(bytes.subarray(0, 2).toString()).toBe('PK');
	await page.goto('/teacher/export?format=aiken&type=matching&ui=en');
	const matching = questions.filter((q) => q.type === 'matching').length;
	if (matching) await expect(page.getByTestId('omitted').locator('li')).toHaveCount(matching);
});

test('the worksheet prints to PDF, right to left, with per-student versions', async ({
	page
}, info) => {
	await page.goto(
		`/teacher/export/file?format=html&type=single&seed=class7&copies=2&article=${SLUG}`
	);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.locator('section.copy')).toHaveCount(2);
	await expect(page.locator('section.key')).toHaveCount(2);
	const n = questions.filter((q) => q.type === 'single' && q.article === SLUG).length;
	await expect(page.locator('section.copy').first().locator('ol.questions > li')).toHaveCount(n);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('section.key').first()).toHaveCSS('break-before', 'page');
	const pdf = await page.pdf({ format: 'A4', printBackground: true });
	expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
	await info.attach('worksheet.pdf', { body: pdf, contentType: 'application/pdf' });
});

test('bad input is a 400 with a clear message, never a 500', async ({ page, request }) => {
	// the message names the field, in the interface language
	const bad = await page.goto('/teacher?difficulty=9&ui=en');
	expect(bad?.status()).toBe(400);
	await expect(page.locator('body')).toContainText(
		en.badQuery.replace('{fields}', '\u2068difficulty\u2069')
	);
	const badAr = await page.goto('/teacher?difficulty=9&ui=ar');
	expect(badAr?.status()).toBe(400);
	await expect(page.locator('body')).toContainText(
		ar.badQuery.replace('{fields}', '\u2068difficulty\u2069')
	);
	const file = await request.get('/teacher/export/file?format=pdf&ui=en');
	expect(file.status()).toBe(400);
	expect(await file.text()).toContain(en.badQuery.replace('{fields}', '\u2068format\u2069'));
	const empty = await request.get('/teacher/export/file?format=gift&ui=ar');
	expect(empty.status()).toBe(400);
	expect(await empty.text()).toContain(ar.nothingSelected);
	const post = await request.post('/teacher?/save', {
		form: { shown: '<not an id>', id: 'x' },
		// A browser's form post (an `accept: application/json` post is use:enhance's, answered 200
		// with the failure in the body).
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(post.status()).toBe(400);
});
