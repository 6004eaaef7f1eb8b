import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { htmlEscape } from './common';
import { bankArticleInput, bankInput } from '../server/export.fixtures';
import { fixtureInput } from './fixtures';
import { toWorksheet } from './worksheet';

/** The ids of the questions of a section, in print order. */
function sections(html: string, section: 'copy' | 'key'): string[] {
	return html
		.split(/(?=<section class="(?:copy|key)")/)
		.filter((p) => p.startsWith(`<section class="${section}"`));
}
function ids(html: string, section: 'copy' | 'key', n = 0): string[] {
	return [...sections(html, section)[n].matchAll(/<li data-id="([^"]+)"/g)].map((m) => m[1]);
}

// whole-bank reads take seconds, more on a loaded machine: no 5 s default
describe('worksheet', { timeout: 60_000 }, () => {
	it('prints the article numbered, every question, and a key citing paragraph and evidence', () => {
		const input = fixtureInput();
		const { text, report } = toWorksheet(input);
		const html = text!;
		expect(html).toMatch(/^<!doctype html>\n<html lang="en" dir="ltr">/);
		expect(html).toContain('@media print');
		expect(html).toContain('break-before: page');
		expect(report.exported).toHaveLength(input.questions.length);
		expect(ids(html, 'copy')).toEqual(input.questions.map((q) => q.id));
		expect(ids(html, 'key')).toEqual(input.questions.map((q) => q.id));
		for (const p of input.article.paragraphs)
			expect(html).toContain(p.text.replaceAll('"', '&quot;'));
		expect(html).toContain(htmlEscape(input.article.attribution));
		const key = html.slice(html.indexOf('<section class="key"'));
		for (const q of input.questions)
			expect(key).toContain(`Paragraph ${q.paragraph[0].slice(1)}: «${q.evidence[0]}»`);
		// Tags balance (a cheap well-formedness check of the body).
		const body = html
			.slice(html.indexOf('<body>'), html.indexOf('</body>') + 7)
			.replace(/<meta[^>]*>/g, '');
		expect(XMLValidator.validate(body)).toBe(true);
	});

	it('prints per-student versions from a seed, each with its own order and matching key', () => {
		const input = { ...fixtureInput(), options: { seed: 'abc42', copies: 3 } };
		const html = toWorksheet(input).text!;
		const orders = [0, 1, 2].map((n) => ids(html, 'copy', n));
		for (const o of orders) expect([...o].sort()).toEqual(input.questions.map((q) => q.id).sort());
		expect(new Set(orders.map((o) => o.join())).size).toBeGreaterThan(1);
		for (const n of [0, 1, 2]) expect(ids(html, 'key', n)).toEqual(orders[n]);
		// The same seed prints the same versions.
		expect(toWorksheet(input).text).toBe(html);
		expect(toWorksheet({ ...input, options: { seed: 'abc43', copies: 3 } }).text).not.toBe(html);
		// The key's letter for a single choice names the option printed under that letter.
		const copies = sections(html, 'copy');
		const keys = sections(html, 'key');
		copies.forEach((copy, n) => {
			const q = /<li data-id="single-where"[^>]*>.*?<\/ol><\/li>/.exec(copy)![0];
			const k = /<li data-id="single-where">(.*?)<\/li>/.exec(keys[n])![1];
			const letter = /<b>(.+?)<\/b> Zuwara/.exec(k)![1];
			expect(q).toContain(`<b>${letter}</b> Zuwara`);
		});
	});

	it('prints an Arabic article right to left, with Arabic labels and letters', () => {
		const input = bankArticleInput();
		const html = toWorksheet(input).text!;
		expect(html).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/);
		const key = html.slice(html.indexOf('<section class="key"'));
		for (const q of input.questions) {
			// the first quote's paragraph (a question may quote several)
			const p = (q.spans[0]?.paragraph ?? q.paragraph[0]).slice(1);
			expect(key).toContain(`الفقرة ${p}: «${htmlEscape(q.evidence[0])}»`);
		}
		// A choice is lettered with the abjad: أ, ب, ج…
		expect(html).toMatch(/<b>أ<\/b>.*?<b>ب<\/b>/s);
	});

	it('prints the whole bank', () => {
		const input = bankInput();
		const { text } = toWorksheet(input);
		expect(ids(text!, 'copy')).toHaveLength(input.questions.length);
	});
});
