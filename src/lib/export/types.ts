/**
 * What every exporter takes and gives back. Exporters are pure: questions and articles in, text
 * or files and a report out; the routes and the CLI decide where the bytes go.
 */
import type { Paragraph } from '../bank/article';
import type { BankQuestion } from '../bank/check';
import type { QuestionType } from '../bank/schema';
import type { Sheet } from './xlsx';
import type { Strings } from '../i18n';

/** The article fields an export needs: its text, language and attribution. */
export interface ExportArticle {
	slug: string;
	title: string;
	translation?: string;
	language: string;
	direction: 'rtl' | 'ltr';
	/** the explanations' language, when the bank names one (see bank/text-language.ts) */
	explanationLanguage?: string;
	/** the translations' language, when the bank names one */
	translationLanguage?: string;
	source: string;
	date: string;
	attribution: string;
	paragraphs: Paragraph[];
}

/** The questions to export, with the articles they belong to. */
export interface ExportInput {
	questions: BankQuestion[];
	/** every article a question names, by slug */
	articles: Map<string, ExportArticle>;
	options?: ExportOptions;
}

export interface ExportOptions {
	/** worksheet: per-student versions are shuffled from this seed (as a quiz link spells it) */
	seed?: string;
	/** worksheet: how many student copies (1 without a seed) */
	copies?: number;
	/** when the export was made, for the files that record it (QTI manifest, JSON) */
	now?: Date;
}

/** What an export says, as a key of the string tables' `bankText.exportNotes` and its values. */
export interface ReportMessage {
	key: keyof Strings['bankText']['exportNotes'];
	params: Record<string, string | number>;
}

/** A question the format holds only in another shape. */
export interface Converted {
	id: string;
	type: QuestionType;
	/** what it became, in English (e.g. "matching"), for the CLI */
	as: string;
	/** the same, as a key of `bankText.exportAs`, for pages in either language */
	asKey: keyof Strings['bankText']['exportAs'];
	/** why, in English */
	note: string;
	message: ReportMessage;
}

/** A question the format cannot hold. */
export interface Omitted {
	id: string;
	type: QuestionType;
	/** why, in English */
	reason: string;
	message: ReportMessage;
}

/** What an export did to each question: never a silent drop. */
export interface ExportReport {
	format: string;
	/** ids exported as they are or converted */
	exported: string[];
	converted: Converted[];
	omitted: Omitted[];
	/** anything else the teacher should know (e.g. where the attribution went), in English */
	notes: string[];
	/** the same notes, for pages in either language */
	noteMessages: ReportMessage[];
}

export interface ExportFile {
	/** path inside the package */
	name: string;
	text: string;
}

/**
 * A text format gives `text`; a package format (QTI) gives `files`, zipped by `toBytes`; a
 * spreadsheet format (Kahoot) gives a `sheet`, written as .xlsx by `toBytes`.
 */
export type ExportResult =
	| {
			text: string;
			/** the text in pieces, when the exporter built it so (`toBytes` encodes them as they are) */
			chunks?: readonly string[];
			files?: undefined;
			sheet?: undefined;
			report: ExportReport;
	  }
	| {
			text?: undefined;
			chunks?: undefined;
			files: ExportFile[];
			sheet?: undefined;
			report: ExportReport;
	  }
	| {
			text?: undefined;
			chunks?: undefined;
			files?: undefined;
			sheet: Sheet;
			report: ExportReport;
	  };
