import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvRows, kahootRows, neutralise, quizletRows, toCsv, toKahoot, toQuizlet } from './csv';
import { bankInput, fixtureInput } from './fixtures';

describe('CSV exports', () => {
	it('neutralises formulas', () => {
		expect(neutralise('=1+2')).toBe("'=1+2");
		expect(neutralise('+1')).toBe("'+1");
		expect(neutralise('-5 كلم')).toBe("'-5 كلم");
		expect(neutralise('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(neutralise('زوارة = مدينة')).toBe('زوارة = مدينة');
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
			// Arabic survives byte for byte.
			i.questions.forEach((q, n) => expect(cells[n + 1][7].startsWith(q.prompt)).toBe(true));
		});

		it(`Kahoot CSV parses back, four answers, correct numbers in range (${name})`, () => {
			const i = input();
			const { text, report } = toKahoot(i);
			const cells = parse(text!, { bom: true }) as string[][];
			expect(cells).toEqual(kahootRows(i).map((r) => r.map(neutralise)));
			expect(cells.length - 1).toBe(report.exported.length);
			expect(report.exported.length + report.omitted.length).toBe(i.questions.length);
			for (const row of cells.slice(1)) {
				expect(row).toHaveLength(7);
				expect([...row[0]].length).toBeLessThanOrEqual(120);
				for (const n of row[6].split(',')) expect(row[Number(n)]).not.toBe('');
			}
		});

		it(`Quizlet cards parse back as tab-separated rows (${name})`, () => {
			const i = input();
			const { text, report } = toQuizlet(i);
			const cells = parse(text!, { delimiter: '\t', quote: false }) as string[][];
			expect(cells).toEqual(quizletRows(i));
			expect(report.omitted).toEqual([]);
		});
	}

	it('neutralises the fixture’s formula-like distractors in the file itself', () => {
		const { text } = toCsv(fixtureInput());
		expect(text).toContain("'=1+2 | @home");
		expect(text).not.toMatch(/(^|,)"?[=+@]/m);
	});
});
