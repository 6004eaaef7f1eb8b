/**
 * `dalil grade FILE [--questions DIR]`: grades a file of typed answers, JSON lines (.jsonl, .ndjson,
 * .json) or CSV (.csv) by extension, and writes one result per input in the same format to
 * standard output, with a summary on standard error. Bad lines are reported by line number and
 * skipped; the rest are graded.
 *
 * Exit code: 0 every line graded, 1 some lines skipped, 2 unusable input (no file, unknown format,
 * no bank).
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { BankQuestion, LoadedArticle } from '../../bank/check';
import { gradeRecord, summarize, type BatchLine, type BatchLookup } from '../../grading/batch';
import { BankUnreadable, loadBank } from '../bank';
import { parseOptions, UsageError } from './args';
import { csvText } from '../../export/csv';
import { escapeControls } from '../../bank/diagnostics';

const USAGE = 'usage: npm run dalil -- grade FILE [--questions DIR]   (FILE: .jsonl or .csv)';

/** The largest answer file read, so a wrong file name does not eat the memory. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

interface Input {
	line: number;
	record?: unknown;
	error?: string;
}

/** Names that would reach an object's prototype rather than be a field of the record. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A record with no prototype (a `__proto__` key is then a plain key, never a prototype), or why
 * it cannot be graded: a forbidden name, or a response that is not text.
 */
function toRecord(entries: [string, unknown][]): { record?: unknown; error?: string } {
	const record: Record<string, unknown> = Object.create(null);
	for (const [key, value] of entries) {
		if (FORBIDDEN_KEYS.has(key)) return { error: `a field may not be named ${key}` };
		record[key] = value;
	}
	// a number would be graded as an empty answer: the student's answer is text
	if (typeof record.response === 'number') {
		return { error: `\`response\` is a number; write the answer as text ("${record.response}")` };
	}
	return { record };
}

/** JSON lines: one object a line; blank lines skipped. */
export function readJsonLines(text: string): Input[] {
	const out: Input[] = [];
	text
		.replace(/^\uFEFF/, '')
		.split(/\r?\n/)
		.forEach((raw, i) => {
			if (raw.trim() === '') return;
			try {
				const value: unknown = JSON.parse(raw);
				if (value === null || typeof value !== 'object' || Array.isArray(value)) {
					out.push({ line: i + 1, error: 'a line must be a JSON object' });
				} else out.push({ line: i + 1, ...toRecord(Object.entries(value)) });
			} catch (e) {
				out.push({
					line: i + 1,
					error: `not JSON (${e instanceof Error ? e.message : String(e)})`
				});
			}
		});
	return out;
}

