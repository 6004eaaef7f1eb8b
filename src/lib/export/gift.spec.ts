import { describe, expect, it } from 'vitest';
import { parse, type GIFTQuestion } from 'gift-pegjs';
import { parseCloze } from '../bank/schema';
import { htmlEscape, MOODLE_GRADES } from './common';
import { bankInput } from '../server/export.fixtures';
import { fixtureInput, plain } from './fixtures';
import { giftEscape, plainSpelling, shortForms, toGift } from './gift';
import type { ExportInput } from './types';

type Parsed = Exclude<GIFTQuestion, { type: 'Category' }>;

/** Parses an export with gift-pegjs and checks what it read against the bank. */
function checkAgainstBank(input: ExportInput) {
	const { text, report } = toGift(input);
	const parsed = parse(text!);
	const questions = parsed.filter(
		(p): p is Parsed => p.type !== 'Category' && p.type !== 'Description'
	);
	// Every question is exported or reported as left out: none vanishes.
	expect(report.exported.length + report.omitted.length).toBe(input.questions.length);
	expect(questions.map((p) => p.id)).toEqual(report.exported);
	const byId = new Map(input.questions.map((q) => [q.id, q]));
	for (const p of questions) {
		const q = byId.get(p.id!)!;
		expect(p.title).toBe(q.id);
		expect(plain(p.stem.text).startsWith(q.prompt)).toBe(true);
		expect(p.tags).toEqual(expect.arrayContaining([...q.paragraph, `skill-${q.skill}`]));
		switch (q.type) {
			case 'single': {
				expect(p.type).toBe('MC');
				if (p.type !== 'MC') break;
				const right = p.choices.filter((c) => c.isCorrect).map((c) => plain(c.text.text));
				expect(right).toEqual([q.answer.text]);
				expect(p.choices.filter((c) => !c.isCorrect).map((c) => plain(c.text.text))).toEqual(
					q.distractors.map((o) => o.text)
				);
				break;
			}
			case 'multiple': {
				if (p.type !== 'MC') throw new Error('multiple → MC');
				const right = p.choices.filter((c) => (c.weight ?? 0) > 0).map((c) => plain(c.text.text));
				expect(right).toEqual(q.answer.map((o) => o.text));
				for (const c of p.choices) {
					expect(MOODLE_GRADES).toContain(Math.abs(c.weight!));
				}
				break;
			}
			case 'truefalse':
				if (p.type !== 'TF') throw new Error('truefalse → TF');
				expect(p.isTrue).toBe(q.answer);
				break;
			case 'short': {
				if (p.type !== 'Short') throw new Error('short → Short');
				const forms = p.choices.map((c) => c.text.text);
				expect(forms).toEqual(expect.arrayContaining([q.answer, ...q.accept]));
				break;
			}
			case 'numeric': {
				if (p.type !== 'Numerical') throw new Error('numeric → Numerical');
				const choices = Array.isArray(p.choices) ? p.choices : [{ text: p.choices }];
				const n = choices[0].text;
				expect(n.number).toBe(q.answer.value);
				expect(n.range ?? 0).toBe(q.answer.tolerance);
				break;
			}
			case 'cloze': {
				if (p.type !== 'Short') throw new Error('cloze → Short (missing word)');
				expect(p.hasEmbeddedAnswers).toBe(true);
				const [b] = parseCloze(q.text).blanks;
				expect(p.choices.map((c) => c.text.text)).toEqual(
					expect.arrayContaining([b.answer, ...b.accept])
				);
				break;
			}
			case 'matching':
				if (p.type !== 'Matching') throw new Error('matching → Matching');
				expect(
					p.matchPairs
						.filter((m) => m.subquestion.text !== '')
						.map((m) => [plain(m.subquestion.text), m.subanswer])
				).toEqual(q.pairs.map((x) => [x.left.text, x.right.text]));
				break;
			case 'ordering':
				if (p.type !== 'Matching') throw new Error('ordering → Matching');
				expect(p.matchPairs.map((m) => plain(m.subquestion.text))).toEqual(
					q.items.map((o) => o.text)
				);
				expect(p.matchPairs.map((m) => m.subanswer)).toEqual(q.items.map((_, i) => String(i + 1)));
				break;
			case 'evidence':
				expect(p.type).toBe('Essay');
				break;
		}
		// The general feedback cites the paragraph and its evidence.
		if ('globalFeedback' in p && p.globalFeedback) {
			expect(plain(p.globalFeedback.text)).toContain(q.evidence[0]);
		}
	}
	return { text: text!, report, parsed };
}

