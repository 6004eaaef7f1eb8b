/**
 * The results of a quiz link show each answer's evidence where it stands (issue 17, must-fix 7):
 * the results page has no article beside the answers, so instead of a link to a paragraph that is
 * not there, the paragraph itself, whole, in the article's language and direction, the quote
 * marked. JavaScript on and off, interface in Arabic and English. (An assignment's attempt page
 * shares the list: assignments.spec.ts.)
 */
import { expect, test } from '@playwright/test';
import { loadBank } from '../../src/lib/server/bank';

const SLUG = 'sarraj-africom-zuwara';
const article = loadBank('questions').articles.find((a) => a.slug === SLUG)!;
const byId = new Map(article.questions.map((q) => [q.id, q]));

const WORDS = {
	ar: { submit: 'سلّم الاختبار', evidenceIn: 'الدليل في الفقرة' },
	en: { submit: 'Submit the test', evidenceIn: 'Evidence in paragraph' }
} as const;

for (const ui of ['ar', 'en'] as const) {
	test(`a submitted test shows each answer's evidence in its paragraph (${ui})`, async ({
		page
	}) => {
		await page.goto(`/quiz/${SLUG}?n=3&seed=evidence-${ui}&mode=test&ui=${ui}`);
		const ids = await page
			.locator('fieldset.question')
			.evaluateAll((boxes) => boxes.map((b) => b.id.replace(/^q-/, '')));
		expect(ids).toHaveLength(3);
		// nothing answered: every verdict is "not answered", and the evidence still shows
		await page.getByRole('button', { name: WORDS[ui].submit }).click();
		await expect(page.locator('.feedback.unanswered')).toHaveCount(3);
		for (const id of ids) {
			const q = byId.get(id)!;
			const item = page.locator(`ol.questions > li[data-question="${id}"]`);
			const cited = [...new Set(q.spans.map((s) => s.paragraph))];
			await expect(item.getByTestId('evidence')).toHaveCount(cited.length);
			const span = q.spans[0];
			const paragraph = article.paragraphs.find((p) => p.id === span.paragraph)!;
			const figure = item.locator(`[data-testid=evidence][data-paragraph=${paragraph.id}]`);
			await expect(figure.locator('figcaption')).toHaveText(
				`${WORDS[ui].evidenceIn} ${paragraph.n}`
			);
			const quote = figure.locator('blockquote');
			await expect(quote).toHaveAttribute('lang', article.language);
			await expect(quote).toHaveAttribute('dir', article.direction);
			await expect(quote).toHaveText(paragraph.text);
			await expect(quote.locator('mark')).toContainText([
				paragraph.text.slice(span.start, span.end)
			]);
		}
		// no link to a paragraph the page does not hold
		await expect(page.locator('ol.questions a[href^="#"]')).toHaveCount(0);
	});
}
