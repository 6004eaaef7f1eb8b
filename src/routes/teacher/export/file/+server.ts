import { Buffer } from 'node:buffer';
import { error } from '@sveltejs/kit';
import { exportArticle } from '$lib/export/article';
import { FORMATS, runExport, toBytes } from '$lib/export/index';
import { readExportRequest } from '$lib/export/request';
import { readSelection, SELECTION_COOKIE } from '$lib/export/selection';
import { getBank } from '$lib/server/bank';
import type { RequestHandler } from './$types';

/**
 * The exported file. The worksheet opens in the browser (to print or save as PDF) unless
 * `download=1`; every other format downloads.
 */
export const GET: RequestHandler = ({ url, cookies }) => {
	const bank = getBank();
	const req = readExportRequest(
		url.searchParams,
		[...bank.questions.values()],
		readSelection(cookies.get(SELECTION_COOKIE))
	);
	if (!req.ok) error(400, req.message);
	if (req.questions.length === 0) error(400, 'no question selected (or none matches the filter)');
	const articles = new Map(bank.result.articles.map((a) => [a.slug, exportArticle(a)]));
	const result = runExport(req.format, {
		questions: req.questions,
		articles,
		options: req.options
	});
	const format = FORMATS[req.format];
	const slugs = [...new Set(req.questions.map((q) => q.article))];
	const name = `dalil-${slugs.length === 1 ? slugs[0] : 'questions'}.${format.extension}`;
	const inline = req.format === 'html' && url.searchParams.get('download') !== '1';
	return new Response(Buffer.from(toBytes(result)), {
		headers: {
			'content-type': format.mime,
			'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${name}"`,
			'x-dalil-exported': String(result.report.exported.length),
			'x-dalil-omitted': String(result.report.omitted.length),
			'cache-control': 'no-store'
		}
	});
};