/** A CSV cell that holds a JSON list or a number is read as one; `accept` may be "a|b". */
function cell(key: string, value: string): unknown {
	const v = value.trim();
	if (v === '') return undefined;
	if (/^[[{]/.test(v)) {
		try {
			return JSON.parse(v);
		} catch {
			return v;
		}
	}
	if ((key === 'tolerance' || key === 'paragraph') && /^\d+(\.\d+)?$/.test(v)) return Number(v);
	if (key === 'unitOptional') return /^(true|1|yes)$/i.test(v);
	if (key === 'accept' || key === 'reject') return v.split(/\s*\|\s*/);
	return value;
}

/** A CSV file that cannot be read as answers: the whole file is refused (exit 2). */
export class UnusableCsv extends Error {}

/**
 * CSV with a header row (id, response, question | expected, accept, article, paragraph, …).
 * @throws UnusableCsv without a header row naming `id` and `response`, or with a column twice
 */
export function readCsv(text: string): Input[] {
	let header: string[] = [];
	const rows: { record: Record<string, string>; info: { lines: number } }[] = parseCsv(text, {
		bom: true,
		columns: (names: string[]) => (header = names.map((h) => h.trim())),
		skip_empty_lines: true,
		relax_column_count: true,
		info: true
	});
	const forbidden = header.find((h) => FORBIDDEN_KEYS.has(h));
	if (forbidden !== undefined) throw new UnusableCsv(`a column may not be named ${forbidden}`);
	const twice = header.find((h, i) => header.indexOf(h) < i);
	if (twice !== undefined) throw new UnusableCsv(`the column «${twice}» appears twice`);
	const missing = ['id', 'response'].filter((c) => !header.includes(c));
	if (missing.length) {
		throw new UnusableCsv(
			`the first row names the columns (id, response, question or expected); it has no ${missing.join(', ')}`
		);
	}
	return rows.map(({ record, info }) => {
		const entries: [string, unknown][] = [];
		for (const [k, v] of Object.entries(record)) {
			if (k === 'response' || k === 'id') entries.push([k, v]);
			else {
				const c = cell(k, v ?? '');
				if (c !== undefined) entries.push([k, c]);
			}
		}
		return { line: info.lines, ...toRecord(entries) };
	});
}

const CSV_COLUMNS = [
	'id',
	'correct',
	'score',
	'verdict',
	'review',
	'rule',
	'reason',
	'question',
	'expected',
	'normalized',
	'parts',
	'evidence',
	'explanation'
];

function csvRow(l: BatchLine & { ok: true }) {
	const r = l.result;
	return {
		...r,
		normalized: r.normalized.join('; '),
		parts:
			r.parts.length > 1
				? r.parts.map((p) => `${p.label}: ${p.correct ? '✓' : '✗'}`).join('; ')
				: '',
		evidence: r.evidence.map((e) => `${e.paragraph}:${e.start}-${e.end}`).join(' ')
	};
}

export async function run(args: string[]): Promise<number> {
	let values, positionals;
	try {
		({ values, positionals } = parseOptions(args, { questions: { type: 'string' } }));
	} catch (e) {
		if (e instanceof UsageError) {
			console.error(`dalil grade: ${e.message}\n${USAGE}`);
			return 2;
		}
		throw e;
	}
	const file = positionals[0];
	if (!file || positionals.length > 1) {
		console.error(`dalil grade: ${file ? 'one file at a time' : 'which file?'}\n${USAGE}`);
		return 2;
	}
	if (!existsSync(file)) {
		console.error(`dalil grade: no such file: ${file}`);
		return 2;
	}
	const ext = extname(file).toLowerCase();
	const format =
		ext === '.csv' ? 'csv' : ['.jsonl', '.ndjson', '.json'].includes(ext) ? 'jsonl' : undefined;
	if (!format) {
		console.error(`dalil grade: ${file}: unknown format «${ext || 'none'}» (use .jsonl or .csv)`);
		return 2;
	}
	const buf = readFileSync(file);
	if (buf.length > MAX_FILE_BYTES) {
		console.error(`dalil grade: ${file} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
		return 2;
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
		if (text.includes('\0')) throw new Error('NUL');
	} catch {
		console.error(
			`dalil grade: ${file}: not a text file (UTF-8 ${format === 'csv' ? 'CSV' : 'JSON lines'})`
		);
		return 2;
	}
	let inputs: Input[];
	try {
		inputs = format === 'csv' ? readCsv(text) : readJsonLines(text);
	} catch (e) {
		console.error(`dalil grade: ${file}: ${e instanceof Error ? e.message : String(e)}`);
		return 2;
	}
	if (inputs.length === 0) {
		console.error(`dalil grade: ${file}: no answers to grade`);
		return 1;
	}

	// The bank is read once, and only when a line needs it.
	let bank:
		{ questions: Map<string, BankQuestion>; articles: Map<string, LoadedArticle> } | undefined;
	let bankError: string | undefined;
	const dir = values.questions ?? process.env.DALIL_QUESTIONS ?? 'questions';
	const getBank = () => {
		if (!bank && !bankError) {
			try {
				const result = loadBank(dir);
				bank = {
					questions: new Map(result.articles.flatMap((a) => a.questions.map((q) => [q.id, q]))),
					articles: new Map(result.articles.map((a) => [a.slug, a]))
				};
			} catch (e) {
				if (!(e instanceof BankUnreadable)) throw e;
				bankError = e.message;
			}
		}
		return bank;
	};
	const lookup: BatchLookup = {
		question: (id) => getBank()?.questions.get(id),
		article: (slug) => getBank()?.articles.get(slug)
	};

	const lines: BatchLine[] = [];
	const csvOut: Record<string, unknown>[] = [];
	for (const input of inputs) {
		const line: BatchLine = input.error
			? { ok: false, error: input.error }
			: gradeRecord(input.record, lookup);
		lines.push(line);
		if (!line.ok) {
			const why =
				bankError && /in the bank/.test(line.error) ? `${line.error} (${bankError})` : line.error;
			const id = line.id ? ` (id ${line.id})` : '';
			console.error(escapeControls(`${file}:${input.line}: skipped${id}: ${why}`));
			continue;
		}
		if (format === 'jsonl') process.stdout.write(JSON.stringify(line.result) + '\n');
		else csvOut.push(csvRow(line));
	}
	if (format === 'csv') {
		// the exports' CSV: BOM for Excel, CRLF, cells that could run as formulas neutralised
		const cell = (v: unknown) => (v === undefined || v === null ? '' : String(v));
		process.stdout.write(
			csvText([CSV_COLUMNS, ...csvOut.map((row) => CSV_COLUMNS.map((c) => cell(row[c])))])
		);
	}
	const s = summarize(lines);
	console.error(
		`${s.graded} graded: ${s.correct} correct, ${s.partial} partial, ${s.wrong} wrong; ` +
			`${s.review} to review; ${s.skipped} skipped`
	);
	return s.skipped > 0 ? 1 : 0;
}
