/**
 * Taking a quiz in the browser, with JavaScript and without (the js and no-js projects): a full
 * practice quiz and a full test in Arabic, answered right from the bank's keys; reload keeps a
 * test's answers; the answer key never reaches the browser before submission; accessibility;
 * a phone; bad links and bad posts; screenshots in both languages.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type Response } from '@playwright/test';
import type { BankQuestion } from '../../src/lib/bank/check';
import { parseCloze } from '../../src/lib/bank/schema';
import { versionNumber } from '../../src/lib/quiz/format';
import { hashText } from '../../src/lib/quiz/random';
import { loadBank } from '../../src/lib/server/bank';
import { TEACHER_STATE } from './fixtures/teacher';

const slug = 'sarraj-africom-zuwara';
const bank = loadBank('questions');
const article = bank.articles.find((a) => a.slug === slug)!;
const byId = new Map(article.questions.map((q) => [q.id, q]));

/**
 * Waits until the page has loaded its JavaScript and Kit has hydrated it (nothing more to fetch),
 * so a click is handled by the page's own code rather than by the browser alone.
 */
async function waitForHydration(page: Page) {
	await page.waitForLoadState('networkidle');
}

/** Ids of the questions on the page, in order. */
async function questionIds(page: Page): Promise<string[]> {
	const ids = await page.locator('fieldset.question').evaluateAll((els) => els.map((e) => e.id));
	return ids.map((id) => id.replace(/^q-/, ''));
}

/** Answers one question right, from its bank key, through its control. */
async function answerRight(page: Page, q: BankQuestion) {
	const box = page.locator(`#q-${q.id}`);
	switch (q.type) {
		case 'single':
			await box.locator(`input[value="${q.answer.text}"]`).check();
			break;
		case 'multiple':
			for (const o of q.answer) await box.locator(`input[value="${o.text}"]`).check();
			break;
		case 'truefalse':
			await box.locator(`input[value="${q.answer}"]`).check();
			break;
		case 'short':
			await box.locator('input[type=text]').fill(q.answer);
			break;
		case 'numeric':
			// typed in Arabic-Indic digits, as a student on an Arabic keyboard would
			await box
				.locator('input[type=text]')
				.fill(
					`${String(q.answer.value).replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)])} ${q.answer.unit ?? ''}`.trim()
				);
			break;
		case 'cloze': {
			const blanks = parseCloze(q.text).blanks;
			for (const [k, b] of blanks.entries())
				await box.locator(`input[name="${q.id}.${k}"]`).fill(b.answer);
			break;
		}
		case 'matching':
			for (const [k, p] of q.pairs.entries()) {
				await box.locator(`select[name="${q.id}.${k}"]`).selectOption({ value: p.right.text });
			}
			break;
		case 'ordering': {
			const shown = await box.locator('li bdi').allTextContents();
			const names = await box
				.locator('select')
				.evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).name));
			// one select at a time: with JavaScript the list reorders (and renumbers) as it goes
			for (const [i, item] of q.items.entries()) {
				const k = names[shown.indexOf(item.text)];
				await box.locator(`select[name="${k}"]`).selectOption(String(i + 1));
			}
			break;
		}
		case 'evidence': {
			const span = q.spans[0];
			const text = article.paragraphs.find((p) => p.id === span.paragraph)!.text;
			const words = [...text.matchAll(/\S+/g)];
			const inSpan = words
				.map((m, k) => ({ k, start: m.index, end: m.index + m[0].length }))
				.filter((w) => w.end > span.start && w.start < span.end);
			for (const w of [inSpan[0], inSpan[inSpan.length - 1]]) {
				await box.locator(`label:has(input[value="${span.paragraph}:${w.k}"])`).click();
			}
			break;
		}
	}
}

