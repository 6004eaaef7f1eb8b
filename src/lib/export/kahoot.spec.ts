import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { toBytes } from './index';
import { KAHOOT_HEADER, KAHOOT_HEADER_ROW, kahootQuestions, toKahoot } from './kahoot';
import { bankArticleInput, bankInput } from '../server/export.fixtures';
import { fixtureInput } from './fixtures';
import type { ExportInput } from './types';

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	isArray: (name) => ['row', 'c', 'si', 'r', 'sheet'].includes(name),
	parseTagValue: false,
	trimValues: false
});

/** The text of a shared string or an inline string: plain `<t>` or rich-text runs. */
function textOf(si: { t?: unknown; r?: { t: unknown }[] }): string {
	const t = (x: unknown) =>
		typeof x === 'object' && x
			? String((x as { '#text'?: string })['#text'] ?? '')
			: String(x ?? '');
	return si.r ? si.r.map((r) => t(r.t)).join('') : t(si.t);
}

/**
 * Reads the first sheet of an .xlsx as Kahoot's importer would see it, with nothing but unzip
 * and an XML parser: a map from cell reference ("B9") to its value and whether it is a formula.
 */
function readXlsx(bytes: Uint8Array) {
	const zip = unzipSync(bytes);
	const xml = (name: string) => parser.parse(strFromU8(zip[name]));
	const types = strFromU8(zip['[Content_Types].xml']);
	expect(types).toContain('spreadsheetml.sheet.main+xml');
	const book = xml('xl/workbook.xml').workbook;
	const first = book.sheets.sheet[0];
	const rels = xml('xl/_rels/workbook.xml.rels').Relationships.Relationship;
	const target = [rels].flat().find((r: Record<string, string>) => r['@Id'] === first['@r:id'])[
		'@Target'
	];
	const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
	const shared: string[] = zip['xl/sharedStrings.xml']
		? (xml('xl/sharedStrings.xml').sst.si ?? []).map(textOf)
		: [];
	const sheet = xml(sheetPath).worksheet;
	const cells = new Map<string, { value: string | number; formula: boolean }>();
	for (const row of sheet.sheetData.row ?? []) {
		for (const c of row.c ?? []) {
			const type = c['@t'];
			let value: string | number;
			if (type === 's') value = shared[Number(c.v)];
			else if (type === 'inlineStr') value = textOf(c.is);
			else if (type === 'str') value = String(c.v);
			else if (c.v === undefined) continue;
			else value = Number(c.v);
			cells.set(c['@r'], { value, formula: c.f !== undefined });
		}
	}
	return { cells, rightToLeft: sheet.sheetViews?.sheetView?.['@rightToLeft'] === '1' };
}

async function kahootFile(input: ExportInput) {
	const result = toKahoot(input);
	expect(result.text).toBeUndefined();
	return { result, ...readXlsx(await toBytes(result)) };
}

const COLUMNS = 'BCDEFGH';

// whole-bank reads take seconds, more on a loaded machine: no 5 s default
describe('Kahoot export', { timeout: 60_000 }, () => {
	it("is an .xlsx in Kahoot's template layout: headers on row 8, questions from row 9", async () => {
		const input = fixtureInput();
		const { result, cells, rightToLeft } = await kahootFile(input);
		KAHOOT_HEADER.forEach((h, i) =>
			expect(cells.get(`${COLUMNS[i]}${KAHOOT_HEADER_ROW}`)?.value).toBe(h)
		);
		expect(result.report.exported).toEqual(['single-where', 'multiple-who', 'tf-false', 'tf-true']);
		const questions = kahootQuestions(input);
		questions.forEach((k, n) => {
			const row = KAHOOT_HEADER_ROW + 1 + n;
			expect(cells.get(`A${row}`)?.value).toBe(n + 1);
			expect(cells.get(`B${row}`)?.value).toBe(k.question);
			expect([5, 10, 20, 30, 60, 90, 120, 240]).toContain(cells.get(`G${row}`)?.value);
			const correct = String(cells.get(`H${row}`)?.value)
				.split(',')
				.map(Number);
			expect(correct).toEqual(k.correct);
			for (const c of correct) expect(cells.get(`${'CDEF'[c - 1]}${row}`)?.value).toBeTruthy();
		});
		expect(cells.get(`B${KAHOOT_HEADER_ROW + 1 + questions.length}`)).toBeUndefined();
		// The single-choice key is Zuwara.
		const single = KAHOOT_HEADER_ROW + 1;
		const key = cells.get(`H${single}`)!.value as number;
		expect(cells.get(`${'CDEF'[key - 1]}${single}`)?.value).toBe('Zuwara');
		// The attribution travels with the file, above the questions; the English sheet reads LTR.
		expect(String(cells.get('B2')?.value)).toContain(input.article.attribution);
		expect(rightToLeft).toBe(false);
	});

	it('reads right to left for an Arabic article, its attribution above the questions', async () => {
		const input = bankArticleInput();
		const { result, cells, rightToLeft } = await kahootFile(input);
		expect(result.report.exported.length).toBeGreaterThan(0);
		expect(rightToLeft).toBe(true);
		expect(String(cells.get('B2')?.value)).toContain([...input.articles.values()][0].attribution);
	});

	it('writes formula-like answers as text, not formulas and not with an apostrophe', async () => {
		const { cells } = await kahootFile(fixtureInput());
		const all = [...cells.values()];
		expect(all.some((c) => c.formula)).toBe(false);
		const texts = all.map((c) => c.value);
		// Three of the single question's distractors look like formulas; Kahoot's four keep them.
		for (const x of ['=1+2', '@home', '-5 km']) expect(texts).toContain(x);
		expect(texts.some((t) => typeof t === 'string' && t.startsWith("'"))).toBe(false);
	});

	it('reads back for the whole bank, within Kahoot limits, the same on every export', async () => {
		const input = bankInput();
		const { result, cells } = await kahootFile(input);
		expect(result.report.exported.length + result.report.omitted.length).toBe(
			input.questions.length
		);
		const rows = result.report.exported.length;
		expect(rows).toBeGreaterThan(0);
		const positions = new Set<number>();
		for (let n = 0; n < rows; n++) {
			const row = KAHOOT_HEADER_ROW + 1 + n;
			expect([...String(cells.get(`B${row}`)?.value)].length).toBeLessThanOrEqual(120);
			for (const c of 'CDEF') {
				const v = cells.get(`${c}${row}`)?.value;
				if (v !== undefined) expect([...String(v)].length).toBeLessThanOrEqual(75);
			}
			for (const c of String(cells.get(`H${row}`)?.value).split(',')) positions.add(Number(c));
		}
		expect(positions.size).toBeGreaterThan(1);
		expect(kahootQuestions(bankInput())).toEqual(kahootQuestions(input));
	});
});
