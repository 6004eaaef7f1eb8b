import { getBank } from '$lib/server/bank';
import { toSummary } from '$lib/study/set';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	articles: [...getBank().articles.values()].map(toSummary)
});
