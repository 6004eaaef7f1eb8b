import { error } from '@sveltejs/kit';
import { strings } from '$lib/i18n';
import { articleOr404 } from '$lib/server/articles';
import { attempts } from '$lib/server/attempts';
import { resultsPageData } from '$lib/server/results';
import type { PageServerLoad } from './$types';

// A report with nothing to operate: rendered on the server only, it needs no JavaScript at all.
export const csr = false;

export const load: PageServerLoad = async ({ params, locals }) => {
	const article = articleOr404(params.slug, locals.locale);
	const attempt = await attempts.get(params.attempt);
	// Results are kept for a day; an old link says so rather than crash.
	if (!attempt || attempt.slug !== article.slug || !attempt.submitted) {
		error(404, strings(locals.locale).quiz.resultsGone);
	}
	return resultsPageData(article, attempt, attempt.submitted, locals.locale);
};
