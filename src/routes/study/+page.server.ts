import { getBank } from '$lib/server/bank';
import { toSummary } from '$lib/study/set';
import { studyStrings } from '$lib/study/strings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	t: studyStrings(locals.locale),
	articles: [...getBank().articles.values()].map(toSummary)
});
