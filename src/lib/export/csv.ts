/**
 * Text table exports: Dalil's own CSV layout (every type, every field) and Quizlet's import text
 * (term and definition, tab-separated). CSV cells that begin with = + - @ (or a tab or return)
 * are neutralised with a leading apostrophe, so a spreadsheet never runs them as formulas (OWASP,
 * "CSV Injection"). Kahoot's spreadsheet is in kahoot.ts.
 */
import { parseCloze } from '../bank/schema';
import type { BankQuestion } from '../bank/check';
import type { Strings } from '../i18n';
import {
	attributionLine,
	answerText,
	citation,
	Citations,
	perArticle,
	textStrings,
	TextJoin,
	textResult
} from './common';
import { ReportBuilder } from './report';
import type { ExportArticle, ExportInput, ExportResult } from './types';

/**
 * A cell a spreadsheet will not run: a leading = + - @ tab or return gets an apostrophe.
 * @param s the cell
 */
export function neutralise(s: string): string {
	// The first character's code, not a regex: this runs on every cell of a 10,000-row export.
	const c = s.charCodeAt(0);
	return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${s}` : s;
}

/**
 * What makes a field need quotes: a double quote, a comma, or a line break of any kind. RFC 4180's
 * unquoted fields hold no CR or LF at all (TEXTDATA, §2), and spreadsheets end a row at a bare LF
 * (a cloze's prompt and text are two lines in one cell).
 */
const MUST_QUOTE = /[",\r\n]/;

/**
 * One field of a CSV record, neutralised, then quoted when it must be, a double quote inside
 * doubled (RFC 4180 §2.6–2.7). Any other field goes out as it is, empty ones too.
 * @param s the cell
 */
export function csvField(s: string): string {
	const v = neutralise(s);
	return MUST_QUOTE.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/**
 * One CSV record: fields separated by commas, ended by CRLF (RFC 4180 §2.1, §2.4).
 * @param cells the cells
 */
export function csvRecord(cells: string[]): string {
	let line = '';
	for (let i = 0; i < cells.length; i++) line += (i ? ',' : '') + csvField(cells[i]);
	return line + '\r\n';
}

/**
 * CSV text of rows: UTF-8 with a BOM (Excel reads UTF-8 only with it), CRLF line ends
 * (RFC 4180), every cell neutralised.
 * @param rows the cells
 */
export function csvText(rows: string[][]): string {
	const out = new TextJoin();
	out.add('\uFEFF');
	for (const r of rows) out.add(csvRecord(r));
	return out.chunks().join('');
}

export const CSV_HEADER = [
	'id',
	'article',
	'paragraph',
	'type',
	'skill',
	'difficulty',
	'tags',
	'prompt',
	'answer',
	'distractors',
	'accept',
	'evidence',
	'explanation',
	'attribution'
];

/** What a row of Dalil's layout takes from its article: strings and the attribution. */
interface RowArticle {
	t: Strings;
	cite: Citations;
	attribution: string;
}

function rowArticle(a: ExportArticle): RowArticle {
	const t = textStrings(a);
	return { t, cite: new Citations(t), attribution: attributionLine(a) };
}

/** One question's row of Dalil's layout (before neutralising). */
function csvRow(q: BankQuestion, { t, cite, attribution }: RowArticle): string[] {
	let distractors: string[] = [];
	let accept: string[] = [];
	let prompt = q.prompt;
	if (q.type === 'single' || q.type === 'multiple') distractors = q.distractors.map((o) => o.text);
	if (q.type === 'matching') distractors = q.distractors.map((o) => o.text);
	if (q.type === 'short') accept = q.accept;
	if (q.type === 'cloze') {
		prompt = `${q.prompt}\n${q.text}`;
		accept = parseCloze(q.text).blanks.flatMap((b) => b.accept);
	}
	return [
		q.id,
		q.article,
		q.paragraph.join(' '),
		q.type,
		q.skill,
		String(q.difficulty),
		q.tags.join(' | '),
		prompt,
		answerText(q, t),
		distractors.join(' | '),
		accept.join(' | '),
		cite.citation(q),
		q.explanation,
		attribution
	];
}

/**
 * The rows of Dalil's CSV layout, header first (before neutralising).
 * @param input questions and their articles
 */
export function csvRows(input: ExportInput): string[][] {
	const of = perArticle(input, rowArticle);
	return [CSV_HEADER, ...input.questions.map((q) => csvRow(q, of(q)))];
}

/**
 * Exports every question to Dalil's CSV layout (one row a question, nothing left out).
 * @param input questions and their articles
 */
export function toCsv(input: ExportInput): ExportResult {
	const report = new ReportBuilder('csv');
	const of = perArticle(input, rowArticle);
	// Each record as it is made, not a table of rows first: 10,000 rows of 14 cells.
	const out = new TextJoin();
	out.add('\uFEFF', csvRecord(CSV_HEADER));
	for (const q of input.questions) {
		out.add(csvRecord(csvRow(q, of(q))));
		report.ok(q);
	}
	report.note('csvAttribution');
	return textResult(out, report.report);
}

const QUIZLET_BREAK = /[\t\r\n]/;

/**
 * Quizlet reads one card a line, term and definition split by a tab, with no quoting. Pasted into
 * Quizlet's import box, not opened in a spreadsheet: no apostrophe in front of = + - @, which
 * Quizlet would show on the card.
 */
function quizletCell(s: string): string {
	return (QUIZLET_BREAK.test(s) ? s.replace(/[\t\r\n]+/g, ' ') : s).trim();
}

/**
 * The cards of Quizlet's layout: term (the question) and definition (its answer and evidence).
 * @param input questions and their articles
 * @param report the report to fill
 */
export function quizletRows(input: ExportInput, report = new ReportBuilder('quizlet')): string[][] {
	const rows: string[][] = [];
	const stringsOf = perArticle(input, textStrings);
	for (const q of input.questions) {
		const t = stringsOf(q);
		if (q.type === 'matching') {
			report.converted(q, 'oneCardAPair', 'quizletPairs');
			for (const p of q.pairs) rows.push([p.left.text, p.right.text]);
			continue;
		}
		let term = q.prompt;
		if (q.type === 'cloze') {
			const { plain, blanks } = parseCloze(q.text);
			let s = '';
			let at = 0;
			for (const b of blanks) {
				s += plain.slice(at, b.start) + '_____';
				at = b.end;
			}
			term = `${q.prompt} ${s}${plain.slice(at)}`;
		}
		if (q.type === 'single' || q.type === 'multiple') {
			report.converted(q, 'flashcard', 'quizletFlashcard');
		} else report.ok(q);
		rows.push([term, `${answerText(q, t)} — ${citation(q, t)}`]);
	}
	return rows.map((r) => r.map(quizletCell));
}

/**
 * Exports every question as Quizlet flashcards, a .txt for Quizlet's "Import" box: tab between
 * term and definition, one card a line (Quizlet's default import settings), no header, no BOM.
 * @param input questions and their articles
 */
export function toQuizlet(input: ExportInput): ExportResult {
	const report = new ReportBuilder('quizlet');
	const rows = quizletRows(input, report);
	for (const a of new Set(input.questions.map((q) => q.article))) {
		report.note('quizletNoSource', { attribution: attributionLine(input.articles.get(a)!) });
	}
	const out = new TextJoin();
	for (const r of rows) out.add(`${r.join('\t')}\n`);
	return textResult(out, report.report);
}
