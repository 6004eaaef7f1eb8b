/**
 * JSON in Dalil's own schema: each article's metadata and its questions as a bank file would hold
 * them. `fromJson` reads it back through the same zod schemas, so an export imports to the same
 * questions.
 */
import { z } from 'zod';
import type { BankQuestion } from '../bank/check';
import { articleMeta, question, type Question } from '../bank/schema';
import { byArticle } from './common';
import { ReportBuilder } from './report';
import type { ExportInput, ExportResult } from './types';

export const JSON_FORMAT = 'dalil-questions';

/** The exported document. */
export const exportDocument = z.strictObject({
	format: z.literal(JSON_FORMAT, { error: `not a Dalil export (format must be ${JSON_FORMAT})` }),
	version: z.literal(1, { error: 'this Dalil reads version 1 exports' }),
	articles: z.array(
		z.strictObject({
			slug: z.string(),
			...articleMeta.shape,
			questions: z.array(question)
		})
	)
});
export type ExportDocument = z.output<typeof exportDocument>;

/**
 * A bank question as the bank file holds it: no article, file, line, evidence offsets or
 * languages, which the check derives.
 * @param q a checked question
 */
export function plainQuestion(q: BankQuestion): Question {
	const { article: _a, file: _f, line: _l, spans: _s, langs: _g, ...rest } = q;
	void [_a, _f, _l, _s, _g];
	return rest as Question;
}

/**
 * Exports questions to Dalil's JSON.
 * @param input questions and their articles
 */
export function toJson(input: ExportInput): ExportResult {
	const report = new ReportBuilder('json');
	const doc = {
		format: JSON_FORMAT,
		version: 1,
		articles: byArticle(input).map(([a, questions]) => ({
			slug: a.slug,
			title: a.title,
			...(a.translation === undefined ? {} : { translation: a.translation }),
			language: a.language,
			direction: a.direction,
			...(a.explanationLanguage ? { explanationLanguage: a.explanationLanguage } : {}),
			...(a.translationLanguage ? { translationLanguage: a.translationLanguage } : {}),
			source: a.source,
			date: a.date,
			attribution: a.attribution,
			questions: questions.map((q) => {
				report.ok(q);
				return plainQuestion(q);
			})
		}))
	};
	report.note('jsonAttribution');
	return { text: JSON.stringify(doc, null, '\t') + '\n', report: report.report };
}

/**
 * Reads a Dalil JSON export back, validated by the bank's own schemas.
 * @param text the JSON text
 */
export function fromJson(text: string): ExportDocument {
	return exportDocument.parse(JSON.parse(text));
}
