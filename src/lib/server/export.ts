/**
 * The export a teacher's request asks for, shared by the export page (its report) and the file
 * endpoint (its bytes).
 */
import { error, type Cookies } from '@sveltejs/kit';
import { exportArticles } from '../export/article';
import { runExport } from '../export/index';
import { readExportRequest } from '../export/request';
import { readSelection, SELECTION_COOKIE } from '../export/selection';
import type { ExportArticle } from '../export/types';
import { getBank, type Bank } from './bank';

/** The bank's articles as exports take them, made once per loaded bank. */
const articlesOf = new WeakMap<Bank, Map<string, ExportArticle>>();

/**
 * Reads the request (a filter in the query, else the selection cookie) and runs the export;
 * a bad request is a 400 with the reason.
 * @param url the request's URL
 * @param cookies the request's cookies
 */
export function exportForRequest(url: URL, cookies: Cookies) {
	const bank = getBank();
	const req = readExportRequest(
		url.searchParams,
		[...bank.questions.values()],
		readSelection(cookies.get(SELECTION_COOKIE))
	);
	if (!req.ok) error(400, req.message);
	let articles = articlesOf.get(bank);
	if (!articles) articlesOf.set(bank, (articles = exportArticles(bank.result.articles)));
	const result = runExport(req.format, {
		questions: req.questions,
		articles,
		options: req.options
	});
	return { req, result, articles };
}
