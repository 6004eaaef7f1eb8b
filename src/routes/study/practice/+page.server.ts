import { getBank } from '$lib/server/bank';
import { toSummary } from '$lib/study/set';
import type { PageServerLoad } from './$types';

/** The articles, for the no-JavaScript note; the sitting itself is built on the device. */
export const load: PageServerLoad = () => ({
	articles: [...getBank().articles.values()].map(toSummary)
});
