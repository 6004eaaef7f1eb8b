/**
 * Polished for an Arabic classroom (issue 17), JavaScript on and off, in Arabic and English:
 * every route fits a 320 px and a 390 px screen without sideways scrolling, and axe finds
 * nothing on it.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { BankQuestion } from '../../src/lib/bank/check';
import { createAssignment } from '../../src/lib/server/assignments';
import { loadBank } from '../../src/lib/server/bank';
import type { DatabaseHandle } from '../../src/lib/server/db';
import {
	assignmentSpec,
	openServerDatabase,
	seedClass,
	seedStudent,
	seedSubmitted
} from './fixtures/assignments';
import { TEACHER_STATE } from './fixtures/teacher';

const AR = 'sarraj-africom-zuwara';
const EN = 'harbour-library';
const WIDTHS = [320, 390];

/** Who visits a route: anyone, the signed-in test teacher, or a student who joined a class. */
type Visitor = 'anyone' | 'teacher' | 'student';

interface Route {
	name: string;
	visitor: Visitor;
	/** goes to the page (and through whatever leads there); returns its URL */
	open: (page: Page) => Promise<string>;
}

const go = (path: string) => async (page: Page) => {
	await page.goto(path);
	return page.url();
};

/** A route that must be found (a stored assignment's pages): a 404 would pass for a narrow page. */
const found = (path: () => string) => async (page: Page) => {
	const response = await page.goto(path());
	expect(response?.status(), path()).toBe(200);
	return page.url();
};

/** The class the student routes use, made once per worker by the test teacher. */
let classId = '';
let joinCode = '';

test.beforeAll(async ({ browser }) => {
	const context = await browser.newContext({ storageState: TEACHER_STATE });
	const page = await context.newPage();
	await page.goto('/teacher/classes');
	await page.locator('form[action="?/create"] input[name=name]').fill(`Widths ${Date.now()}`);
	await page.locator('form[action="?/create"] button').click();
	await expect(page).toHaveURL(/\/teacher\/classes\/[\w-]+$/);
	classId = page.url().split('/').pop()!;
	joinCode = (await page.getByTestId('join-code').textContent())!.trim();
	await context.close();
});

/**
 * The assignment the review and audit routes show, stored once per worker: a test of the Arabic
 * article that closed an hour ago (a closed test keeps nothing from the public routes, so the
 * specs that quiz named questions in public are not disturbed), two questions, three students who
 * submitted, two of them the same wrong answer (a group to review).
 */
let assignmentId = '';
let handle: DatabaseHandle | undefined;

test.beforeAll(async ({ baseURL }) => {
	handle = await openServerDatabase(baseURL!);
	const db = handle.db;
	const article = loadBank('questions').articles.find((a) => a.slug === AR)!;
	const short = article.questions.find(
		(q): q is BankQuestion & { type: 'short' } => q.type === 'short'
	)!;
	const single = article.questions.find(
		(q): q is BankQuestion & { type: 'single' } => q.type === 'single'
	)!;
	// closed an hour ago: past the longest grace (10 minutes), when a test stops being secret
	const closed = Date.now() - 3_600_000;
	const { classId: reviewed } = await seedClass(db, { name: 'Widths review' });
	assignmentId = await createAssignment(
		db,
		reviewed,
		assignmentSpec({
			title: 'Widths review',
			article: AR,
			n: 2,
			opensAt: 0,
			closesAt: closed,
			seed: 'e2e-widths'
		})
	);
	const given = ['لا أعرف', 'لا أعرف', short.answer];
	for (const [i, text] of given.entries()) {
		const studentId = await seedStudent(db, reviewed, ['أمل', 'بدر', 'كميل'][i]);
		await seedSubmitted(db, {
			studentId,
			assignmentId,
			article,
			ids: [short.id, single.id],
			answers: {
				[short.id]: { type: 'short', text },
				[single.id]: { type: 'single', choice: single.distractors[0].text }
			},
			startedAt: closed - 120_000,
			submittedAt: closed - 60_000
		});
	}
});
test.afterAll(async () => handle?.close());

