import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { GRADES_HEADER, gradesCsv, gradesFileName } from './grades-csv';

describe('gradesCsv', () => {
	const text = gradesCsv([
		{
			student: { id: 'a', name: 'أمل "الصغيرة", 2' },
			attempts: 1,
			counted: {
				score: 7.5,
				total: 10,
				percent: 75,
				seconds: 300,
				submittedAt: Date.UTC(2026, 2, 1, 9),
				late: true
			}
		},
		{ student: { id: 'b', name: '=HYPERLINK("http://x")' }, attempts: 0 },
		{ student: { id: 'c', name: '@SUM(A1)' }, attempts: 0 }
	]);

	it('writes a row per student that a CSV reader reads back', () => {
		expect(text.startsWith('\uFEFF')).toBe(true);
		const rows = parse(text.slice(1)) as string[][];
		expect(rows[0]).toEqual(GRADES_HEADER);
		expect(rows[1]).toEqual([
			'أمل "الصغيرة", 2',
			'7.5',
			'10',
			'75',
			'2026-03-01T09:00:00.000Z',
			'yes'
		]);
		expect(rows[2]).toEqual(['\'=HYPERLINK("http://x")', '', '', '', '', '']);
	});

	it('neutralises every formula', () => {
		const rows = parse(text.slice(1)) as string[][];
		for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
	});
});

describe('gradesFileName', () => {
	it('keeps letters of any script and nothing a path could use', () => {
		expect(gradesFileName('اختبار ٣: ../Week 3')).toBe('اختبار-٣-Week-3-grades.csv');
		expect(gradesFileName('///')).toBe('assignment-grades.csv');
	});
});
