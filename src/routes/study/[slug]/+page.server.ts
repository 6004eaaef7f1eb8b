import { articleOr404 } from '$lib/server/articles';
import { db } from '$lib/server/db';
import { publicArticle } from '$lib/server/secrecy';
import { toSummary } from '$lib/study/set';
import { studyStrings } from '$lib/study/strings';
import type { PageServerLoad } from './$types';

/**
 * The article's text, for the mastery picture. Its questions come from set.json on the device
 * (with the progress), so this page's data stays small and the same for every learner; its count
 * is of the questions the public may see.
 */
export const load: PageServerLoad = async ({ params, locals }) => {
	const article = await publicArticle(db(), articleOr404(params.slug, locals.locale));
	return {
		t: studyStrings(locals.locale),
		summary: toSummary(article),
		paragraphs: article.paragraphs
	};
};
