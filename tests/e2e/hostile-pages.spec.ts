/**
 * The hostile bank through every page (issue 18): a server of this spec's own serves
 * tests/fixtures/hostile-bank (its sound article's title, text, questions and explanations hold
 * markup, `]]>`, formulas, template braces, bidi overrides, terminal escapes; its broken files fail
 * the check and are listed on the teacher's pages with their ids and messages). Every page shows
 * that text as text: no element it names is made, no script it holds runs, no answer is a 5xx.
 * The main suite's server and bank are left alone.
 */
import { expect, test, type Page } from '@playwright/test';
import { startServer, type StartedServer } from './fixtures/server';
import { signInTeacher } from './fixtures/teacher';

const BANK = 'tests/fixtures/hostile-bank';
const SLUG = 'hostile';

/** The scripts the bank's text holds: none may become an element, let alone run. */
const INJECTED_SCRIPTS = ['alert("title")', "alert('prompt')", 'alert("p1")'];

let server: StartedServer;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	test.setTimeout(120_000);
	server = await startServer('hostile', { DALIL_QUESTIONS: BANK });
});
test.afterAll(async () => {
	await server?.stop();
});

/** What a page did that it must not: a dialog (an alert ran), a 5xx, a blocked inline script. */
function watch(page: Page) {
	const problems: string[] = [];
	page.on('dialog', (d) => {
		problems.push(`a dialog opened: ${d.message()}`);
		void d.dismiss();
	});
	page.on('response', (r) => {
		if (r.status() >= 500) problems.push(`${r.status()} for ${r.url()}`);
	});
	page.on('console', (m) => {
		// a policy violation is a script or handler the page did not write, refused
		if (/Content.Security.Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
	});
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	return problems;
}

/** No element the bank's text names: scripts, images, the bold and italic of its markup. */
async function expectNoInjection(page: Page, what: string) {
	const found = await page.evaluate((scripts) => {
		const out: string[] = [];
		for (const s of document.querySelectorAll('script')) {
			if (scripts.includes((s.textContent ?? '').trim())) out.push(`script ${s.textContent}`);
		}
		for (const img of document.querySelectorAll('img[src="x"], img[onerror]')) {
			out.push(`img ${img.outerHTML}`);
		}
		for (const el of document.querySelectorAll('b, i')) {
			if (/^(welcome|Monday|tag)$/.test(el.textContent ?? '')) out.push(el.outerHTML);
		}
		for (const el of document.querySelectorAll('*')) {
			for (const a of el.attributes) {
				if (/^on/i.test(a.name) && /alert/.test(a.value)) out.push(`${a.name} on ${el.tagName}`);
			}
		}
		return out;
	}, INJECTED_SCRIPTS);
	expect(found, `${what}: elements made from the bank's text`).toEqual([]);
}

/**
 * Opens a page of the hostile server and checks it: a 200, nothing injected, nothing run.
 * @returns what the page did wrong later on (it keeps watching)
 */
async function visit(page: Page, path: string) {
	const problems = watch(page);
	const response = await page.goto(`${server.url}${path}`);
	expect(response?.status(), path).toBe(200);
	await expectNoInjection(page, path);
	return problems;
}

test('the home page and the article page show the hostile text as text', async ({ page }) => {
	let problems = await visit(page, '/');
	await expect(page.getByText('<script>alert("title")</script> The').first()).toBeVisible();
	expect(problems).toEqual([]);

	problems = await visit(page, `/articles/${SLUG}?ui=en`);
	expect(await page.title()).toContain('<script>alert("title")</script>');
	const main = page.locator('main');
	await expect(main).toContainText('The harbour <script>alert("p1")</script> opened on Monday');
	await expect(main).toContainText('the ]]> mayor said "<b>welcome</b>" & "goodbye"');
	await expect(main).toContainText('Braces {{7*7}} and ${7*7} and <!-- a comment -->');
	await expect(main).toContainText('CDATA <![CDATA[x]]> stay as written');
	await expect(main).toContainText('\u202egnp.exe\u202c');
	await expect(main).toContainText('Dalil tests <img src=x onerror=alert(1)>');
	expect(problems).toEqual([]);
});

test('the quiz shows the hostile questions as text, and its results the explanations', async ({
	page
}) => {
	// every sound question by name (a quiz picks one a paragraph, and two stand in p1)
	const ids = 'hostile-day,hostile-formula,hostile-bidi,hostile-braces,hostile-controls';
	const problems = await visit(page, `/quiz/${SLUG}?ids=${ids}&seed=a&ui=en`);
	const main = page.locator('main');
	await expect(main).toContainText("<script>alert('prompt')</script> On which day");
	await expect(main).toContainText(
		'=HYPERLINK("http://evil.example", "When did the ferry leave?")'
	);
	await expect(main).toContainText('{{7*7}} ${7*7} How long is the bridge');
	await expect(main).toContainText("+cmd|' /C calc'!A0");
	// the prompt's terminal escapes are text too: the page after them is whole
	await expect(main).toContainText('On which day did the harbour open?');
	await page.getByRole('button', { name: 'Finish' }).click();
	await expect(page).toHaveURL(/\/results\//);
	await expectNoInjection(page, 'results');
	await expect(page.locator('main')).toContainText('The text says <b>Monday</b> ]]> &amp;');
	expect(problems).toEqual([]);
});

test('study pages: the set, and a practice sitting that renders it on the device', async ({
	page,
	javaScriptEnabled
}) => {
	let problems = await visit(page, '/study?ui=en');
	expect(problems).toEqual([]);
	problems = await visit(page, `/study/${SLUG}?ui=en`);
	await expect(page.locator('main')).toContainText('<script>alert("title")</script>');
	expect(problems).toEqual([]);
	if (!javaScriptEnabled) return;
	problems = await visit(page, `/study/practice?mode=new&article=${SLUG}&ui=en`);
	// the sitting draws its questions on the device, from the set's JSON
	await expect(page.locator('main')).toContainText(/<script>alert|=HYPERLINK|\{\{7\*7\}\}|boat/);
	await expectNoInjection(page, 'practice');
	expect(problems).toEqual([]);
});

test('the teacher pages: the bank, its check with the failed files, the export', async ({
	page
}) => {
	await signInTeacher(page, server.url);
	let problems = await visit(page, '/teacher?ui=en');
	await expect(page.locator('main')).toContainText("<script>alert('prompt')</script>");
	expect(problems).toEqual([]);

	problems = await visit(page, '/teacher/check?ui=en');
	const main = page.locator('main');
	// a failed question of proto.yaml, and the escapes of escapes.yaml shown, not acted on
	await expect(main).toContainText('proto-q');
	await expect(main).toContainText('esc-');
	expect(problems).toEqual([]);

	problems = await visit(page, `/teacher/export?article=${SLUG}&format=moodle&ui=en`);
	expect(problems).toEqual([]);

	// the printable worksheet, served as a page
	problems = watch(page);
	const sheet = await page.goto(`${server.url}/teacher/export/file?article=${SLUG}&format=html`);
	expect(sheet?.status()).toBe(200);
	await expectNoInjection(page, 'worksheet');
	await expect(page.locator('body')).toContainText("<script>alert('prompt')</script> On which day");
	expect(problems).toEqual([]);
});

test('no page of the hostile article answers a malformed request with a 5xx', async ({
	request
}) => {
	for (const path of [
		`/articles/${SLUG}?p=%3Cscript%3E`,
		`/quiz/${SLUG}?seed=%3Cscript%3E`,
		`/quiz/${SLUG}?ids=hostile-day,%3Cscript%3E&seed=a`,
		`/study/${SLUG}/set.json`,
		'/study/index.json'
	]) {
		const response = await request.get(`${server.url}${path}`);
		expect(response.status(), path).toBeLessThan(500);
	}
});