// whole-bank reads take seconds, more on a loaded machine: no 5 s default
describe('GIFT export', { timeout: 60_000 }, () => {
	it('escapes every character GIFT gives a meaning to, and line breaks', () => {
		expect(giftEscape('a~b=c#d{e}f:g\\h')).toBe('a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h');
		expect(giftEscape('one\n\ntwo')).toBe('one\\n\\ntwo');
	});

	it('adds the folded spelling of short answers without duplicates', () => {
		expect(shortForms('زوارة', ['Zuwara', 'زوارة'])).toEqual(['زوارة', 'زواره', 'Zuwara']);
		expect(shortForms('إفْرِيقيا', [])).toEqual(['إفْرِيقيا', 'افريقيا']);
	});

	it('reads back with gift-pegjs: the inline fixture of every type', () => {
		const input = fixtureInput();
		const { text, report, parsed } = checkAgainstBank(input);
		// The stored prompt stands in the file as it is (the bank's Arabic: below).
		for (const q of input.questions) {
			if (report.exported.includes(q.id)) expect(text).toContain(giftEscape(q.prompt));
		}
		expect(report.omitted.map((o) => o.id)).toEqual(['cloze-two']);
		expect(report.converted.map((c) => c.id).sort()).toEqual(
			['cloze-one', 'evidence-where', 'multiple-who', 'ordering-steps'].sort()
		);
		// The special characters in the options come back as they were.
		const single = parsed.find((p) => p.type === 'MC' && p.id === 'single-where');
		if (single?.type !== 'MC') throw new Error('single-where is not read as MC');
		expect(single.choices.map((c) => plain(c.text.text))).toContain('a{b}c:d#e~f\\g');
		// Category and attribution.
		expect(parsed[0]).toMatchObject({
			type: 'Category',
			title: `$course$/top/Dalil/${input.article.slug}`
		});
		const description = parsed.find((p) => p.type === 'Description');
		expect(description && plain(description.stem.text)).toContain(input.article.attribution);
		expect(text).not.toMatch(/\n\s*\n\s*\n/);
	});

	it('escapes the text in every place it is written, part by part', () => {
		// Every character GIFT or HTML gives a meaning to, in each field the export writes.
		const odd = ' {a=b} #1 ~ \\ : & <i> "q"';
		const input = fixtureInput();
		const a = input.articles.get(input.article.slug)!;
		const article = {
			...a,
			title: a.title + odd,
			attribution: a.attribution + odd,
			paragraphs: a.paragraphs.map((p) => ({ ...p, text: p.text + odd }))
		};
		const withOdd = (o: { text: string; feedback?: string }) => ({
			...o,
			text: o.text + odd,
			...(o.feedback ? { feedback: o.feedback + odd } : {})
		});
		const questions = input.questions.map((q) => {
			const x = { ...q, prompt: q.prompt + odd, explanation: q.explanation + odd };
			if (x.type === 'single')
				return { ...x, answer: withOdd(x.answer), distractors: x.distractors.map(withOdd) };
			if (x.type === 'multiple')
				return { ...x, answer: x.answer.map(withOdd), distractors: x.distractors.map(withOdd) };
			if (x.type === 'truefalse' && x.correction) return { ...x, correction: x.correction + odd };
			if (x.type === 'matching')
				return {
					...x,
					pairs: x.pairs.map((p) => ({ left: withOdd(p.left), right: p.right }))
				};
			if (x.type === 'ordering') return { ...x, items: x.items.map(withOdd) };
			return x;
		}) as typeof input.questions;
		const odded: ExportInput = { questions, articles: new Map([[a.slug, article]]) };
		// gift-pegjs reads each prompt, choice and pair back as the bank has it.
		const { text, report } = checkAgainstBank(odded);
		const html = (s: string) => giftEscape(htmlEscape(s));
		expect(text).toContain(`::${giftEscape(article.title)}::[html]`);
		for (const p of article.paragraphs) expect(text).toContain(`</b> ${html(p.text)}</p>`);
		expect(text).toContain(`<p><small>${html(a.title + odd)}`);
		for (const q of questions) {
			if (!report.exported.includes(q.id)) continue;
			expect(text).toContain(html(q.prompt));
			expect(text).toContain(`${html(q.explanation)} (`);
			if (q.type === 'truefalse' && q.correction) {
				const c = giftEscape(q.correction);
				expect(text).toContain(`FALSE#${c}#${c}\n`);
			}
			if (q.type === 'matching') {
				for (const p of q.pairs)
					expect(text).toContain(`=${html(p.left.text)} -> ${giftEscape(p.right.text)}\n`);
			}
		}
		expect(text).not.toMatch(/\n\s*\n\s*\n/);
	});

	it("writes a line break in the text as GIFT's \\n, in every place", () => {
		const input = fixtureInput();
		const questions = input.questions.map((q) => ({
			...q,
			prompt: `${q.prompt}\r\n\nsecond`,
			explanation: `${q.explanation}\n`
		})) as typeof input.questions;
		const { text } = toGift({ ...input, questions });
		for (const block of text!.split('\n\n')) expect(block.trim()).not.toBe('');
		expect(text).toContain('\\n\\nsecond</p>');
		expect(text).not.toContain('\r');
	});

	it('folds the spelling of Arabic answers only, leaving other text as it is', () => {
		expect(plainSpelling('Zuwara')).toBe('Zuwara');
		expect(plainSpelling('مدرسةٌ')).toBe('مدرسه');
		expect(plainSpelling('أُمّ')).toBe('ام');
	});

	it('reads back with gift-pegjs: the whole bank', () => {
		const input = bankInput();
		const { text, report, parsed } = checkAgainstBank(input);
		expect(parsed.filter((p) => p.type === 'Category')).toHaveLength(input.articles.size);
		// Arabic survives byte for byte: the stored prompt stands in the file as it is.
		for (const q of input.questions) {
			if (report.exported.includes(q.id)) expect(text).toContain(giftEscape(htmlEscape(q.prompt)));
		}
	});

	it('never leaves a blank line inside a question', () => {
		const { text } = toGift(fixtureInput());
		for (const block of text!.split(/\n\n+/)) {
			const open = (block.match(/(?<!\\)\{/g) ?? []).length;
			const close = (block.match(/(?<!\\)\}/g) ?? []).length;
			expect(open).toBe(close);
		}
	});
});
