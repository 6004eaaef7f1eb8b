import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { csvRows, csvText, neutralise, quizletRows, toCsv, toQuizlet } from './csv';
import { bankInput } from '../server/export.fixtures';
import { fixtureInput } from './fixtures';

// whole-bank reads and property runs take seconds, more on a loaded machine: no 5 s default
describe('CSV exports', { timeout: 60_000 }, () => {
	it('neutralises formulas', () => {
		expect(neutralise('=1+2')).toBe("'=1+2");
		expect(neutralise('+1')).toBe("'+1");
		expect(neutralise('-5 كلم')).toBe("'-5 كلم");
		expect(neutralise('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(neutralise('زوارة = مدينة')).toBe('زوارة = مدينة');
	});

	it('writes any cells so that csv-parse reads them back, neutralised', () => {
		// The characters CSV and spreadsheets give a meaning to, a BOM, Arabic and plain letters.
		const cell = fc.string({
			unit: fc.constantFrom(...'=+-@\t\r\n",;\'\uFEFF زوارة ab1'.split('')),
			maxLength: 12
		});
		const table = fc.integer({ min: 1, max: 4 }).chain((width) =>
			fc.array(fc.array(cell, { minLength: width, maxLength: width }), {
				minLength: 1,
				maxLength: 5
			})
		);
		fc.assert(
			fc.property(table, (rows) => {
				const text = csvText(rows);
				expect(text.startsWith('\uFEFF')).toBe(true);
				// A reader that takes any line break for the end of a record reads the same cells.
				const cells = parse(text, { bom: true }) as string[][];
				expect(cells).toEqual(rows.map((r) => r.map(neutralise)));
			}),
			{ numRuns: 2000 }
		);
	});

	for (const [name, input] of [
		['fixture', fixtureInput],
		['bank', bankInput]
	] as const) {
		it(`generic CSV parses back to the same cells (${name})`, () => {
			const i = input();
			const { text, report } = toCsv(i);
			expect(text!.startsWith('\uFEFF')).toBe(true);
			const cells = parse(text!, { bom: true, relax_column_count: false }) as string[][];
			expect(cells).toEqual(csvRows(i).map((r) => r.map(neutralise)));
			expect(cells.length - 1).toBe(i.questions.length);
			expect(report.omitted).toEqual([]);
			// The text survives byte for byte (the bank's Arabic too).
			i.questions.forEach((q, n) => expect(cells[n + 1][7].startsWith(q.prompt)).toBe(true));
		});

		it(`Quizlet cards parse back as tab-separated rows (${name})`, () => {
			const i = input();
			const { text, report } = toQuizlet(i);
			expect(text!.startsWith('\uFEFF')).toBe(false);
			const lines = text!.split('\n');
			expect(lines.pop()).toBe('');
			// Exactly one tab a line: Quizlet's "between term and definition: tab".
			for (const line of lines) expect(line.split('\t')).toHaveLength(2);
			const cells = parse(text!, { delimiter: '\t', quote: false }) as string[][];
			expect(cells).toEqual(quizletRows(i));
			expect(report.omitted).toEqual([]);
		});
	}

	it('writes Quizlet cards as the bank has them: no apostrophe a card would show', () => {
		const i = fixtureInput();
		const rows = quizletRows(i);
		const numeric = i.questions.findIndex((q) => q.id === 'numeric-distance');
		expect(rows[numeric][0]).toBe(i.questions[numeric].prompt);
		const { text } = toQuizlet({
			...i,
			questions: i.questions.map((q) => (q.id === 'tf-true' ? { ...q, prompt: '=1+2' } : q))
		});
		expect(text).toMatch(/^=1\+2\t/m);
	});

	it('neutralises the fixture’s formula-like distractors in the file itself', () => {
		const { text } = toCsv(fixtureInput());
		expect(text).toContain("'=1+2 | @home");
		expect(text).not.toMatch(/(^|,)"?[=+@]/m);
	});
});
