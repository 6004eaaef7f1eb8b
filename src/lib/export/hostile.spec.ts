/**
 * The hostile bank's sound questions through every export format (issue 18, "a hostile bank
 * fixture ... run through every export"): markup, `]]>`, spreadsheet formulas, template braces,
 * bidi overrides, terminal escapes and C0/C1 controls stay text. Each file is read back by a
 * parser of its format, and the bank's text is found in what the parser read, as text: an
 * exporter that let markup through, or cut a CDATA section at `]]>`, would show it as elements
 * or lose it.
 */
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseGift, type GIFTQuestion } from 'gift-pegjs';
import { bankInput } from '../server/export.fixtures';
import { plain } from './fixtures';
import { FORMAT_NAMES, runExport, toBytes, zipFiles } from './index';
import type { ExportInput } from './types';

/** The hostile article's questions that pass the check, with their article. */
function hostileInput(): ExportInput {
	const all = bankInput('tests/fixtures/hostile-bank');
	return { ...all, questions: all.questions.filter((q) => q.article === 'hostile') };
}

const input = hostileInput();
const article = input.articles.get('hostile')!;
const byId = new Map(input.questions.map((q) => [q.id, q]));

/** C0 controls XML 1.0 forbids (all but tab, newline and return): a file holding one is unreadable. */
// eslint-disable-next-line no-control-regex -- the characters a file must not hold
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
/** What a terminal or a text view acts on, in text read back. */
// eslint-disable-next-line no-control-regex -- the characters it finds
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** The first characters that make a spreadsheet cell a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text as a reader sees it, to find the bank's text in what a parser read: without the controls
 * (XML drops those it forbids, and a parser turns a return into a newline), spaces folded.
 */
const visible = (s: string) => s.replace(CONTROLS, '').replace(/\s+/g, ' ');

/** The hostile text the questions and the article carry, as each question should show it. */
const HOSTILE_PROMPTS = input.questions.map((q) => q.prompt);

/** What an XML document holds once parsed: its element and attribute names, and its text. */
interface Parsed {
	elements: string[];
	attributes: string[];
	/** every text node and CDATA section, entities decoded, joined in document order */
	text: string;
	/** the CDATA sections, each whole (where Moodle XML puts HTML) */
	cdata: string[];
}

const treeParser = new XMLParser({
	preserveOrder: true,
	ignoreAttributes: false,
	attributeNamePrefix: '',
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: false,
	processEntities: true,
	htmlEntities: true,
	commentPropName: '#comment',
	cdataPropName: '#cdata'
});

/**
 * Parses XML (or a well-formed HTML body) and walks it.
 * @param xml the document
 * @param what names it in a failure
 */
function readXml(xml: string, what: string): Parsed {
	expect(XMLValidator.validate(xml), `${what}: not well-formed`).toBe(true);
	const out: Parsed = { elements: [], attributes: [], text: '', cdata: [] };
	const walk = (nodes: Record<string, unknown>[]) => {
		for (const node of nodes) {
			for (const [key, value] of Object.entries(node)) {
				if (key === '#text') out.text += String(value);
				else if (key === '#cdata') {
					const section = (value as { '#text': unknown }[]).map((t) => t['#text']).join('');
					out.cdata.push(section);
					out.text += section;
				} else if (key === ':@') out.attributes.push(...Object.keys(value as object));
				else if (key === '#comment') out.elements.push('#comment');
				else {
					out.elements.push(key.toLowerCase());
					walk(value as Record<string, unknown>[]);
				}
			}
		}
	};
	walk(treeParser.parse(xml) as Record<string, unknown>[]);
	return out;
}

/**
 * Parses an HTML fragment an export wrote (Dalil writes it well-formed).
 * @param html the fragment
 * @param what names it in a failure
 */
const readHtml = (html: string, what: string) => readXml(`<root>${html}</root>`, what);

