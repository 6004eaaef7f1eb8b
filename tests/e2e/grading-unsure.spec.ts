/**
 * Where the grader is unsure of a verdict, practice says so rather than a bare ✓: the quiz page's
 * check (with JavaScript and without) and self-study's practice (in the browser only). The answer
 * is found, not chosen by hand: a key of the bank typed with a letter short, which the grader
 * counts and flags for review.
 */
import { expect, test, type Page } from '@playwright/test';
import type { BankQuestion } from '../../src/lib/bank/check';
import { gradeQuestion } from '../../src/lib/grading/grade';
import type { GradeContext } from '../../src/lib/grading/types';
import { strings } from '../../src/lib/i18n';
import { loadBank } from '../../src/lib/server/bank';
import { emptyProgress } from '../../src/lib/study/progress';
import { pickItems } from '../../src/lib/study/session';
import { formAt, studyItems, type StudySet } from '../../src/lib/study/set';

const slug = 'sarraj-africom-zuwara';
const article = loadBank('questions').articles.find((a) => a.slug === slug)!;
const unsure = strings('ar').quiz.unsure;

/** An answer to a short question that the grader counts right but is unsure of, if there is one. */
function unsureAnswer(q: BankQuestion, context: GradeContext): string | undefined {
	if (q.type !== 'short') return undefined;
	const typos = [q.answer.slice(0, -1), q.answer.slice(0, -2) + q.answer.slice(-1)];
	return typos.find((typed) => {
		const r = gradeQuestion(q, { type: 'short', text: typed }, context);
		return r.correct && r.review;
	});
}

test('a practice check the grader is unsure of says so; a sure one does not', async ({ page }) => {
	const q = article.questions.find(
		(x): x is BankQuestion & { type: 'short' } =>
			!x.assessment && unsureAnswer(x, { article }) !== undefined
	);
	expect(q, 'a practice question with an answer the grader is unsure of').toBeDefined();
	const typed = unsureAnswer(q!, { article })!;
	const check = async (answer: string) => {
		await page.goto(`/quiz/${slug}?seed=unsure1&mode=practice&ids=${q!.id}`);
		await page.locator(`#q-${q!.id} input[type=text]`).fill(answer);
		await page.locator(`button[name="_check"][value="${q!.id}"]`).click();
		const feedback = page.locator(`#q-${q!.id} .feedback`);
		await expect(feedback.locator('.verdict')).toContainText('صحيح');
		return feedback;
	};
	await expect((await check(typed)).locator('.unsure')).toHaveText(unsure);
	await expect((await check(q!.answer)).locator('.unsure')).toHaveCount(0);
});

/** The question on screen in a practice sitting. */
async function questionOnScreen(page: Page, set: StudySet) {
	const fieldset = page.locator('form.practice-question fieldset.question');
	await expect(fieldset).toBeVisible();
	const id = (await fieldset.getAttribute('id'))!.replace(/^q-/, '');
	return set.questions.find((x) => x.id === id)!;
}

/** Some answer to the question on screen, right or not: the first option, or «1» typed. */
async function answerSomehow(page: Page) {
	const form = page.locator('form.practice-question');
	const next = page.locator('section.feedback > button');
	// an answer given while the page is still hydrating can be lost ("answer first"): give it again
	for (let tries = 0; tries < 3; tries++) {
		const choice = form.locator('input[type=radio], input[type=checkbox]');
		if (await choice.count()) await choice.first().check({ force: true });
		for (const field of await form.locator('input[type=text]').all()) await field.fill('1');
		for (const select of await form.locator('select').all())
			await select.selectOption({ index: 1 });
		await page.getByRole('button', { name: strings('ar').study.check }).click();
		if (
			await next.waitFor({ timeout: 5_000 }).then(
				() => true,
				() => false
			)
		)
			break;
	}
	await next.click();
}

test('self-study practice says when the grader is unsure', async ({ page, javaScriptEnabled }) => {
	test.skip(!javaScriptEnabled, 'self-study grades in the browser, so it needs JavaScript');
	// it answers the questions before the one it wants: more than one question's time
	test.setTimeout(120_000);
	const set = (await (await page.request.get(`/study/${slug}/set.json`)).json()) as StudySet;
	const context = { article: set.article };
	// The paragraph sitting that comes soonest to a question the grader can be unsure of.
	const items = studyItems([set]);
	const sittings = set.article.paragraphs.map((p) => {
		const spec = { mode: 'paragraph' as const, article: slug, paragraph: p.id };
		const asked = pickItems(items, emptyProgress(), spec).map((item) => formAt(item, 0));
		return { paragraph: p.id, at: asked.findIndex((q) => unsureAnswer(q, context)) };
	});
	const soonest = sittings.filter((s) => s.at >= 0).sort((a, b) => a.at - b.at)[0];
	expect(soonest, 'a sitting with a question the grader can be unsure of').toBeDefined();
	await page.goto(`/study/practice?mode=paragraph&article=${slug}&paragraph=${soonest.paragraph}`);
	await expect(page.locator('form.practice-question')).toBeVisible();
	for (let i = 0; i < soonest.at; i++) await answerSomehow(page);
	const q = await questionOnScreen(page, set);
	const typed = unsureAnswer(q, context);
	expect(typed, `an answer to ${q.id} the grader is unsure of`).toBeDefined();
	const form = page.locator('form.practice-question');
	await form.locator(`[name="${q.id}"]`).fill(typed!);
	await page.getByRole('button', { name: strings('ar').study.check }).click();
	await expect(page.locator('section.feedback h2')).toHaveText(/صحيحة/);
	await expect(form.locator('.unsure')).toHaveText(unsure);
});
