import { error } from '@sveltejs/kit';
import { exportArticle } from '$lib/export/article';
import { FORMATS, runExport } from '$lib/export/index';
import { readExportRequest } from '$lib/export/request';
import { readSelection, SELECTION_COOKIE } from '$lib/export/selection';
import { getBank } from '$lib/server/bank';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, cookies }) => {
	const bank = getBank();
	const req = readExportRequest(
		url.searchParams,
		[...bank.questions.values()],
		readSelection(cookies.get(SELECTION_COOKIE))
	);
	if (!req.ok) error(400, req.message);
	const articles = new Map(bank.result.articles.map((a) => [a.slug, exportArticle(a)]));
	const result = runExport(req.format, {
		questions: req.questions,
		articles,
		options: req.options
	});
	return {
		format: req.format,
		label: FORMATS[req.format].label,
		count: req.questions.length,
		from: req.from,
		report: result.report,
		search: url.search,
		attributions: [...new Set(req.questions.map((q) => q.article))].map((slug) => {
			const a = articles.get(slug)!;
			return {
				title: a.title,
				language: a.language,
				direction: a.direction,
				attribution: a.attribution,
				source: a.source
			};
		})
	};
};
