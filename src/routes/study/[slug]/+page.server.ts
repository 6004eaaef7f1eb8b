import { articleOr404 } from '$lib/server/articles';
import { toSummary } from '$lib/study/set';
import { studyStrings } from '$lib/study/strings';
import type { PageServerLoad } from './$types';

/**
 * The article's text, for the mastery picture. Its questions come from set.json on the device
 * (with the progress), so this page's data stays small and the same for every learner.
 */
export const load: PageServerLoad = ({ params, locals }) => {
	const article = articleOr404(params.slug, locals.locale);
	return {
		t: studyStrings(locals.locale),
		summary: toSummary(article),
		paragraphs: article.paragraphs
	};
};
