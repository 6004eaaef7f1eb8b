import { error } from '@sveltejs/kit';
import { createHash } from 'node:crypto';
import { getBank } from '$lib/server/bank';
import { toStudySet } from '$lib/study/set';
import type { RequestHandler } from './$types';

/** Study sets by slug, serialised once: the bank is immutable while the server runs. */
const cache = new Map<string, { body: string; etag: string }>();

/**
 * An article's study set: its text and questions with answer keys (self-study grades on the
 * device). Revalidated by ETag, so a visit online costs a 304 when nothing changed.
 */
export const GET: RequestHandler = ({ params, request }) => {
	let entry = cache.get(params.slug);
	if (!entry) {
		const article = getBank().articles.get(params.slug);
		if (!article) error(404, `No article named ${params.slug}`);
		const body = JSON.stringify(toStudySet(article));
		entry = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
		cache.set(params.slug, entry);
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
