import { getBank } from '$lib/server/bank';
import { db } from '$lib/server/db';
import { publicArticles } from '$lib/server/secrecy';
import { toSummary } from '$lib/study/set';
import { studyStrings } from '$lib/study/strings';
import type { PageServerLoad } from './$types';

// the public questions only: nothing kept for assessment, nothing of an open test
export const load: PageServerLoad = async ({ locals }) => ({
	t: studyStrings(locals.locale),
	articles: (await publicArticles(db(), getBank().articles.values())).map(toSummary)
});
