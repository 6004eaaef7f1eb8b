/**
 * Reading beside answering (issue 17, must fix 2), at 1280 and 390 px, in Arabic and English,
 * JavaScript on and off: the text scrolls on its own, a question's paragraph link takes the text
 * there (the question staying in view), a phone opens the text at the cited paragraph, the text
 * marks the evidence of the question in focus only, and the evidence link shows the phrase.
 */
import { expect, test, type Page } from '@playwright/test';
import { loadBank } from '../../src/lib/server/bank';

const bank = loadBank('questions');
const question = (slug: string, id: string) => {
	const q = bank.articles.find((a) => a.slug === slug)!.questions.find((x) => x.id === id);
	if (!q) throw new Error(`no question ${id} in ${slug}: the bank changed`);
	return q;
};

interface Case {
	ui: 'ar' | 'en';
	slug: string;
	/** questions before the one asked about, so it stands screens down the page */
	before: string[];
	/** a single-choice question about a late paragraph, and that paragraph */
	late: string;
	paragraph: string;
	/** the name of its paragraph link */
	link: string;
	/** the name of its evidence link once checked */
	evidence: string;
}

const CASES: Case[] = [
	{
		ui: 'ar',
		slug: 'sarraj-africom-zuwara',
		before: [
			'who-met-sarraj',
			'meeting-day',
			'where-meeting-city',
			'zuwara-distance',
			'berlin-summit'
		],
		late: 'offensive-goal',
		paragraph: 'p11',
		link: 'الفقرة 11',
		evidence: 'الدليل في الفقرة 11'
	},
	{
		ui: 'en',
		slug: 'harbour-library',
		before: ['harbour-direction', 'harbour-reopen-day', 'harbour-librarian', 'harbour-cost'],
		late: 'harbour-mayor-dry',
		paragraph: 'p5',
		link: 'Paragraph 5',
		evidence: 'Evidence in paragraph 5'
	}
];

/** Opens a practice quiz of these questions in the interface language, waiting for hydration. */
async function open(page: Page, c: Case, ids: string[]) {
	await page.goto(`/quiz/${c.slug}?seed=read1&mode=practice&ui=${c.ui}&ids=${ids.join(',')}`);
	await page.waitForLoadState('networkidle');
}

/** Answers a single-choice question right and checks it. */
async function checkRight(page: Page, slug: string, id: string) {
	const q = question(slug, id);
	if (q.type !== 'single') throw new Error(`${id} is not a single choice`);
	const box = page.locator(`#q-${id}`);
	await box.locator(`input[value="${q.answer.text}"]`).check();
	await box.locator('button[name="_check"]').click();
	await expect(box.locator('.feedback .verdict')).toBeVisible();
}

for (const c of CASES) {
	test.describe(`${c.ui}, 1280 px`, () => {
		test.use({ viewport: { width: 1280, height: 800 } });

		test('the text scrolls on its own; a paragraph link takes it there, the question in view', async ({
			page
		}) => {
			await open(page, c, [...c.before, c.late]);
			const text = page.locator('details.text section');
			// no taller than the screen, its own scroller (when the article is longer than that)
			const size = await text.evaluate((el) => ({
				height: el.getBoundingClientRect().height,
				overflow: getComputedStyle(el).overflowY
			}));
			expect(size.height).toBeLessThanOrEqual(800);
			expect(size.overflow).toBe('auto');
			const link = page.locator(`#q-${c.late}`).getByRole('link', { name: c.link });
			await link.scrollIntoViewIfNeeded();
			await link.click();
			await expect(page.locator(`details.text #${c.paragraph}`)).toBeInViewport();
			await expect(link).toBeInViewport();
		});

		test('the text marks the evidence of the question in focus, not of every one checked', async ({
			page,
			javaScriptEnabled
		}) => {
			const first = c.before[0];
			const p1 = question(c.slug, first).paragraph[0];
			await open(page, c, [first, c.late]);
			await checkRight(page, c.slug, first);
			await expect(page.locator(`details.text #${p1} mark`).first()).toBeAttached();
			await checkRight(page, c.slug, c.late);
			await expect(page.locator(`details.text #${c.paragraph} mark`).first()).toBeAttached();
			await expect(page.locator(`details.text #${p1} mark`)).toHaveCount(0);
			if (!javaScriptEnabled) return;
			// back to the first question: its evidence is the one marked again
			await page.locator(`#q-${first} input`).first().focus();
			await expect(page.locator(`details.text #${p1} mark`).first()).toBeAttached();
			await expect(page.locator(`details.text #${c.paragraph} mark`)).toHaveCount(0);
		});
	});

	test.describe(`${c.ui}, 390 px`, () => {
		test.use({ viewport: { width: 390, height: 844 } });

		test('a paragraph link opens the text at the cited paragraph', async ({ page }) => {
			await open(page, c, [...c.before, c.late]);
			const panel = page.locator('details.text');
			await expect(panel).not.toHaveAttribute('open');
			const link = page.locator(`#q-${c.late}`).getByRole('link', { name: c.link });
			await link.scrollIntoViewIfNeeded();
			await link.click();
			await expect(panel).toHaveAttribute('open');
			await expect(panel.locator(`#${c.paragraph}`)).toBeInViewport();
		});

		test('the evidence link shows the marked phrase, not the whole paragraph', async ({ page }) => {
			await open(page, c, [...c.before, c.late]);
			await checkRight(page, c.slug, c.late);
			await page.locator(`#q-${c.late} .feedback`).getByRole('link', { name: c.evidence }).click();
			const paragraph = page.locator(`details.text #${c.paragraph}`);
			await expect(paragraph.locator('mark').first()).toBeInViewport();
			// the phrase stands out: the rest of the paragraph is not painted as marked
			const mark = await paragraph
				.locator('mark')
				.first()
				.evaluate((el) => getComputedStyle(el).backgroundColor);
			const rest = await paragraph
				.locator('p')
				.evaluate((el) => getComputedStyle(el).backgroundColor);
			expect(rest).not.toBe(mark);
		});
	});
}
