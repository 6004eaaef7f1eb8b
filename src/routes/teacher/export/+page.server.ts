import { exportForRequest } from '$lib/server/export';
import { strings } from '$lib/i18n';
import type { PageServerLoad } from './$types';

// A report and its download links: nothing to operate, so no JavaScript.
export const csr = false;

export const load: PageServerLoad = ({ url, cookies, locals }) => {
	const { req, result, articles } = exportForRequest(url, cookies, locals.locale);
	return {
		t: strings(locals.locale),
		format: req.format,
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