/** No element or attribute the bank's text could have injected. */
function expectNoInjection(doc: Parsed, what: string) {
	for (const name of ['script', 'img', 'iframe', 'object', 'svg']) {
		expect(doc.elements, `${what}: an injected <${name}>`).not.toContain(name);
	}
	expect(
		doc.attributes.filter((a) => /^on/i.test(a)),
		`${what}: an event handler attribute`
	).toEqual([]);
}

// whole-bank reads and workbooks take seconds on a loaded machine: no 5 s default
describe('the hostile bank through every export', { timeout: 60_000 }, () => {
	it('has sound questions of hostile text to export', () => {
		expect([...byId.keys()]).toEqual(
			expect.arrayContaining([
				'hostile-day',
				'hostile-formula',
				'hostile-bidi',
				'hostile-braces',
				'hostile-controls'
			])
		);
		expect(article.title).toContain('<script>');
		expect(article.title).toContain('\u202e');
		expect(byId.get('hostile-controls')!.prompt).toMatch(CONTROLS);
	});

	it('every format exports them, none vanishing, into bytes', async () => {
		for (const format of FORMAT_NAMES) {
			const result = runExport(format, input);
			const { exported, omitted } = result.report;
			expect(exported.length + omitted.length, format).toBe(input.questions.length);
			expect((await toBytes(result)).length, format).toBeGreaterThan(0);
		}
	});

	it('GIFT: every special character escaped, each question read back whole', () => {
		const { text, report } = runExport('gift', input);
		const parsed = parseGift(text!).filter(
			(p): p is Exclude<GIFTQuestion, { type: 'Category' | 'Description' }> =>
				p.type !== 'Category' && p.type !== 'Description'
		);
		// braces, `=`, `~`, `#` in the text did not open or close a question
		expect(parsed.map((p) => p.id)).toEqual(report.exported);
		for (const p of parsed) {
			const q = byId.get(p.id!)!;
			expect(p.title).toBe(q.id);
			expect(plain(p.stem.text).startsWith(q.prompt), q.id).toBe(true);
			// the [html] text: the bank's markup escaped in it, read back as text
			expect(p.stem.format).toBe('html');
			const stem = readHtml(p.stem.text, `${q.id} stem`);
			expectNoInjection(stem, `${q.id} stem`);
			expect(visible(stem.text)).toContain(visible(q.prompt));
			if ('globalFeedback' in p && p.globalFeedback) {
				expectNoInjection(readHtml(p.globalFeedback.text, q.id), `${q.id} feedback`);
			}
		}
		// outside comments (plain text to Moodle), the markup stands only in [html] text, escaped
		const lines = text!.split('\n').filter((l) => !l.startsWith('//'));
		for (const line of lines) {
			const html = line.replace(/^::(?:\\.|[^:\\])*::/, '');
			expect(html, line).not.toMatch(/<script|<img|<i>/i);
		}
	});

	it('Moodle XML: well-formed, `]]>` split, the HTML inside holds no injected element', () => {
		const { text } = runExport('moodle', input);
		expect(text).not.toMatch(XML_FORBIDDEN);
		const doc = readXml(text!, 'moodle.xml');
		expectNoInjection(doc, 'moodle.xml');
		// the CDATA sections hold Dalil's HTML, each read back whole: a `]]>` left in one would
		// have ended it early and spilled the rest
		expect(doc.cdata.length).toBeGreaterThan(input.questions.length);
		let shown = '';
		for (const section of doc.cdata) {
			const html = readHtml(section, 'moodle.xml HTML');
			expectNoInjection(html, 'moodle.xml HTML');
			shown += html.text;
		}
		for (const prompt of HOSTILE_PROMPTS) expect(visible(shown)).toContain(visible(prompt));
		expect(shown).toContain(article.paragraphs[0].text);
		expect(shown).toContain(article.attribution);
	});

	it('QTI: every file well-formed, the text read back as text', () => {
		const { files } = runExport('qti', input);
		const zip = unzipSync(zipFiles(files!));
		let all = '';
		for (const [name, data] of Object.entries(zip)) {
			const xml = strFromU8(data);
			expect(xml, name).not.toMatch(XML_FORBIDDEN);
			const doc = readXml(xml, name);
			expectNoInjection(doc, name);
			all += doc.text;
		}
		for (const prompt of HOSTILE_PROMPTS) expect(visible(all)).toContain(visible(prompt));
		expect(all).toContain(article.paragraphs[2].text);
	});

	it('the worksheet: no injected element, the text shown as written', () => {
		const html = runExport('html', input).text!;
		expect(html).not.toMatch(/<script|<img|<!--|<!\[CDATA\[/i);
		// C0 controls are dropped, as the XML exports drop them (in HTML each is a parse error)
		expect(html).not.toMatch(XML_FORBIDDEN);
		const body = html
			.slice(html.indexOf('<body>'), html.indexOf('</body>') + 7)
			.replace(/<meta[^>]*>/g, '');
		const doc = readXml(body, 'worksheet');
		expectNoInjection(doc, 'worksheet');
		expect(doc.elements).not.toContain('#comment');
		for (const prompt of HOSTILE_PROMPTS) expect(visible(doc.text)).toContain(visible(prompt));
		for (const p of article.paragraphs) expect(doc.text).toContain(p.text);
		// the title in <title> too, escaped
		expect(html).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
	});

	it('CSV: one record a question, every formula neutralised, the text kept', () => {
		const { text } = runExport('csv', input);
		const rows = parseCsv(text!, { bom: true }) as string[][];
		expect(rows.length - 1).toBe(input.questions.length);
		for (const cell of rows.flat()) expect(cell, cell).not.toMatch(FORMULA_START);
		const formula = rows.find((r) => r[0] === 'hostile-formula')!;
		expect(formula).toContain(`'${byId.get('hostile-formula')!.prompt}`);
		// the distractors, in one cell
		expect(formula).toContain("'=1+1 | @SUM(A1) | +cmd|' /C calc'!A0");
	});

	it('Quizlet: one card a line, term and definition, the text as written', () => {
		const { text, report } = runExport('quizlet', input);
		const lines = text!.split('\n').slice(0, -1);
		expect(lines).toHaveLength(report.exported.length);
		for (const line of lines) expect(line.split('\t'), line).toHaveLength(2);
		// pasted into Quizlet's import box, not opened in a spreadsheet: no apostrophe (csv.ts)
		expect(lines.map((l) => l.split('\t')[0])).toContain(byId.get('hostile-formula')!.prompt);
	});

	it('Kahoot: the workbook holds the formulas as text, never as formulas', async () => {
		const result = runExport('kahoot', input);
		expect(result.report.exported).toContain('hostile-formula');
		const zip = unzipSync(await toBytes(result));
		const xml = Object.entries(zip)
			.filter(([name]) => name.endsWith('.xml'))
			.map(([name, data]) => {
				const text = strFromU8(data);
				expect(XMLValidator.validate(text), name).toBe(true);
				return text;
			})
			.join('\n');
		expect(xml).not.toMatch(/<f[\s>]/);
		expect(xml).not.toContain('<script');
		expect(xml).toContain('=HYPERLINK(&quot;http://evil.example&quot;');
	});

	it('Aiken: the single-choice question, its text on its own lines', () => {
		const { text, report } = runExport('aiken', input);
		expect(report.exported).toEqual(['hostile-formula']);
		expect(text!.match(/^ANSWER: [A-Z]$/gm)).toHaveLength(1);
	});

	it('JSON: parsed back, every string as the bank has it', () => {
		const { text } = runExport('json', input);
		const json = JSON.parse(text!);
		const strings: string[] = [];
		const collect = (v: unknown) => {
			if (typeof v === 'string') strings.push(v);
			else if (v && typeof v === 'object') Object.values(v).forEach(collect);
		};
		collect(json);
		for (const prompt of HOSTILE_PROMPTS) expect(strings).toContain(prompt);
		expect(strings).toContain(article.title);
	});
});
