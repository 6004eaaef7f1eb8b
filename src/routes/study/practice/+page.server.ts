import { getBank } from '$lib/server/bank';
import { toSummary } from '$lib/study/set';
import { studyStrings } from '$lib/study/strings';
import type { PageServerLoad } from './$types';

/** The articles, for the no-JavaScript note; the sitting itself is built on the device. */
export const load: PageServerLoad = ({ locals }) => ({
	t: studyStrings(locals.locale),
	articles: [...getBank().articles.values()].map(toSummary)
});
