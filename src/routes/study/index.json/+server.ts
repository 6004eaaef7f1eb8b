import { json } from '@sveltejs/kit';
import { getBank } from '$lib/server/bank';
import { db } from '$lib/server/db';
import { publicArticles } from '$lib/server/secrecy';
import { toSummary } from '$lib/study/set';
import type { RequestHandler } from './$types';

/**
 * The articles that have study sets, counting the questions the public may see; cached by the
 * service worker for offline practice.
 */
export const GET: RequestHandler = async () =>
	json((await publicArticles(db(), getBank().articles.values())).map(toSummary), {
		// Revalidate each time: the service worker keeps the offline copy, not the HTTP cache.
		headers: { 'cache-control': 'no-cache' }
	});