/** Finishes a short practice quiz unanswered: the results page shows every key. */
async function results(page: Page, slug: string) {
	await page.goto(`/quiz/${slug}?n=12&seed=widths1&mode=practice`);
	await page.waitForLoadState('networkidle');
	await page.locator('.end button[formaction*="submit"]').click();
	await expect(page).toHaveURL(/\/results\//);
	return page.url();
}

const ROUTES: Route[] = [
	{ name: 'home', visitor: 'anyone', open: go('/') },
	{ name: 'Arabic article', visitor: 'anyone', open: go(`/articles/${AR}`) },
	{ name: 'English article', visitor: 'anyone', open: go(`/articles/${EN}`) },
	{
		name: 'Arabic quiz',
		visitor: 'anyone',
		open: go(`/quiz/${AR}?n=12&seed=widths1&mode=practice`)
	},
	{
		name: 'English quiz',
		visitor: 'anyone',
		open: go(`/quiz/${EN}?n=12&seed=widths1&mode=practice`)
	},
	{
		name: 'timed test, before its start',
		visitor: 'anyone',
		open: go(`/quiz/${AR}?n=5&seed=widths2&mode=test&time=10`)
	},
	{ name: 'Arabic results', visitor: 'anyone', open: (page) => results(page, AR) },
	{ name: 'English results', visitor: 'anyone', open: (page) => results(page, EN) },
	{ name: 'join', visitor: 'anyone', open: go('/join') },
	{ name: 'spent re-entry link', visitor: 'anyone', open: go('/reenter/not-a-token') },
	{ name: 'study', visitor: 'anyone', open: go('/study') },
	{ name: 'study an article', visitor: 'anyone', open: go(`/study/${AR}`) },
	{ name: 'study practice', visitor: 'anyone', open: go('/study/practice') },
	{ name: 'teacher sign-in', visitor: 'anyone', open: go('/teacher/sign-in') },
	{ name: 'no such page', visitor: 'anyone', open: go('/no-such-page') },
	{ name: 'no such article', visitor: 'anyone', open: go('/articles/nope') },
	{ name: 'bank', visitor: 'teacher', open: go('/teacher') },
	{ name: 'bank check', visitor: 'teacher', open: go('/teacher/check') },
	{ name: 'export', visitor: 'teacher', open: go(`/teacher/export?format=gift&article=${AR}`) },
	{ name: 'classes', visitor: 'teacher', open: go('/teacher/classes') },
	{ name: 'a class', visitor: 'teacher', open: (page) => go(`/teacher/classes/${classId}`)(page) },
	{
		name: 'assign a quiz',
		visitor: 'teacher',
		open: (page) => go(`/teacher/classes/${classId}/assign`)(page)
	},
	{
		name: 'review an assignment',
		visitor: 'teacher',
		open: found(() => `/teacher/assignments/${assignmentId}/review`)
	},
	{
		name: 'audit an assignment',
		visitor: 'teacher',
		open: found(() => `/teacher/assignments/${assignmentId}/audit`)
	},
	{ name: 'student home', visitor: 'student', open: go('/student') }
];

/**
 * The page's width, and the innermost elements that stick out of the screen (to name the culprit
 * when the width is wrong).
 */
function overflow() {
	const outside = [...document.body.querySelectorAll('*')]
		.filter((e) => {
			const r = e.getBoundingClientRect();
			return r.width > 0 && (r.left < -1 || r.right > window.innerWidth + 1);
		})
		.filter((e, _, all) => !all.some((other) => other !== e && e.contains(other)))
		.slice(0, 5)
		.map((e) => {
			const r = e.getBoundingClientRect();
			const name = e.getAttribute('name') ? `[name=${e.getAttribute('name')}]` : '';
			const classes = [...e.classList].map((c) => `.${c}`).join('');
			return `${e.tagName.toLowerCase()}${classes}${name} ${Math.round(r.left)}–${Math.round(r.right)}`;
		})
		.join(', ');
	return { scrollWidth: document.documentElement.scrollWidth, outside };
}

/** A browser context for the visitor, in the interface language. */
async function contextFor(
	browser: Browser,
	visitor: Visitor,
	javaScriptEnabled: boolean,
	ui: 'ar' | 'en',
	baseURL: string
) {
	const context = await browser.newContext({
		javaScriptEnabled,
		storageState: visitor === 'teacher' ? TEACHER_STATE : undefined
	});
	await context.addCookies([{ name: 'ui', value: ui, url: baseURL }]);
	if (visitor === 'student') {
		const page = await context.newPage();
		await page.goto(`/join?code=${joinCode}`);
		await page.locator('input[name=name]').fill(ui === 'ar' ? 'سارة' : 'Sara');
		await page.locator('main form button').click();
		await expect(page).toHaveURL(/\/student$/);
		await page.close();
	}
	return context;
}

for (const ui of ['ar', 'en'] as const) {
	for (const route of ROUTES) {
		test(`${route.name} fits 320 and 390 px and passes axe (${ui})`, async ({
			browser,
			javaScriptEnabled,
			baseURL
		}) => {
			test.slow();
			const context = await contextFor(browser, route.visitor, javaScriptEnabled, ui, baseURL!);
			const page = await context.newPage();
			await page.setViewportSize({ width: WIDTHS[0], height: 740 });
			const url = await route.open(page);
			await expect(page.locator('html')).toHaveAttribute('lang', ui);
			for (const width of WIDTHS) {
				await page.setViewportSize({ width, height: 740 });
				if (width !== WIDTHS[0]) await page.goto(url);
				const { scrollWidth, outside } = await page.evaluate(overflow);
				expect(scrollWidth, `${route.name} at ${width} px: ${outside}`).toBeLessThanOrEqual(width);
			}
			if (javaScriptEnabled) {
				const axe = await new AxeBuilder({ page }).analyze();
				const found = axe.violations.map(
					(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
				);
				expect(found).toEqual([]);
			}
			await context.close();
		});
	}
}

for (const ui of ['ar', 'en'] as const) {
	test(`a missing page and a missing article say so in the interface language (${ui})`, async ({
		page,
		baseURL
	}) => {
		await page.context().addCookies([{ name: 'ui', value: ui, url: baseURL! }]);
		const other = ui === 'ar' ? /Not Found|No article/ : /[\u0600-\u06FF]/;
		const missing = await page.goto('/no-such-page');
		expect(missing?.status()).toBe(404);
		await expect(page.locator('h1')).toHaveText(
			ui === 'ar' ? 'لم نجد هذه الصفحة' : 'Page not found'
		);
		await expect(page).toHaveTitle(ui === 'ar' ? /لم نجد هذه الصفحة/ : /Page not found/);
		await expect(page.locator('main')).not.toContainText(other);
		const article = await page.goto('/articles/nope');
		expect(article?.status()).toBe(404);
		await expect(page.locator('main')).toContainText(
			ui === 'ar' ? 'لا مقالة باسم' : 'No article named'
		);
		await expect(page.locator('main')).not.toContainText(other);
	});
}

test.describe('the bank a page at a time', () => {
	test.use({ storageState: TEACHER_STATE });

	for (const ui of ['ar', 'en'] as const) {
		test(`25 questions a page, plain links that keep the filters, the export form in reach (${ui})`, async ({
			page,
			javaScriptEnabled
		}) => {
			const response = await page.goto(`/teacher?ui=${ui}`);
			// was 453 KB with every question on one page
			expect((await response!.body()).length).toBeLessThan(200_000);
			const items = page.locator('ol.questions > li');
			await expect(items).toHaveCount(25);
			const total = Number(await page.getByTestId('shown-count').textContent());
			expect(total).toBeGreaterThan(25);
			const pager = page.getByRole('navigation', {
				name: ui === 'ar' ? 'صفحات الأسئلة' : 'Pages of questions'
			});
			await expect(pager.getByTestId('page-range')).toHaveText(
				ui === 'ar' ? `الأسئلة 1–25 من ${total}` : `Questions 1–25 of ${total}`
			);
			// the range is one left-to-right piece: "1–25", never "25–1" in Arabic
			await expect(pager.getByTestId('page-range').locator('bdi').first()).toHaveAttribute(
				'dir',
				'ltr'
			);
			await expect(pager.locator('[aria-current=page]')).toHaveText('1');
			const first = await items.first().getAttribute('data-id');
			await pager.getByRole('link', { name: ui === 'ar' ? 'التالية' : 'Next' }).click();
			await expect(page).toHaveURL(/[?&]page=2/);
			await expect(pager.locator('[aria-current=page]')).toHaveText('2');
			expect(await items.first().getAttribute('data-id')).not.toBe(first);

			// a filter and a page: the links keep both; ticking a box keeps the page
			await page.goto(`/teacher?ui=${ui}&article=sarraj-africom-zuwara&page=2`);
			const href = await pager
				.getByRole('link', { name: ui === 'ar' ? 'السابقة' : 'Previous' })
				.getAttribute('href');
			expect(href).toContain('article=sarraj-africom-zuwara');
			expect(href).not.toContain('page=');
			const id = (await items.nth(3).getAttribute('data-id'))!;
			await page.locator(`#select-${id}`).check();
			if (!javaScriptEnabled) {
				await page
					.getByRole('button', { name: ui === 'ar' ? /حفظ|احفظ/ : /Save selection/ })
					.first()
					.click();
				await expect(page).toHaveURL(/page=2/);
			}
			await expect(page.locator(`#select-${id}`)).toBeChecked();
			await expect(page.getByTestId('selected-count')).not.toHaveText('0');
			await expect(page.locator('section.export form button[type=submit]')).toBeEnabled();

			// a page past the end shows the last; a page that is not a number is a 400
			await page.goto(`/teacher?ui=${ui}&page=999`);
			await expect(pager.locator('[aria-current=page]')).toHaveText(String(Math.ceil(total / 25)));
			const bad = await page.goto(`/teacher?ui=${ui}&page=two`);
			expect(bad?.status()).toBe(400);
			await page.goto(`/teacher?ui=${ui}`);
			await page
				.getByRole('button', { name: ui === 'ar' ? /مسح|امسح/ : 'Clear selection' })
				.click();
			await expect(page.getByTestId('selected-count')).toHaveText('0');
		});
	}
});

for (const ui of ['ar', 'en'] as const) {
	test(`a score reads left to right, "3.75 / 6" not "6 / 3.75" (${ui})`, async ({
		page,
		baseURL
	}) => {
		await page.context().addCookies([{ name: 'ui', value: ui, url: baseURL! }]);
		await results(page, AR);
		await expect(page.getByTestId('score')).toHaveAttribute('dir', 'ltr');
		await expect(page.getByTestId('score')).toHaveText(/^\d+(\.\d+)? \/ \d+(\.\d+)?$/);
		for (const row of await page.locator('table bdi').all()) {
			await expect(row).toHaveAttribute('dir', 'ltr');
		}
	});
}