test('a full practice quiz in Arabic: check as you go, then the results', async ({
	page
}, testInfo) => {
	await page.goto(`/quiz/${slug}?n=6&seed=practice1&mode=practice`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	const ids = await questionIds(page);
	expect(ids.length).toBe(6);
	// the first question: a wrong (empty) check says so, then a right one
	const first = byId.get(ids[0])!;
	await answerRight(page, first);
	await page.locator(`#q-${first.id} button[value="${first.id}"]`).click();
	const verdict = page.locator(`#q-${first.id} .feedback .verdict`);
	await expect(verdict).toContainText('صحيح');
	await expect(page.locator(`#q-${first.id} .feedback mark`).first()).toBeVisible();
	// the evidence is marked in the article panel too
	await expect(
		page.locator(`details.text #${first.spans[0].paragraph} mark`).first()
	).toBeAttached();
	await page.screenshot({ path: testInfo.outputPath('quiz-practice-ar.png'), fullPage: true });

	for (const id of ids.slice(1)) await answerRight(page, byId.get(id)!);
	await page.getByRole('button', { name: 'أنهِ وانظر النتيجة' }).click();
	await expect(page).toHaveURL(/\/results\//);
	await expect(page.locator('.summary dd').first()).toContainText('6 / 6');
	await expect(page.locator('.feedback.correct')).toHaveCount(6);
	await page.screenshot({ path: testInfo.outputPath('results-practice-ar.png'), fullPage: true });
});

test('a full test in Arabic: timed, kept across a reload, submitted once', async ({
	page,
	javaScriptEnabled
}, testInfo) => {
	const url = `/quiz/${slug}?n=8&seed=test1&mode=test&time=10`;
	await page.goto(url);
	// the count agrees with its noun (Intl.PluralRules): «10 دقائق», not «10 دقيقة»
	await expect(page.locator('.meta')).toContainText('المدة: 10 دقائق');
	await page.getByRole('button', { name: 'ابدأ الاختبار' }).click();
	await expect(page.locator('fieldset.question')).toHaveCount(8);
	const ids = await questionIds(page);
	if (javaScriptEnabled) await expect(page.locator('.timer')).toContainText(/\d+:\d\d/);
	// no check buttons, no verdicts in a test
	await expect(page.locator('button[name="_check"]')).toHaveCount(0);
	await answerRight(page, byId.get(ids[0])!);
	await answerRight(page, byId.get(ids[1])!);
	if (javaScriptEnabled)
		await page.waitForTimeout(1500); // the autosave
	else await page.getByRole('button', { name: 'احفظ الإجابات' }).click();
	await page.goto(url);
	await expect(page.locator('.meta')).toContainText('أُجيب عن 2 من 8');
	for (const id of ids.slice(2)) await answerRight(page, byId.get(id)!);
	await page.screenshot({ path: testInfo.outputPath('quiz-test-ar.png'), fullPage: true });
	await page.getByRole('button', { name: 'سلّم الاختبار' }).click();
	await expect(page).toHaveURL(/\/results\//);
	await expect(page.locator('.summary dd').first()).toContainText('8 / 8');
	const results = page.url();
	// submitted once: the quiz link starts a fresh attempt, the results stay
	await page.goto(url);
	await expect(page.getByRole('button', { name: 'ابدأ الاختبار' })).toBeVisible();
	await page.goto(results);
	await expect(page.locator('.summary dd').first()).toContainText('8 / 8');
});

test('with JavaScript: checks stay on the page, items reorder, the clock runs out', async ({
	page,
	javaScriptEnabled
}) => {
	test.skip(!javaScriptEnabled, 'what the hydrated page adds');
	const ordering = article.questions.find((q) => q.type === 'ordering')!;
	const short = article.questions.find((q) => q.type === 'short')!;
	await page.goto(`/quiz/${slug}?seed=js1&mode=practice&ids=${short.id},${ordering.id}`);
	await waitForHydration(page);
	await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

	// a check posts in the background: the verdict shows, the page is the same page, focus stays
	await answerRight(page, short);
	const check = page.locator(`button[name="_check"][value="${short.id}"]`);
	await check.click();
	await expect(page.locator(`#q-${short.id} .feedback .verdict`)).toContainText('صحيح');
	await expect(check).toBeFocused();
	// and said to screen readers by a live region that stays in the page
	await expect(page.locator('#quiz-announcer')).toContainText('صحيح');
	// styled as on a page the server sends whole: the verdict's border stands at its start
	await expect(page.locator(`#q-${short.id} .feedback`)).not.toHaveCSS(
		'border-inline-start-width',
		'0px'
	);
	expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

	// an ordering item moves up as its position changes, and every position stays distinct
	const box = page.locator(`#q-${ordering.id}`);
	const last = (await box.locator('li bdi').allTextContents()).at(-1)!;
	await box.locator('li').last().locator('select').selectOption('1');
	await expect(box.locator('li bdi').first()).toHaveText(last);
	const positions = await box
		.locator('select')
		.evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
	expect(positions).toEqual(positions.map((_, i) => String(i + 1)));
	// and dragging the first below the second swaps them
	const [a, b] = await box.locator('li bdi').allTextContents();
	// by the mouse, in steps, as a hand drags (one jump does not always start a drag in Chromium)
	await box.locator('ol').scrollIntoViewIfNeeded();
	const from = (await box.locator('li bdi').first().boundingBox())!;
	const to = (await box.locator('li bdi').nth(1).boundingBox())!;
	await page.mouse.move(from.x + 4, from.y + from.height / 2);
	await page.mouse.down();
	await page.mouse.move(to.x + 4, to.y + to.height / 2, { steps: 5 });
	await page.mouse.up();
	await expect(box.locator('li bdi').first()).toHaveText(b);
	await expect(box.locator('li bdi').nth(1)).toHaveText(a);

	// a timed test counts down and submits itself at zero
	await page.clock.install();
	await page.goto(`/quiz/${slug}?n=3&seed=js2&mode=test&time=1`);
	await page.getByRole('button', { name: 'ابدأ الاختبار' }).click();
	const timer = page.locator('.timer bdi');
	const shown = await timer.textContent();
	await page.clock.runFor(2_000);
	await expect(timer).not.toHaveText(shown!);
	await page.clock.runFor(60_000);
	await expect(page).toHaveURL(/\/results\//);
});

test('evidence: the words between the first and last marked word show marked, by CSS alone', async ({
	page
}) => {
	const q = article.questions.find((x) => x.type === 'evidence')!;
	await page.goto(`/quiz/${slug}?seed=ev1&mode=practice&ids=${q.id}`);
	const box = page.locator(`#q-${q.id}`);
	const words = box.locator('.evidence p').first().locator('label');
	const background = (i: number) =>
		words.nth(i).evaluate((el) => getComputedStyle(el).backgroundColor);
	const plain = await background(3);
	await words.nth(2).click();
	await words.nth(5).click();
	for (const i of [2, 3, 4, 5]) expect(await background(i), `word ${i}`).not.toBe(plain);
	for (const i of [1, 6]) expect(await background(i), `word ${i}`).toBe(plain);
});

test('results: retry the ones I missed, and a breakdown by skill', async ({ page }) => {
	await page.goto(`/quiz/${slug}?n=4&seed=retry1&mode=test`);
	const ids = await questionIds(page);
	await answerRight(page, byId.get(ids[0])!);
	await page.getByRole('button', { name: 'سلّم الاختبار' }).click();
	await expect(page.locator('table th').first()).toBeVisible();
	await expect(page.locator('.feedback.unanswered')).toHaveCount(3);
	await page.getByRole('link', { name: 'أعد الأسئلة التي أخطأت فيها' }).click();
	expect(await questionIds(page)).toEqual(ids.slice(1));
});

test('the answer key never reaches the browser before submission', async ({ page }) => {
	const bodies: string[] = [];
	const pending: Promise<void>[] = [];
	page.on('response', (r: Response) => {
		pending.push(
			r.body().then(
				(b) => void bodies.push(b.toString('utf8')),
				() => undefined
			)
		);
	});
	const url = `/quiz/${slug}?n=20&seed=leak1&mode=test&book=closed`;
	await page.goto(url);
	await page.locator('input[type=text]').first().fill('س');
	await page.waitForTimeout(1500);
	// a reload, and the data request a client-side navigation makes
	await page.goto(url);
	await page.request
		.get(`/quiz/${slug}/__data.json?n=20&seed=leak1&mode=test&book=closed`)
		.then(async (r) => void bodies.push(await r.text()));
	await Promise.all(pending);
	const all = bodies.join('\n');
	expect(all.length).toBeGreaterThan(1000);
	const ids = await questionIds(page);
	expect(ids.length).toBeGreaterThan(10);
	for (const field of ['"spans"', '"correction"', 'spans:[', 'correction:']) {
		expect(all).not.toContain(field);
	}
	for (const id of ids) {
		const q = byId.get(id)!;
		expect(all, `explanation of ${id}`).not.toContain(q.explanation);
		if (q.type === 'short' || q.type === 'truefalse') {
			for (const quote of q.evidence) expect(all, `evidence of ${id}`).not.toContain(quote);
		}
	}
});

test('no serious accessibility violations on the quiz and results pages', async ({
	page,
	javaScriptEnabled
}) => {
	test.skip(!javaScriptEnabled, 'axe runs as a script in the page');
	// two full axe scans of a 12-question page: slow on a busy machine
	test.slow();
	const scan = async () => {
		const r = await new AxeBuilder({ page }).analyze();
		return r.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	};
	await page.goto(`/quiz/${slug}?n=12&seed=axe1&mode=practice`);
	const ids = await questionIds(page);
	await answerRight(page, byId.get(ids[0])!);
	await page.locator(`button[value="${ids[0]}"]`).click();
	await expect(page.locator('.feedback')).toHaveCount(1);
	expect(await scan()).toEqual([]);
	await page.getByRole('button', { name: 'أنهِ وانظر النتيجة' }).click();
	await expect(page).toHaveURL(/\/results\//);
	expect(await scan()).toEqual([]);
});

test('a phone: no sideways scrolling, the text in a panel', async ({ page }, testInfo) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto(
		`/quiz/${slug}?n=10&seed=phone1&mode=practice&types=ordering,matching,evidence,cloze`
	);
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	const panel = page.locator('details.text');
	await expect(panel.locator('#p1')).toBeHidden();
	await panel.locator('summary').click();
	await expect(panel.locator('#p1')).toBeVisible();
	await page.screenshot({ path: testInfo.outputPath('quiz-phone-ar.png'), fullPage: true });
});

test('the quiz and results in English', async ({ page }, testInfo) => {
	await page.goto(`/quiz/${slug}?n=5&seed=en1&mode=practice&ui=en`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	// the questions stay in the article's language and direction
	await expect(page.locator('fieldset.question legend span[lang="ar"]').first()).toHaveAttribute(
		'dir',
		'rtl'
	);
	await page.screenshot({ path: testInfo.outputPath('quiz-en.png'), fullPage: true });
	for (const id of await questionIds(page)) await answerRight(page, byId.get(id)!);
	await page.getByRole('button', { name: 'Finish and see results' }).click();
	await expect(page.locator('h1')).toContainText('Results');
	await page.screenshot({ path: testInfo.outputPath('results-en.png'), fullPage: true });
});

test('a bad link falls back to defaults with a visible note', async ({ page }) => {
	const r = await page.goto(`/quiz/${slug}?n=lots&mode=exam&types=essay&seed=bad1`);
	expect(r?.status()).toBe(200);
	const notes = page.locator('.notes li');
	await expect(notes).toHaveCount(3);
	await expect(notes.first()).toContainText('lots');
	expect((await questionIds(page)).length).toBe(10);
	// a seed that is not one: a stable one is made of it, named by its version, not its code
	await page.goto(`/quiz/${slug}?n=2&seed=no%20good`);
	const version = (await page.getByTestId('version').textContent())!.match(/\d+/)![0];
	await expect(notes).toHaveCount(1);
	await expect(notes.first()).toContainText(`«${version}»`);
	await expect(notes.first()).not.toContainText(hashText('no good').toString(36));
	// no seed: one is chosen, and shown in the link
	await page.goto(`/quiz/${slug}`);
	await expect(page).toHaveURL(/seed=[a-z0-9]+/);
});

test('a malformed or over-long post is a 400 with a message, and keeps what was saved', async ({
	page,
	baseURL
}) => {
	const url = `/quiz/${slug}?n=10&seed=post1&mode=practice`;
	await page.goto(url);
	const ids = await questionIds(page);
	const short = ids
		.map((id) => byId.get(id)!)
		.find((q) => q.type === 'short' || q.type === 'numeric');
	const choice = ids.map((id) => byId.get(id)!).find((q) => q.type === 'single');
	// as a browser's form post sends them (Kit answers an Accept: */* post as an endpoint)
	const headers = { origin: baseURL!, accept: 'text/html' };
	const tooLong = await page.request.post(`${url}&/save`, {
		headers,
		form: { [short?.id ?? ids[0]]: 'ب'.repeat(5000) }
	});
	expect(tooLong.status()).toBe(400);
	const tampered = await page.request.post(`${url}&/check`, {
		headers,
		form: { [choice?.id ?? ids[0]]: 'not an option', _check: choice?.id ?? ids[0] }
	});
	expect(tampered.status()).toBe(400);
	const garbage = await page.request.post(`${url}&/submit`, {
		headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
		data: '%%%&&&=%E0%A4%A'
	});
	expect(garbage.status()).toBeLessThan(500);
	if (short) {
		// in the page: the long answer comes back with a polite message, nothing else is lost
		await page.goto(url);
		if (choice) await answerRight(page, choice);
		await page.locator(`#q-${short.id} input`).evaluate((el, v) => {
			(el as HTMLInputElement).removeAttribute('maxlength');
			(el as HTMLInputElement).value = v;
		}, 'ب'.repeat(600));
		await page.getByRole('button', { name: 'احفظ الإجابات' }).click();
		await expect(page.locator(`#q-${short.id} .problem`)).toBeVisible();
		await expect(page.locator(`#q-${short.id} input`)).toHaveValue('ب'.repeat(600));
		if (choice)
			await expect(
				page.locator(`#q-${choice.id} input[value="${choice.answer.text}"]`)
			).toBeChecked();
	}
});

test('Check lands on the question checked, and an empty answer is asked for first', async ({
	page,
	javaScriptEnabled
}) => {
	await page.goto(`/quiz/${slug}?n=10&seed=land1&mode=practice`);
	await waitForHydration(page);
	const ids = await questionIds(page);
	const last = byId.get(ids.at(-1)!)!;
	await answerRight(page, last);
	await page.locator(`#q-${last.id} button[name="_check"]`).click();
	const verdict = page.locator(`#q-${last.id} .feedback .verdict`);
	await expect(verdict).toContainText('صحيح');
	// screens away from the top, at the question's verdict
	await expect(verdict).toBeInViewport();
	expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
	if (!javaScriptEnabled) expect(new URL(page.url()).hash).toBe(`#q-${last.id}`);

	// a check with nothing answered says so at the question, as /study does
	const empty = ids.at(-2)!;
	await page.locator(`#q-${empty} button[name="_check"]`).click();
	const ask = page.locator(`#q-${empty} [role="alert"]`);
	await expect(ask).toHaveText('أجب أولًا، ثم تحقّق.');
	await expect(ask).toBeInViewport();
	await expect(page.locator(`#q-${empty} .feedback`)).toHaveCount(0);
	// and the verdict checked before stays
	await expect(verdict).toContainText('صحيح');
});

test('a wrong single choice is marked on the option; "choose all" is said once', async ({
	page
}) => {
	const single = byId.get('who-met-sarraj')!;
	const multiple = byId.get('topics-discussed')!;
	if (single.type !== 'single' || multiple.type !== 'multiple') throw new Error('bank changed');
	await page.goto(`/quiz/${slug}?seed=wrong1&mode=practice&ids=${single.id},${multiple.id}`);
	await waitForHydration(page);
	const box = page.locator(`#q-${single.id}`);
	const wrong = single.distractors[0].text;
	await box.locator(`input[value="${wrong}"]`).check();
	await box.locator('button[name="_check"]').click();
	await expect(box.locator('.feedback .verdict')).toContainText('خطأ');
	const marked = box.locator('.options label.wrong');
	await expect(marked).toHaveCount(1);
	await expect(marked).toContainText(wrong);
	await expect(marked).toContainText('✗');
	// named in words for a screen reader, not by colour and sign alone
	await expect(box.getByRole('radio', { name: `${wrong} خطأ` })).toBeChecked();
	// and the right one marked as right, with the key shown
	await expect(
		box.getByRole('radio', { name: `${single.answer.text} إجابة صحيحة` })
	).not.toBeChecked();
	// the prompt asks for every choice that applies: the hint does not say it again
	expect(multiple.prompt).toContain('اختر كل ما ينطبق');
	await expect(page.locator(`#q-${multiple.id}`).getByText('اختر كل ما ينطبق')).toHaveCount(1);
});

test('ordering: the hint speaks of dragging only where items drag; two at one place are asked about', async ({
	page,
	javaScriptEnabled
}) => {
	const ordering = article.questions.find((q) => q.type === 'ordering')!;
	await page.goto(`/quiz/${slug}?seed=order1&mode=practice&ids=${ordering.id}`);
	await waitForHydration(page);
	const box = page.locator(`#q-${ordering.id}`);
	await expect(box.locator('.hint')).toContainText('رتّب');
	await expect(box.locator('.hint')).not.toContainText('اسحب');
	if (javaScriptEnabled) {
		await expect(box.getByText('سحب العنصر')).toBeVisible();
		return;
	}
	await expect(box.getByText('سحب العنصر')).toHaveCount(0);
	// without JavaScript nothing renumbers: two items at position 1 get a message, not a guess
	const selects = box.locator('select');
	await selects.nth(0).selectOption('1');
	await selects.nth(1).selectOption('1');
	await box.locator('button[name="_check"]').click();
	await expect(box.locator('.problem')).toContainText('الرقم نفسه');
	await expect(box.locator('.feedback')).toHaveCount(0);
});

test('a multiple choice checked: each chosen option says right or wrong, a missed one right; the results too', async ({
	page
}) => {
	const multiple = byId.get('topics-discussed')!;
	if (multiple.type !== 'multiple' || multiple.answer.length < 2) throw new Error('bank changed');
	await page.goto(`/quiz/${slug}?seed=marks1&mode=practice&ids=${multiple.id}`);
	await waitForHydration(page);
	const box = page.locator(`#q-${multiple.id}`);
	const [right, missed] = multiple.answer.map((o) => o.text);
	const wrong = multiple.distractors[0].text;
	await box.locator(`input[value="${right}"]`).check();
	await box.locator(`input[value="${wrong}"]`).check();
	await box.locator('button[name="_check"]').click();
	await expect(box.locator('.feedback .verdict')).toContainText('خطأ');
	// on the option itself, in words (the accessible name) as well as by sign and colour
	await expect(box.getByRole('checkbox', { name: `${wrong} خطأ` })).toBeChecked();
	await expect(box.getByRole('checkbox', { name: `${right} صحيح` })).toBeChecked();
	await expect(box.getByRole('checkbox', { name: `${missed} إجابة صحيحة` })).not.toBeChecked();
	await expect(box.locator('label.wrong')).toHaveCount(1);
	await expect(box.locator('label.wrong .sign')).toBeVisible();

	await page.getByRole('button', { name: 'أنهِ وانظر النتيجة' }).click();
	await expect(page).toHaveURL(/\/results\//);
	const chosen = page.locator('.feedback .chosen li');
	await expect(chosen).toHaveCount(2);
	await expect(chosen.filter({ hasText: wrong })).toContainText('✗ خطأ');
	await expect(chosen.filter({ hasText: right })).toContainText('✓ صحيح');
});

test('no seed on the page: a student sees a version number, a teacher the link to share', async ({
	browser,
	baseURL,
	page
}) => {
	const seed = 'share1';
	const url = `/quiz/${slug}?n=3&seed=${seed}&mode=practice`;
	await page.goto(url);
	const meta = page.locator('.meta');
	await expect(meta.getByTestId('version')).toHaveText(
		`النسخة ${versionNumber(seed)} من هذا الاختبار`
	);
	await expect(meta).not.toContainText(seed);
	await expect(meta.getByRole('link')).toHaveCount(0);
	const ids = await questionIds(page);

	const context = await browser.newContext({ baseURL, storageState: TEACHER_STATE });
	try {
		const teacher = await context.newPage();
		await teacher.goto(url);
		const share = teacher.getByRole('link', { name: 'شارك هذا الاختبار نفسه' });
		await expect(share).toHaveAttribute('href', new RegExp(`seed=${seed}`));
		// the link gives the same questions in the same order to whoever opens it
		const shared = new URL((await share.getAttribute('href'))!, page.url());
		await page.goto(shared.pathname + shared.search);
		expect(await questionIds(page)).toEqual(ids);
	} finally {
		await context.close();
	}
});

test('offline, Check and Submit say so in the interface language and keep the answers', async ({
	page,
	context,
	javaScriptEnabled
}) => {
	test.skip(!javaScriptEnabled, 'without JavaScript the browser itself says it is offline');
	const single = byId.get('who-met-sarraj')!;
	const short = article.questions.find((q) => q.type === 'short')!;
	if (single.type !== 'single' || short.type !== 'short') throw new Error('bank changed');
	await page.goto(`/quiz/${slug}?seed=offline1&mode=practice&ids=${single.id},${short.id}&ui=en`);
	await waitForHydration(page);
	await answerRight(page, single);
	await context.setOffline(true);
	const box = page.locator(`#q-${single.id}`);
	await box.locator('button[name="_check"]').click();
	await expect(box.getByRole('alert')).toContainText('You are offline');
	await expect(box.locator('.feedback')).toHaveCount(0);
	await expect(box.locator(`input[value="${single.answer.text}"]`)).toBeChecked();

	await answerRight(page, short);
	await page.getByRole('button', { name: 'Finish and see results' }).click();
	await expect(page.locator('form > [role="alert"]')).toContainText('You are offline');
	await expect(page).not.toHaveURL(/\/results\//);
	await expect(page.locator(`#q-${short.id} input[type=text]`)).toHaveValue(short.answer);

	// back online, the same buttons work, nothing was lost
	await context.setOffline(false);
	await box.locator('button[name="_check"]').click();
	await expect(box.locator('.feedback .verdict')).toContainText('Correct');
	await expect(page.getByText('You are offline')).toHaveCount(0);
	await page.getByRole('button', { name: 'Finish and see results' }).click();
	await expect(page).toHaveURL(/\/results\//);
	await expect(page.locator('.summary dd').first()).toContainText('2 / 2');
});

test('answers typed offline are kept on the device and sent when the page is next open online', async ({
	page,
	context,
	javaScriptEnabled
}) => {
	test.skip(!javaScriptEnabled, 'without JavaScript nothing is typed into a page offline');
	const short = article.questions.find((q) => q.type === 'short')!;
	if (short.type !== 'short') throw new Error('bank changed');
	await page.goto(`/quiz/${slug}?seed=offline2&mode=practice&ids=${short.id}&ui=en`);
	await waitForHydration(page);
	const field = page.locator(`#q-${short.id} input[type=text]`);
	const kept = () =>
		page.evaluate(() =>
			Object.keys(localStorage)
				.filter((key) => key.startsWith('dalil-unsent:'))
				.map((key) => localStorage.getItem(key))
		);

	// offline, the autosave cannot send the answer: it waits on the device
	await context.setOffline(true);
	await field.fill(short.answer);
	await expect.poll(kept).toEqual([expect.stringContaining(JSON.stringify(short.answer))]);

	// the page is opened again online (here a reload): the answer is sent, shown and forgotten
	await context.setOffline(false);
	await page.reload();
	await expect(field).toHaveValue(short.answer);
	await expect.poll(kept).toEqual([]);
	await page.reload();
	await expect(field).toHaveValue(short.answer);
});

test("the README's pictures: the quiz in Arabic on a phone and a desktop", async ({
	page,
	javaScriptEnabled
}, testInfo) => {
	test.skip(!javaScriptEnabled, 'the README shows the page as most students see it');
	// `DALIL_SCREENSHOT=1` writes them to docs/ (from the production build the suite serves)
	const save = (name: string) =>
		process.env.DALIL_SCREENSHOT === '1' ? `docs/${name}` : testInfo.outputPath(name);
	const single = byId.get('who-met-sarraj')!;
	const multiple = byId.get('topics-discussed')!;
	if (single.type !== 'single' || multiple.type !== 'multiple') throw new Error('bank changed');
	const ids = [
		single.id,
		multiple.id,
		'meeting-day',
		'zuwara-direction-evidence',
		'zuwara-distance'
	];
	const quiz = `/quiz/${slug}?seed=readme&mode=practice&ids=${ids.join(',')}`;

	for (const size of [
		{ name: 'quiz-desktop-ar.png', width: 1280, height: 800 },
		{ name: 'quiz-phone-ar.png', width: 390, height: 844 }
	]) {
		await page.setViewportSize(size);
		await page.goto(quiz);
		await waitForHydration(page);
		// one question right, one wrong: a verdict, the evidence marked, the options marked
		await answerRight(page, single);
		await page.locator(`#q-${single.id} button[name="_check"]`).click();
		await expect(page.locator(`#q-${single.id} .feedback .verdict`)).toContainText('صحيح');
		const box = page.locator(`#q-${multiple.id}`);
		await box.locator(`input[value="${multiple.answer[0].text}"]`).check();
		await box.locator(`input[value="${multiple.distractors[0].text}"]`).check();
		await box.locator('button[name="_check"]').click();
		await expect(box.locator('label.wrong')).toHaveCount(1);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		// the top of the page on a desktop (the text beside the questions); a phone at the marks
		if (size.width < 600) await box.evaluate((el) => el.scrollIntoView({ block: 'start' }));
		else await page.evaluate(() => window.scrollTo(0, 0));
		await page.mouse.move(0, 0);
		await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
		await page.screenshot({ path: save(size.name) });
	}
});
