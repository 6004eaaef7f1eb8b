/**
 * "Assessment only" (issue 13): a teacher marks a question, then its article, on the question bank
 * page; practice links, /study, its index and the study set leave them out; unmarked, they are
 * back. JavaScript on (the page refreshes in place) and off (a post and a redirect).
 *
 * Not to disturb other specs running at the same time on the same server:
 * - the article is amzar-flamingos, which no other browser spec quizzes on in public (the class
 *   specs store open tests on it, which hide questions from public routes already);
 * - the questions (one per project, so js and no-js never share one) are of types the class specs
 *   do not assign (short answers) and outside the fuzz spec's test (seed "fuzz": amzar-lake,
 *   -direction, -causes, -wells-when), with no fact or lead shared with those;
 * - counts are not compared between requests: the class and action specs open and close short-answer
 *   tests on this article meanwhile, and each changes how many questions the index lists;
 * - the js and no-js runs of this spec mark the same article, so each holds a lock (a directory,
 *   atomic across worker processes) from its first mark to its last unmark, and a failed run
 *   removes its marks straight from the database before letting go.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { loadBank } from '../../src/lib/server/bank';
import type { StudyArticleSummary, StudySet } from '../../src/lib/study/set';
import { openServerDatabase } from './fixtures/assignments';
import { TEACHER, TEACHER_STATE } from './fixtures/teacher';

const SLUG = 'amzar-flamingos';
const article = loadBank('questions').articles.find((a) => a.slug === SLUG)!;

test.use({ storageState: TEACHER_STATE });

/** Runs `work` while no other worker process holds the lock of this name. */
async function withLock<T>(name: string, work: () => Promise<T>): Promise<T> {
	const dir = join(tmpdir(), name);
	for (;;) {
		try {
			mkdirSync(dir);
			break;
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
			try {
				// a lock left by a killed run: older than any run of this test
				if (Date.now() - statSync(dir).mtimeMs > 180_000) rmSync(dir, { recursive: true });
			} catch {
				// let go in the meantime
			}
			await new Promise((done) => setTimeout(done, 200));
		}
	}
	try {
		return await work();
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** What a stranger's browser gets: the study index, the article's study set, a practice link. */
async function publicView(request: APIRequestContext, id: string) {
	const index = (await (await request.get('/study/index.json')).json()) as StudyArticleSummary[];
	const setResponse = await request.get(`/study/${SLUG}/set.json`);
	expect(setResponse.status()).toBe(200);
	const set = (await setResponse.json()) as StudySet;
	const study = await (await request.get('/study')).text();
	const practice = await request.get(`/quiz/${SLUG}?ids=${id}&seed=assess&mode=practice`);
	expect(practice.status()).toBe(200);
	const all = await request.get(`/quiz/${SLUG}?n=50&seed=assess&mode=practice`);
	expect(all.status()).toBe(200);
	return {
		listed: index.find((a) => a.slug === SLUG)?.questions,
		inStudyPage: study.includes(`"${SLUG}"`),
		setIds: set.questions.map((q) => q.id),
		practice: await practice.text(),
		all: await all.text()
	};
}

/** Text as the server renders it into HTML. */
const html = (s: string) =>
	s
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;');

/** Clicks a mark or unmark button and waits for the page to say the new state. */
async function press(page: Page, control: string, name: 'mark' | 'unmark', state: string) {
	const row = page.locator(control);
	await row.locator(`button[name=${name}]`).click();
	await expect(row).toHaveAttribute('data-state', state);
}

test('a teacher keeps a question, then its article, for assessment only, and opens them again', async ({
	page,
	playwright,
	baseURL,
	javaScriptEnabled
}) => {
	test.setTimeout(120_000);
	const id = javaScriptEnabled ? 'amzar-nests' : 'amzar-warning';
	const question = article.questions.find((q) => q.id === id)!;
	const prompt = html(question.prompt);
	const questionControl = `li[data-id="${id}"] [data-testid=assessment]`;
	const articleControl = `section.assessment li[data-article="${SLUG}"]`;
	// a stranger: no cookies of the teacher
	const stranger = await playwright.request.newContext({ baseURL });
	const port = new URL(baseURL!).port;
	const handle = await openServerDatabase(baseURL!);
	try {
		await withLock(`dalil-e2e-assessment-${port}.lock`, async () => {
			try {
				const before = await publicView(stranger, id);
				expect(before.setIds, 'nothing else keeps it out of practice').toContain(id);
				expect(before.practice).toContain(prompt);
				expect(before.inStudyPage).toBe(true);
				expect(before.listed).toBeGreaterThan(0);

				await page.goto(`/teacher?article=${SLUG}`);
				await expect(page.locator(questionControl)).toHaveAttribute('data-state', 'open');
				await expect(page.locator(articleControl)).toHaveAttribute('data-state', 'open');

				// the question: out of the study set, the index's count and practice links
				await press(page, questionControl, 'mark', 'teacher');
				await expect(page.locator(questionControl)).toContainText(TEACHER.name);
				await expect(page).toHaveURL(new RegExp(`/teacher\\?article=${SLUG}$`));
				const marked = await publicView(stranger, id);
				expect(marked.setIds).not.toContain(id);
				expect(marked.listed).toBeGreaterThan(0);
				expect(marked.practice).not.toContain(prompt);
				expect(marked.all).not.toContain(prompt);

				// the article: nothing of it in self-study or practice
				await press(page, articleControl, 'mark', 'teacher');
				await expect(page.locator(articleControl)).toContainText(TEACHER.name);
				// its other questions say why they are out; the marked one keeps its own mark
				const other = article.questions.find((q) => q.id !== id && !q.assessment)!;
				await expect(
					page.locator(`li[data-id="${other.id}"] [data-testid=assessment]`)
				).toHaveAttribute('data-state', 'article');
				await expect(page.locator(questionControl)).toHaveAttribute('data-state', 'teacher');
				const gone = await publicView(stranger, id);
				expect(gone.listed).toBeUndefined();
				expect(gone.inStudyPage).toBe(false);
				expect(gone.setIds).toEqual([]);
				for (const q of article.questions) expect(gone.all).not.toContain(html(q.prompt));

				// opened again, by the same buttons
				await press(page, articleControl, 'unmark', 'open');
				await press(page, questionControl, 'unmark', 'open');
				const after = await publicView(stranger, id);
				expect(after.setIds).toContain(id);
				expect(after.practice).toContain(prompt);
				expect(after.inStudyPage).toBe(true);
				expect(after.listed).toBeGreaterThan(0);
			} finally {
				// a failed run leaves nothing marked for the next one, or for other specs
				await handle.db
					.deleteFrom('assessment_mark')
					.where('article', '=', SLUG)
					.where('question_id', 'in', ['', id])
					.execute();
			}
		});
	} finally {
		await handle.close();
		await stranger.dispose();
	}
});

test('a post naming nothing the bank has is refused with a message', async ({ page, baseURL }) => {
	await page.goto('/teacher');
	const response = await page.request.post('/teacher?/assessment', {
		form: { mark: 'question:no-such-question' },
		headers: { origin: new URL(baseURL!).origin, accept: 'text/html' }
	});
	expect(response.status()).toBe(400);
	// in the interface language, whichever it is
	expect(await response.text()).toMatch(
		/There is no such article or question in the bank\.|لا توجد في البنك مقالة أو سؤال بهذا الاسم\./
	);
});
