/**
 * A class's assignment, taken by its students (issue 13), JavaScript on and off, in Arabic and
 * English, on SQLite and on PostgreSQL (the pg projects): the teacher creates a class, two students
 * join and take the test; answers saved as they type (or on "save") survive a reload; submitting
 * twice counts once; the results show what the release setting allows; past the deadline a save
 * is refused and the saved answers stand; a stranger gets a 404 for the assignment, a classmate for
 * another's attempt; the take page holds no key.
 *
 * The assignment itself is stored straight into the server's database (its SQLite file, or the
 * PostgreSQL database the pg server made for this run) through the server modules, on an article
 * no other browser spec quizzes on (a test that is open hides its questions from public practice),
 * and deleted when the test ends.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { localTime, offsetLabel } from '../../src/lib/assign/schedule';
import type { AssignmentSpec } from '../../src/lib/assign/spec';
import { createAssignment } from '../../src/lib/server/assignments';
import { loadBank } from '../../src/lib/server/bank';
import { foldArabic } from '../../src/lib/text/normalize';
import type { DatabaseHandle } from '../../src/lib/server/db';
import {
	assignmentSpec,
	device,
	join,
	openServerDatabase,
	questionIds,
	seedClass as seedClassIn
} from './fixtures/assignments';
import { TEACHER_STATE } from './fixtures/teacher';

const SLUG = 'amzar-flamingos';
const article = loadBank('questions').articles.find((a) => a.slug === SLUG)!;
const byId = new Map(article.questions.map((q) => [q.id, q]));
const articleText = article.paragraphs.map((p) => p.text).join('\n');

/** A test of two short-answer questions, answers released with the key once submitted. */
function testSpec(overrides: Partial<AssignmentSpec> = {}): AssignmentSpec {
	return assignmentSpec({
		title: `Flamingos ${Date.now()}`,
		article: SLUG,
		types: ['short'],
		timeLimit: 20,
		closesAt: Date.now() + 60 * 60_000,
		...overrides
	});
}

// Opened in beforeAll, not at import: with fullyParallel a worker may run beforeAll/afterAll
// around each test of this file in turn, and a handle closed by the first afterAll is gone.
let handle: DatabaseHandle;
test.beforeAll(async ({ baseURL }) => {
	handle = await openServerDatabase(baseURL!);
});
test.afterAll(async () => handle.close());

/** A class of the test teacher, made in the database, with its join code. */
async function seedClass() {
	return seedClassIn(handle.db, { name: `Flamingo class ${Date.now()}` });
}

/** The headers of a browser's form post (no script): same origin, and it asks for a page. */
const formPost = (baseURL: string) => ({ origin: new URL(baseURL).origin, accept: 'text/html' });

/** Answers one question, and waits until the server has it (autosave, or the save button). */
async function answer(page: Page, id: string, text: string, js: boolean) {
	const field = page.locator(`form.work input[name="${id}"]`);
	if (js) {
		// the autosave listens once the page is hydrated
		await page.waitForLoadState('networkidle');
		const saved = page.waitForResponse(
			(r) => r.url().includes('?/save') && r.request().method() === 'POST'
		);
		await field.fill(text);
		expect((await saved).status()).toBe(200);
	} else {
		await field.fill(text);
		await page.locator('form.work .end button.secondary').click();
		await expect(page.locator('form.work [role=status]')).toBeVisible();
	}
}

/**
 * A released answer shows its evidence's paragraph whole, under "Evidence in paragraph N", in the
 * article's language and direction, the quote marked.
 */
async function expectEvidence(page: Page, id: string, ui: 'ar' | 'en') {
	const span = byId.get(id)!.spans[0];
	const paragraph = article.paragraphs.find((p) => p.id === span.paragraph)!;
	const figure = page.locator(
		`ol.questions > li[data-question="${id}"] [data-testid=evidence][data-paragraph=${paragraph.id}]`
	);
	await expect(figure.locator('figcaption')).toHaveText(
		ui === 'ar' ? `الدليل في الفقرة ${paragraph.n}` : `Evidence in paragraph ${paragraph.n}`
	);
	const quote = figure.locator('blockquote');
	await expect(quote).toHaveAttribute('lang', article.language);
	await expect(quote).toHaveAttribute('dir', article.direction);
	await expect(quote).toHaveText(paragraph.text);
	await expect(quote.locator('mark').first()).toHaveText(
		paragraph.text.slice(span.start, span.end)
	);
}

