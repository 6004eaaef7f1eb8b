import { json } from '@sveltejs/kit';
import { getBank } from '$lib/server/bank';
import { toSummary } from '$lib/study/set';
import type { RequestHandler } from './$types';

/** The articles that have study sets; cached by the service worker for offline practice. */
export const GET: RequestHandler = () =>
	json([...getBank().articles.values()].map(toSummary), {
		// Revalidate each time: the service worker keeps the offline copy, not the HTTP cache.
		headers: { 'cache-control': 'no-cache' }
	});
