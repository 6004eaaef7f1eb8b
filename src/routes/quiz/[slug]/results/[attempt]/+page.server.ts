import { error } from '@sveltejs/kit';
import { citedParagraphs } from '$lib/quiz/evidence';
import { strings } from '$lib/i18n';
import { articleOr404 } from '$lib/server/articles';
import { db } from '$lib/server/db';
import { findAnonymous } from '$lib/server/attempts';
import { clientOf } from '$lib/server/quiz';
import { resultsPageData } from '$lib/server/results';
import type { PageServerLoad } from './$types';

// A report with nothing to operate: rendered on the server only, it needs no JavaScript at all.
export const csr = false;

export const load: PageServerLoad = async ({ params, locals, cookies, url, getClientAddress }) => {
	const article = articleOr404(params.slug, locals.locale);
	// Only the browser that took the quiz finds its results.
	const client = clientOf(cookies, url, getClientAddress(), false);
	const attempt = await findAnonymous(db(), client, params.attempt);
	// Old attempts are pruned; an old link says so rather than crash.
	if (!attempt || attempt.slug !== article.slug || !attempt.submitted) {
		error(404, strings(locals.locale).quiz.resultsGone);
	}
	const data = resultsPageData(article, attempt, attempt.submitted, locals.locale);
	// the paragraphs of the evidence shown, whole: the page has no article beside the answers
	const evidence = data.questions.flatMap((q) => q.feedback.evidence);
	return { ...data, paragraphs: citedParagraphs(article.paragraphs, evidence) };
};
