import { createHash } from 'node:crypto';
import type { LoadedArticle } from '$lib/bank/check';
import { articleOr404 } from '$lib/server/articles';
import { db } from '$lib/server/db';
import { publicArticle } from '$lib/server/secrecy';
import { toStudySet } from '$lib/study/set';
import type { RequestHandler } from './$types';

/**
 * Study sets, serialised once per public article (the same object while the same questions are
 * kept secret by tests that are not over).
 */
const cache = new WeakMap<LoadedArticle, { body: string; etag: string }>();

/**
 * An article's study set: its text and the questions the public may see, with answer keys
 * (self-study grades on the device). Revalidated by ETag, so a visit online costs a 304 when
 * nothing changed.
 */
export const GET: RequestHandler = async ({ params, request, locals }) => {
	const article = await publicArticle(db(), articleOr404(params.slug, locals.locale));
	let entry = cache.get(article);
	if (!entry) {
		const body = JSON.stringify(toStudySet(article));
		entry = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
		cache.set(article, entry);
	}
	const headers = {
		'content-type': 'application/json; charset=utf-8',
		'cache-control': 'no-cache',
		etag: entry.etag
	};
	if (request.headers.get('if-none-match') === entry.etag) {
		return new Response(null, { status: 304, headers });
	}
	return new Response(entry.body, { headers });
};
