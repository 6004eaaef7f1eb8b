/**
 * Evidence marking by keyboard (issue 17, must fix 6): one tab stop per evidence control, arrow
 * keys between words in reading order (in Arabic ArrowLeft goes forward), Space marks, Shift with
 * an arrow extends; the marked phrase keeps its spaces and is said to screen readers; the text
 * panel's paragraphs are no longer tab stops before the first question.
 */
import { expect, test, type Page } from '@playwright/test';
import { loadBank } from '../../src/lib/server/bank';

const bank = loadBank('questions');
const AR = 'sarraj-africom-zuwara';

/** The words of an evidence question's first quote: indices in its paragraph, and the phrase. */
function quote(slug: string, id: string) {
	const article = bank.articles.find((a) => a.slug === slug)!;
	const q = article.questions.find((x) => x.id === id);
	if (!q || q.type !== 'evidence') throw new Error(`no evidence question ${id}: the bank changed`);
	const span = q.spans[0];
	const text = article.paragraphs.find((p) => p.id === span.paragraph)!.text;
	const words = [...text.matchAll(/\S+/g)].map((m, k) => ({
		k,
		start: m.index,
		end: m.index + m[0].length
	}));
	const inside = words.filter((w) => w.end > span.start && w.start < span.end);
	const first = inside[0];
	const last = inside[inside.length - 1];
	return {
		paragraph: span.paragraph,
		first: first.k,
		last: last.k,
		phrase: text.slice(first.start, last.end)
	};
}

/** Presses Tab until the focus is inside `selector`, returning what took the focus on the way. */
async function tabUntil(page: Page, selector: string, limit = 60): Promise<string[]> {
	const stops: string[] = [];
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		const where = await page.evaluate((sel) => {
			const el = document.activeElement;
			if (!el || el === document.body) return null;
			const inside = !!el.closest(sel);
			const box = el.closest('fieldset.question');
			const what = `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''}${box ? ` in ${box.id}` : ''}`;
			return { inside, what };
		}, selector);
		if (!where) continue;
		if (where.inside) return stops;
		stops.push(where.what);
	}
	throw new Error(`no focus in ${selector} after ${limit} tabs: ${stops.join(', ')}`);
}

test('one tab stop per evidence control, and none per paragraph before question 1', async ({
	page,
	javaScriptEnabled
}) => {
	const ids = [
		'where-meeting-city-evidence',
		'who-met-sarraj',
		'bases-evidence',
		'meeting-day',
		'visit-timing-evidence'
	];
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto(`/quiz/${AR}?seed=keys1&mode=practice&ids=${ids.join(',')}`);
	await page.waitForLoadState('networkidle');
	await page.locator('h1').click();
	// before the first question: the text's panel, scrolled on its own, and no paragraph links
	const before = await tabUntil(page, 'fieldset.question');
	expect(before.length, before.join(', ')).toBeLessThanOrEqual(1);
	if (!javaScriptEnabled) {
		// without the script every word stays a checkbox of the form: marking still works
		await expect(page.locator(`#q-${ids[0]} input[type=checkbox]`).first()).toBeFocused();
		return;
	}
	// the whole quiz, to its last button: each evidence control is one stop
	const stops = await tabUntil(page, '.end button:last-child', 80);
	for (const id of ids.filter((x) => x.endsWith('-evidence'))) {
		const words = stops.filter((s) => s === `input[role=option] in q-${id}`);
		// the first control was focused when the walk began, so it is not among the stops
		expect(words.length, `${id}: ${stops.join(', ')}`).toBe(id === ids[0] ? 0 : 1);
	}
	expect(stops.length, stops.join(', ')).toBeLessThan(25);
});

for (const c of [
	{
		ui: 'ar',
		slug: AR,
		id: 'where-meeting-city-evidence',
		forward: 'ArrowLeft',
		back: 'ArrowRight'
	},
	{
		ui: 'en',
		slug: 'harbour-library',
		id: 'harbour-direction-evidence',
		forward: 'ArrowRight',
		back: 'ArrowLeft'
	}
]) {
	test(`marking a phrase by keyboard (${c.ui}): arrows in reading order, Space, Shift`, async ({
		page,
		javaScriptEnabled
	}) => {
		test.skip(
			!javaScriptEnabled,
			'arrow keys are what the script adds; without it Tab and Space mark each word'
		);
		const { paragraph, first, last, phrase } = quote(c.slug, c.id);
		await page.goto(`/quiz/${c.slug}?seed=keys2&mode=practice&ui=${c.ui}&ids=${c.id}`);
		await page.waitForLoadState('networkidle');
		const box = page.locator(`#q-${c.id}`);
		const word = (k: number) => box.locator(`input[value="${paragraph}:${k}"]`);
		await expect(box.getByRole('listbox')).toHaveAttribute('aria-multiselectable', 'true');
		await box.locator('legend').click();
		await page.keyboard.press('Tab');
		await expect(word(0)).toBeFocused();
		// forward in reading order, one back the other way
		for (let k = 0; k < first + 1; k++) await page.keyboard.press(c.forward);
		await page.keyboard.press(c.back);
		await expect(word(first)).toBeFocused();
		await page.keyboard.press('Space');
		for (let k = first; k < last; k++) await page.keyboard.press(`Shift+${c.forward}`);
		await expect(word(last)).toBeFocused();
		for (let k = first; k <= last; k++) {
			await expect(word(k)).toBeChecked();
			await expect(word(k)).toHaveAttribute('aria-selected', 'true');
		}
		if (first > 0) await expect(word(first - 1)).not.toBeChecked();
		await expect(word(last + 1)).not.toBeChecked();
		// said to a screen reader, words and spaces, and the words keep their spaces on screen
		await expect(box.locator('[role="status"]').first()).toContainText(`«${phrase}»`);
		const marked = await box.locator('label:has(:checked)').allTextContents();
		expect(marked.join('').trim()).toBe(phrase);
		// one more Tab leaves the control for the next stop
		await page.keyboard.press('Tab');
		await expect(box.locator('input[role=option]:focus')).toHaveCount(0);
		await box.locator('button[name="_check"]').click();
		await expect(box.locator('.feedback .verdict')).toContainText(
			c.ui === 'ar' ? 'صحيح' : 'Correct'
		);
	});
}
