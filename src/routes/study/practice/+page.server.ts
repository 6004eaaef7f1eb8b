import { getBank } from '$lib/server/bank';
import { db } from '$lib/server/db';
import { publicArticles } from '$lib/server/secrecy';
import { toSummary } from '$lib/study/set';
import { studyStrings } from '$lib/study/strings';
import type { PageServerLoad } from './$types';

/** The articles, for the no-JavaScript note; the sitting itself is built on the device. */
export const load: PageServerLoad = async ({ locals }) => ({
	t: studyStrings(locals.locale),
	articles: (await publicArticles(db(), getBank().articles.values())).map(toSummary)
});
