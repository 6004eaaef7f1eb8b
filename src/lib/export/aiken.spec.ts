import { describe, expect, it } from 'vitest';
import type { BankQuestion } from '../bank/check';
import { toAiken } from './aiken';
import { bankArticleInput, bankInput } from '../server/export.fixtures';
import { fixtureInput } from './fixtures';

/** Reads Aiken the way Moodle's importer does: stem line, `X) ` choices, `ANSWER: X`. */
function readAiken(text: string) {
	const out: { stem: string; choices: string[]; answer: number }[] = [];
	let cur: { stem: string; choices: string[] } | undefined;
	for (const line of text.split('\n').map((l) => l.trim())) {
		if (line === '') continue;
		const choice = /^([A-Z])[).][ \t](.*)$/.exec(line);
		if (choice && cur) cur.choices.push(choice[2]);
		else if (line.startsWith('ANSWER:') && cur) {
			out.push({ ...cur, answer: line.slice(7).trim().charCodeAt(0) - 65 });
			cur = undefined;
		} else {
			expect(cur, `a second question line: ${line}`).toBeUndefined();
			cur = { stem: line, choices: [] };
		}
	}
	expect(cur).toBeUndefined();
	return out;
}

// whole-bank reads and property runs take seconds, more on a loaded machine: no 5 s default
describe('Aiken export', { timeout: 60_000 }, () => {
	it('holds single choice and true/false, reports the rest, reads back', () => {
		const input = fixtureInput();
		const { text, report } = toAiken(input);
		const read = readAiken(text!);
		expect(read.map((r) => r.stem)).toEqual(
			input.questions.filter((q) => report.exported.includes(q.id)).map((q) => q.prompt)
		);
		expect(report.exported).toEqual(['single-where', 'tf-false', 'tf-true']);
		expect(report.omitted).toHaveLength(input.questions.length - 3);
		expect(read[0].choices[read[0].answer]).toBe('Zuwara');
		expect(read[1].choices).toEqual(['True', 'False']);
		expect(read[1].choices[read[1].answer]).toBe('False');
		expect(report.notes.join(' ')).toContain(input.article.attribution);
	});

	it('writes true and false in the article’s language: Arabic for an Arabic article', () => {
		const input = bankArticleInput();
		const { text, report } = toAiken(input);
		const read = readAiken(text!);
		const truefalse = input.questions.filter(
			(q): q is Extract<BankQuestion, { type: 'truefalse' }> =>
				q.type === 'truefalse' && report.exported.includes(q.id)
		);
		expect(truefalse.length).toBeGreaterThan(0);
		for (const q of truefalse) {
			const r = read.find((r) => r.stem === q.prompt.replace(/\s+/g, ' ').trim())!;
			expect(r.choices).toEqual(['صح', 'خطأ']);
			expect(r.choices[r.answer]).toBe(q.answer ? 'صح' : 'خطأ');
		}
	});

	it('reads back for the whole bank', () => {
		const input = bankInput();
		const { text, report } = toAiken(input);
		expect(readAiken(text!)).toHaveLength(report.exported.length);
		expect(report.exported.length + report.omitted.length).toBe(input.questions.length);
	});

	it('puts the key at a varied position, the same one on every export', () => {
		const input = bankInput();
		const first = readAiken(toAiken(input).text!);
		expect(readAiken(toAiken(bankInput()).text!)).toEqual(first);
		const singles = input.questions.filter((q) => q.type === 'single');
		const read = first.filter((r) => singles.some((q) => q.prompt === r.stem));
		expect(read.length).toBeGreaterThan(10);
		// Every letter a key can take is taken by some key, and no letter by most of them.
		const letters = new Map<number, number>();
		for (const r of read) letters.set(r.answer, (letters.get(r.answer) ?? 0) + 1);
		expect(letters.size).toBeGreaterThanOrEqual(3);
		for (const n of letters.values()) expect(n).toBeLessThan(read.length / 2);
		// The key is still the answer, and every distractor is still there.
		for (const r of read) {
			const q = singles.find((s) => s.prompt === r.stem)!;
			if (q.type !== 'single') continue;
			expect(r.choices[r.answer]).toBe(q.answer.text.replace(/\s+/g, ' ').trim());
			expect([...r.choices].sort()).toEqual(
				[q.answer.text, ...q.distractors.map((d) => d.text)]
					.map((c) => c.replace(/\s+/g, ' ').trim())
					.sort()
			);
		}
	});
});