/** Serious and critical axe violations of the page. */
async function axe(page: Page) {
	const r = await new AxeBuilder({ page }).analyze();
	return r.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const WORDS = {
	en: { start: 'Start', submit: 'Submit', tooLate: 'The time is over', score: 'Score' },
	ar: { start: 'ابدأ', submit: 'سلّم', tooLate: 'انتهى الوقت', score: 'الدرجة' }
} as const;

for (const ui of ['ar', 'en'] as const) {
	test(`two students join and take a test; results as released (${ui})`, async ({
		browser,
		javaScriptEnabled,
		baseURL
	}) => {
		// a teacher and three students, a few dozen page loads
		test.setTimeout(180_000);
		const words = WORDS[ui];
		const teacher = await browser.newContext({ javaScriptEnabled, storageState: TEACHER_STATE });
		await teacher.addCookies([{ name: 'ui', value: ui, url: baseURL! }]);
		const tp = await teacher.newPage();
		await tp.goto('/teacher/classes');
		const className = `${ui === 'ar' ? 'صف النحام' : 'Flamingo class'} ${Date.now()}`;
		await tp.locator('form[action="?/create"] input[name=name]').fill(className);
		await tp.locator('form[action="?/create"] button').click();
		await expect(tp).toHaveURL(/\/teacher\/classes\/[\w-]+$/);
		const classId = new URL(tp.url()).pathname.split('/').pop()!;
		const code = (await tp.getByTestId('join-code').textContent())!.trim();
		const spec = testSpec();
		const assignmentId = await createAssignment(handle.db, classId, spec);
		try {
			const names = ui === 'ar' ? ['سارة', 'عمر'] : ['Sara', 'Omar'];
			const one = await device(browser, javaScriptEnabled, ui, baseURL!);
			const two = await device(browser, javaScriptEnabled, ui, baseURL!);
			const a = await join(one, code, names[0]);
			const b = await join(two, code, names[1]);

			// student one finds it on their home, to do, and opens it
			const todo = a.locator(`[data-status=to-do] [data-assignment="${assignmentId}"]`);
			await expect(todo).toContainText(spec.title);
			await todo.locator('a.go').click();
			await expect(a).toHaveURL(new RegExp(`/assignments/${assignmentId}$`));
			// before starting, no question is on the page
			await expect(a.locator('html')).toHaveAttribute('dir', ui === 'ar' ? 'rtl' : 'ltr');
			await expect(a.locator('h1')).toHaveText(spec.title);
			await expect(a.locator('form.work')).toHaveCount(0);
			await a.getByRole('button', { name: words.start, exact: true }).click();
			await expect(a.locator('form.work')).toBeVisible();
			await expect(a.getByRole('timer')).toBeVisible();
			const ids = await questionIds(a);
			expect(ids).toHaveLength(2);
			// a test checks nothing before it is submitted
			await expect(a.locator('button[name="_check"]')).toHaveCount(0);

			// no key, explanation or accepted form is in the page or its data
			const html = await a.content();
			const data = await (await one.request.get(`/assignments/${assignmentId}/__data.json`)).text();
			for (const id of ids) {
				const q = byId.get(id)! as { answer: string; accept?: string[]; explanation: string };
				expect(html).not.toContain(q.explanation);
				expect(data).not.toContain(q.explanation);
				for (const key of [q.answer, ...(q.accept ?? [])].filter((k) => !articleText.includes(k))) {
					expect(html).not.toContain(key);
					expect(data).not.toContain(key);
				}
			}
			if (javaScriptEnabled) expect(await axe(a)).toEqual([]);

			// the first answer is saved as typed (or on "save") and survives a reload
			const first = byId.get(ids[0])! as { answer: string };
			await answer(a, ids[0], first.answer, javaScriptEnabled);
			await a.reload();
			await expect(a.locator(`input[name="${ids[0]}"]`)).toHaveValue(first.answer);
			// starting again resumes the attempt: its deadline does not move
			const deadline = async () =>
				(
					await handle.db
						.selectFrom('attempt')
						.select('deadline')
						.where('assignment_id', '=', assignmentId)
						.execute()
				).map((r) => Number(r.deadline));
			const before = await deadline();
			const again = await one.request.post(`/assignments/${assignmentId}?/start`, {
				headers: formPost(baseURL!),
				form: {},
				maxRedirects: 0
			});
			expect(again.status()).toBe(303);
			expect(await deadline()).toEqual(before);

			// submitted once, counted once: a second post of the same form changes nothing
			const attemptId = await a.locator('input[name=_attempt]').inputValue();
			await a.getByRole('button', { name: words.submit, exact: true }).click();
			await expect(a).toHaveURL(new RegExp(`/assignments/${assignmentId}/attempts/${attemptId}$`));
			await expect(a.getByTestId('score')).toContainText('1 / 2');
			const replay = await one.request.post(`/assignments/${assignmentId}?/submit`, {
				headers: formPost(baseURL!),
				form: { _attempt: attemptId, [ids[1]]: 'x' },
				maxRedirects: 0
			});
			expect(replay.status()).toBe(303);
			const stored = await handle.db
				.selectFrom('attempt')
				.select(['score', 'submitted_at'])
				.where('assignment_id', '=', assignmentId)
				.execute();
			expect(stored.map((r) => Number(r.score))).toEqual([1]);
			const grades = await handle.db
				.selectFrom('grade')
				.select('question_id')
				.where('attempt_id', '=', attemptId)
				.execute();
			expect(grades.map((g) => g.question_id)).toEqual([ids[0]]);
			// released after submission, with the answers: the key and the evidence show
			await a.reload();
			await expect(a.getByTestId('score')).toContainText('1 / 2');
			await expect(a.locator('ol.questions > li')).toHaveCount(2);
			await expect(a.locator('ol.questions mark, ol.questions blockquote').first()).toBeVisible();
			// the evidence stands in its whole paragraph, marked, in the article's language: no link
			// to a paragraph that is not on the page
			await expectEvidence(a, ids[0], ui);
			await expect(a.locator('ol.questions a[href^="#"]')).toHaveCount(0);
			if (javaScriptEnabled) expect(await axe(a)).toEqual([]);
			// and the test is over for them: no attempt left; their home says done, with the score
			await a.goto(`/assignments/${assignmentId}`);
			await expect(a.getByTestId('refusal')).toBeVisible();
			await a.goto('/student');
			const done = a.locator(`[data-status=done] [data-assignment="${assignmentId}"]`);
			await expect(done.getByTestId('score')).toContainText(ui === 'ar' ? '1 من 2' : '1 of 2');
			if (javaScriptEnabled) expect(await axe(a)).toEqual([]);

			// student two answers, then runs out of time: the save is refused, the saved answer stands
			await b.goto(`/assignments/${assignmentId}`);
			await b.getByRole('button', { name: words.start, exact: true }).click();
			const theirs = await questionIds(b);
			expect(theirs).toEqual(ids);
			await answer(b, ids[1], 'نص محفوظ', javaScriptEnabled);
			const bAttempt = await b.locator('input[name=_attempt]').inputValue();
			await handle.db
				.updateTable('attempt')
				.set({ deadline: Date.now() - 60_000 })
				.where('id', '=', bAttempt)
				.execute();
			// set without an input event: on a slow machine the autosave of a typed value could post
			// first, finish the attempt as it stood, and leave the button "already submitted" to say
			await b
				.locator(`input[name="${ids[0]}"]`)
				.evaluate((input: HTMLInputElement) => (input.value = 'بعد الموعد'));
			await b.locator('form.work .end button.secondary').click();
			await expect(b.getByRole('alert')).toContainText(words.tooLate);
			await b.goto(`/assignments/${assignmentId}/attempts/${bAttempt}`);
			await expect(b.getByTestId('score')).toContainText('0 / 2');
			await expect(b.locator('ol.questions')).toContainText('نص محفوظ');
			await expect(b.locator('ol.questions')).not.toContainText('بعد الموعد');
			await expect(b.getByTestId('reviewed')).toHaveCount(0);
			// the teacher marks that answer right on the review page: the student's results say so
			const override = await teacher.request.post(
				`/teacher/assignments/${assignmentId}/review?/override`,
				{
					form: { question: ids[1], form: foldArabic('نص محفوظ'), verdict: 'correct' },
					headers: formPost(baseURL!),
					maxRedirects: 0
				}
			);
			expect([200, 303]).toContain(override.status());
			await b.reload();
			await expect(b.getByTestId('score')).toContainText('1 / 2');
			await expect(
				b.locator(`ol.questions > li[data-question="${ids[1]}"]`).getByTestId('reviewed')
			).toHaveText(ui === 'ar' ? 'راجعها معلّمك' : 'reviewed by your teacher');
			await expect(b.getByTestId('reviewed')).toHaveCount(1);

			// another student's attempt is not there; nor is the assignment for a stranger
			const peek = await b.goto(`/assignments/${assignmentId}/attempts/${attemptId}`);
			expect(peek?.status()).toBe(404);
			const stranger = await device(browser, javaScriptEnabled, ui, baseURL!);
			const s = await stranger.newPage();
			expect((await s.goto(`/assignments/${assignmentId}`))?.status()).toBe(404);
			expect((await s.goto(`/assignments/${assignmentId}/attempts/${attemptId}`))?.status()).toBe(
				404
			);
			await Promise.all([one.close(), two.close(), stranger.close()]);
		} finally {
			await handle.db.deleteFrom('assignment').where('id', '=', assignmentId).execute();
			await teacher.close();
		}
	});
}

test('results after close show the score only; before that, nothing', async ({
	browser,
	javaScriptEnabled,
	baseURL
}) => {
	const { classId, joinCode } = await seedClass();
	const spec = testSpec({ release: 'after-close', show: 'score', timeLimit: 0 });
	const assignmentId = await createAssignment(handle.db, classId, spec);
	try {
		const context = await device(browser, javaScriptEnabled, 'en', baseURL!);
		const page = await join(context, joinCode, 'Lina');
		await page.goto(`/assignments/${assignmentId}`);
		await page.getByRole('button', { name: 'Start', exact: true }).click();
		const ids = await questionIds(page);
		await expect(page.getByRole('timer')).toHaveCount(0);
		await page
			.locator(`input[name="${ids[0]}"]`)
			.fill((byId.get(ids[0]) as { answer: string }).answer);
		await page.getByRole('button', { name: 'Submit', exact: true }).click();
		await expect(page).toHaveURL(/\/attempts\//);
		await expect(page.getByTestId('not-released')).toBeVisible();
		await expect(page.getByTestId('score')).toHaveCount(0);
		// the teacher's close time passes: the score shows, and still no key
		const closed = { ...spec, opensAt: Date.now() - 120_000, closesAt: Date.now() - 60_000 };
		await handle.db
			.updateTable('assignment')
			.set({ closes_at: closed.closesAt, spec: JSON.stringify(closed) })
			.where('id', '=', assignmentId)
			.execute();
		await page.reload();
		await expect(page.getByTestId('score')).toContainText('1 / 2');
		await expect(page.locator('ol.questions')).toHaveCount(0);
		await expect(page.getByTestId('evidence')).toHaveCount(0);
		const body = await page.content();
		expect(body).not.toContain(byId.get(ids[0])!.explanation);
		// nor the paragraph the evidence stands in
		const span = byId.get(ids[0])!.spans[0];
		expect(body).not.toContain(article.paragraphs.find((p) => p.id === span.paragraph)!.text);
		await context.close();
	} finally {
		await handle.db.deleteFrom('assignment').where('id', '=', assignmentId).execute();
	}
});

test('a start is refused, with the reason, before it opens', async ({
	browser,
	javaScriptEnabled,
	baseURL
}) => {
	const { classId, joinCode } = await seedClass();
	const spec = testSpec({ opensAt: Date.now() + 60 * 60_000, closesAt: null });
	const assignmentId = await createAssignment(handle.db, classId, spec);
	try {
		// a student in Riyadh (UTC+03:00, no summer time)
		const context = await device(browser, javaScriptEnabled, 'ar', baseURL!, 'Asia/Riyadh');
		const page = await join(context, joinCode, 'ليلى');
		await page.goto(`/assignments/${assignmentId}`);
		await expect(page.getByTestId('refusal')).toHaveText('لم يُفتح هذا التكليف بعد.');
		// the opening time in their zone, the zone named (the server knows it once their browser
		// said it); without JavaScript, in UTC, named
		const offset = javaScriptEnabled ? 180 : 0;
		const opens = page.locator(`time[datetime="${new Date(spec.opensAt).toISOString()}"]`);
		await expect(opens).toHaveText(
			`${localTime(spec.opensAt, offset, 'ar')} (${offsetLabel(offset)})`
		);
		if (javaScriptEnabled) {
			await page.reload();
			await page.waitForLoadState('networkidle');
			await expect(opens).toContainText('(UTC+03:00)');
		}
		// a post of "start" all the same is refused with the message, not a 500
		const post = await context.request.post(`/assignments/${assignmentId}?/start`, {
			headers: formPost(baseURL!),
			form: {},
			maxRedirects: 0
		});
		expect(post.status()).toBe(409);
		// posts with a missing, wrong or huge attempt id get a 400
		for (const form of [
			{} as Record<string, string>,
			{ _attempt: 'nope' },
			{ _attempt: 'x'.repeat(100_000) }
		]) {
			const r = await context.request.post(`/assignments/${assignmentId}?/save`, {
				headers: formPost(baseURL!),
				form,
				maxRedirects: 0
			});
			expect(r.status()).toBe(400);
		}
		await context.close();
	} finally {
		await handle.db.deleteFrom('assignment').where('id', '=', assignmentId).execute();
	}
});

test('a practice assignment checks each answer as the student goes; a test never does', async ({
	browser,
	javaScriptEnabled,
	baseURL
}) => {
	const { classId, joinCode } = await seedClass();
	const practiceId = await createAssignment(
		handle.db,
		classId,
		testSpec({ title: `Flamingo practice ${Date.now()}`, mode: 'practice', timeLimit: 0 })
	);
	const testId = await createAssignment(handle.db, classId, testSpec({ timeLimit: 0 }));
	try {
		const context = await device(browser, javaScriptEnabled, 'en', baseURL!);
		const page = await join(context, joinCode, 'Hana');
		await page.goto(`/assignments/${practiceId}`);
		await page.getByRole('button', { name: 'Start', exact: true }).click();
		const ids = await questionIds(page);
		await page.waitForLoadState('networkidle');
		const [first, last] = ids.map((id) => byId.get(id)! as { id: string; answer: string });

		// the last question, answered right and checked: its verdict, with the page on it
		await page.locator(`input[name="${last.id}"]`).fill(last.answer);
		const check = page.locator(`#q-${last.id} button[name="_check"]`);
		await check.click();
		const verdict = page.locator(`#q-${last.id} .feedback .verdict`);
		await expect(verdict).toContainText('Correct');
		await expect(verdict).toBeInViewport();
		// with JavaScript the page stays, focus on the button; without, it lands on the question
		if (javaScriptEnabled) await expect(check).toBeFocused();
		else expect(new URL(page.url()).hash).toBe(`#q-${last.id}`);
		await expect(page.locator(`#q-${first.id} .feedback`)).toHaveCount(0);

		// an unanswered question is asked for first; the verdict checked before stays
		await page.locator(`#q-${first.id} button[name="_check"]`).click();
		await expect(page.locator(`#q-${first.id} [role="alert"]`)).toHaveText(
			'Answer first, then check.'
		);
		await expect(verdict).toContainText('Correct');

		// the check saved the answer and its verdict: both are there after a reload
		await page.goto(`/assignments/${practiceId}`);
		await expect(page.locator(`input[name="${last.id}"]`)).toHaveValue(last.answer);
		await expect(verdict).toContainText('Correct');
		const attemptId = await page.locator('input[name=_attempt]').inputValue();
		const saved = await handle.db
			.selectFrom('answer')
			.select('question_id')
			.where('attempt_id', '=', attemptId)
			.execute();
		expect(saved.map((r) => r.question_id)).toEqual([last.id]);

		// a test offers no check, and a check posted to it all the same is refused, the answer kept
		await page.goto(`/assignments/${testId}`);
		await page.getByRole('button', { name: 'Start', exact: true }).click();
		const testIds = await questionIds(page);
		await expect(page.locator('button[name="_check"]')).toHaveCount(0);
		const testAttempt = await page.locator('input[name=_attempt]').inputValue();
		const posted = await context.request.post(`/assignments/${testId}?/check`, {
			headers: formPost(baseURL!),
			form: { _attempt: testAttempt, [testIds[0]]: 'kept', _check: testIds[0] },
			maxRedirects: 0
		});
		expect(posted.status()).toBe(400);
		const body = await posted.text();
		expect(body).toContain('A test is marked when it is submitted');
		expect(body).not.toContain(byId.get(testIds[0])!.explanation);
		const kept = await handle.db
			.selectFrom('attempt')
			.innerJoin('answer', 'answer.attempt_id', 'attempt.id')
			.select(['answer.response', 'attempt.checks'])
			.where('attempt.id', '=', testAttempt)
			.execute();
		expect(kept.map((r) => JSON.parse(r.response))).toEqual([{ type: 'short', text: 'kept' }]);
		expect(kept.map((r) => r.checks)).toEqual(['{}']);
		await context.close();
	} finally {
		await handle.db.deleteFrom('assignment').where('id', 'in', [practiceId, testId]).execute();
	}
});

test('offline, Check and Submit on an assignment say so and keep the answers', async ({
	browser,
	javaScriptEnabled,
	baseURL
}) => {
	test.skip(!javaScriptEnabled, 'without JavaScript the browser itself says it is offline');
	const { classId, joinCode } = await seedClass();
	const practiceId = await createAssignment(
		handle.db,
		classId,
		testSpec({ title: `Flamingo offline ${Date.now()}`, mode: 'practice', timeLimit: 0 })
	);
	try {
		const context = await device(browser, javaScriptEnabled, 'en', baseURL!);
		const page = await join(context, joinCode, 'Rana');
		await page.goto(`/assignments/${practiceId}`);
		await page.getByRole('button', { name: 'Start', exact: true }).click();
		const [first] = await questionIds(page);
		const question = byId.get(first)! as { id: string; answer: string };
		await page.waitForLoadState('networkidle');

		await context.setOffline(true);
		const field = page.locator(`input[name="${first}"]`);
		await field.fill(question.answer);
		const box = page.locator(`#q-${first}`);
		await box.locator('button[name="_check"]').click();
		await expect(box.getByRole('alert')).toContainText('You are offline');
		await expect(box.locator('.feedback')).toHaveCount(0);
		await page.locator('form.work .end').getByRole('button', { name: 'Submit' }).click();
		await expect(page.locator('form.work > [role="alert"]')).toContainText('You are offline');
		await expect(page).toHaveURL(new RegExp(`/assignments/${practiceId}$`));
		await expect(field).toHaveValue(question.answer);

		// back online, the same buttons work and the answer typed offline is the one checked
		await context.setOffline(false);
		await box.locator('button[name="_check"]').click();
		await expect(box.locator('.feedback .verdict')).toContainText('Correct');
		await expect(page.getByText('You are offline')).toHaveCount(0);
		await context.close();
	} finally {
		await handle.db.deleteFrom('assignment').where('id', '=', practiceId).execute();
	}
});
