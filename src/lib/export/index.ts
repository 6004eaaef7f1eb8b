/**
 * Every export format by name, as the CLI and the teacher page spell them, with what a download
 * needs (media type, file extension) and `toBytes` to turn a result into the bytes to send.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { toAiken } from './aiken';
import { toCsv, toKahoot, toQuizlet } from './csv';
import { toGift } from './gift';
import { toJson } from './json';
import { toMoodleXml } from './moodle';
import { toQti } from './qti';
import { toWorksheet } from './worksheet';
import type { ExportInput, ExportResult } from './types';

export interface Format {
	name: string;
	/** shown on the page and in --help */
	label: string;
	mime: string;
	extension: string;
	run: (input: ExportInput) => ExportResult;
}

export const FORMATS = {
	gift: {
		label: 'Moodle GIFT',
		mime: 'text/plain; charset=utf-8',
		extension: 'gift.txt',
		run: toGift
	},
	moodle: {
		label: 'Moodle XML',
		mime: 'application/xml; charset=utf-8',
		extension: 'moodle.xml',
		run: toMoodleXml
	},
	qti: { label: 'IMS QTI 2.1 (zip)', mime: 'application/zip', extension: 'qti.zip', run: toQti },
	aiken: {
		label: 'Aiken',
		mime: 'text/plain; charset=utf-8',
		extension: 'aiken.txt',
		run: toAiken
	},
	csv: { label: 'CSV', mime: 'text/csv; charset=utf-8', extension: 'csv', run: toCsv },
	kahoot: {
		label: 'Kahoot (CSV)',
		mime: 'text/csv; charset=utf-8',
		extension: 'kahoot.csv',
		run: toKahoot
	},
	quizlet: {
		label: 'Quizlet (CSV)',
		mime: 'text/csv; charset=utf-8',
		extension: 'quizlet.csv',
		run: toQuizlet
	},
	json: {
		label: 'JSON (Dalil)',
		mime: 'application/json; charset=utf-8',
		extension: 'json',
		run: toJson
	},
	html: {
		label: 'Worksheet (HTML, print to PDF)',
		mime: 'text/html; charset=utf-8',
		extension: 'html',
		run: toWorksheet
	}
} as const satisfies Record<string, Omit<Format, 'name'>>;

export type FormatName = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

/** Whether a value names an export format. */
export function isFormat(value: unknown): value is FormatName {
	return typeof value === 'string' && Object.hasOwn(FORMATS, value);
}

/**
 * Runs an export.
 * @param format the format's name
 * @param input questions and their articles
 */
export function runExport(format: FormatName, input: ExportInput): ExportResult {
	return FORMATS[format].run(input);
}

/**
 * The bytes of a result: UTF-8 text, or the zip of a package's files (QTI).
 * @param result an export's result
 */
export function toBytes(result: ExportResult): Uint8Array {
	if (result.text !== undefined) return strToU8(result.text);
	const zip: Zippable = {};
	for (const f of result.files) zip[f.name] = strToU8(f.text);
	// Fixed dates so the same questions give the same zip, byte for byte.
	return zipSync(zip, { level: 6, mtime: new Date('2020-01-01T00:00:00Z') });
}
