/**
 * The export a teacher's request asks for, shared by the export page (its report) and the file
 * endpoint (its bytes).
 */
import { error, type Cookies } from '@sveltejs/kit';
import { strings, type Locale } from '../i18n';
import { exportArticles } from '../export/article';
import { runExport } from '../export/index';
import { readExportRequest } from '../export/request';
import { readSelection, SELECTION_COOKIE } from '../export/selection';
import type { ExportArticle } from '../export/types';
import { getBank, type Bank } from './bank';

/** The bank's articles as exports take them, made once per loaded bank. */
const articlesOf = new WeakMap<Bank, Map<string, ExportArticle>>();

/**
 * The message of a query or form the teacher's pages cannot use, in the interface language: it
 * names the fields as the address spells them, isolated from the sentence's direction (U+2068…
 * U+2069, the plain-text <bdi>).
 * @param locale the interface language
 * @param fields the fields that failed (`invalidFields`)
 */
export function badQueryMessage(locale: Locale, fields: readonly string[]): string {
	const names = fields.map((f) => `\u2068${f}\u2069`).join(locale === 'ar' ? '، ' : ', ');
	return strings(locale).badQuery.replace('{fields}', names);
}

/**
 * Reads the request (a filter in the query, else the selection cookie) and runs the export;
 * a bad request is a 400 naming the fields that are wrong, in the interface language.
 * @param url the request's URL
 * @param cookies the request's cookies
 * @param locale the interface language
 */
export function exportForRequest(url: URL, cookies: Cookies, locale: Locale) {
	const bank = getBank();
	const req = readExportRequest(
		url.searchParams,
		[...bank.questions.values()],
		readSelection(cookies.get(SELECTION_COOKIE))
	);
	if (!req.ok) error(400, badQueryMessage(locale, req.fields));
	let articles = articlesOf.get(bank);
	if (!articles) articlesOf.set(bank, (articles = exportArticles(bank.result.articles)));
	const result = runExport(req.format, {
		questions: req.questions,
		articles,
		options: req.options
	});
	return { req, result, articles };
}
