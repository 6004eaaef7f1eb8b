/**
 * Every export format by name, as the CLI and the teacher page spell them, with what a download
 * needs (media type, file extension) and `toBytes` to turn a result into the bytes to send.
 */
import { Zip, type ZipInputFile } from 'fflate';
import { Buffer } from 'node:buffer';
import { crc32, deflateRawSync } from 'node:zlib';
import { toAiken } from './aiken';
import { toCsv, toQuizlet } from './csv';
import { toKahoot } from './kahoot';
import { toGift } from './gift';
import { toJson } from './json';
import { toMoodleXml } from './moodle';
import { toQti } from './qti';
import { toWorksheet } from './worksheet';
import { xlsxBytes } from './xlsx';
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
		label: 'Kahoot (XLSX)',
		mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		extension: 'kahoot.xlsx',
		run: toKahoot
	},
	quizlet: {
		label: 'Quizlet (TXT)',
		mime: 'text/plain; charset=utf-8',
		extension: 'quizlet.txt',
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
 * The bytes of a result: UTF-8 text, the zip of a package's files (QTI), or a workbook (Kahoot;
 * ExcelJS writes it asynchronously, hence the promise).
 * @param result an export's result
 */
export async function toBytes(result: ExportResult): Promise<Uint8Array> {
	if (result.chunks) return utf8(result.chunks);
	if (result.text !== undefined) return Buffer.from(result.text, 'utf8');
	if (result.sheet) return xlsxBytes(result.sheet);
	return zipFiles(result.files);
}

/**
 * UTF-8 bytes of text in chunks, written into one buffer of the exact size. Node's encoder, not
 * TextEncoder (fflate's strToU8): about half the time on 10 MB of Arabic.
 * @param chunks the text's chunks, in order
 */
function utf8(chunks: readonly string[]): Uint8Array {
	// A chunk that ends inside a surrogate pair would be encoded as two halves (U+FFFD each):
	// join then. TextJoin cuts between pieces, and no exporter's piece ends that way.
	for (let i = 0; i < chunks.length - 1; i++) {
		const last = chunks[i].charCodeAt(chunks[i].length - 1);
		if (last >= 0xd800 && last <= 0xdbff) return Buffer.from(chunks.join(''), 'utf8');
	}
	let size = 0;
	for (const c of chunks) size += Buffer.byteLength(c, 'utf8');
	const bytes = Buffer.allocUnsafe(size);
	let at = 0;
	for (const c of chunks) at += bytes.write(c, at, 'utf8');
	return bytes;
}

/** A fixed date in the zip, so the same questions give the same zip, byte for byte. */
const ZIP_DATE = new Date('2020-01-01T00:00:00Z');

/**
 * A zip of text files. fflate writes the archive; node's zlib deflates each file, since a pure
 * JavaScript deflate of 10,000 QTI items takes seconds (fflate takes pre-compressed entries with
 * their CRC and size: method 8 is deflate, PKZIP APPNOTE 4.4.5).
 * @param files paths and texts
 */
export function zipFiles(files: { name: string; text: string }[]): Uint8Array {
	const chunks: Uint8Array[] = [];
	let failure: Error | null = null;
	const zip = new Zip((err, chunk) => {
		if (err) failure = err;
		else chunks.push(chunk);
	});
	for (const f of files) {
		const data = Buffer.from(f.text, 'utf8');
		const entry: ZipInputFile = {
			filename: f.name,
			size: data.length,
			crc: crc32(data),
			compression: 8,
			mtime: ZIP_DATE
		};
		zip.add(entry);
		entry.ondata!(null, deflateRawSync(data), true);
	}
	zip.end();
	if (failure) throw failure;
	return Buffer.concat(chunks);
}
