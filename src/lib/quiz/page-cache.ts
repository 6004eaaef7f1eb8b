/**
 * A cache of rendered quiz pages for the server's `handle` hook. The bank does not change while the
 * server runs, so the HTML of a quiz link (its spec and seed) in one interface language is the same
 * for every student who has not started it: it is rendered once and then served as bytes.
 *
 * Only plain first visits are cached: a GET of /quiz/<slug> (not a data request), with no attempt
 * cookie (a started quiz shows the student's own answers) and no ?ui= (which sets a cookie).
 * Typed structurally, so this module needs nothing from SvelteKit.
 *
 * Use: `export const handle = sequence(handle, quizPageCache())` in hooks.server.ts (after the
 * hook that sets `locals.locale`).
 */
import { LruCache } from './cache';

interface CacheEvent {
	request: Request;
	url: URL;
	route: { id: string | null };
	isDataRequest: boolean;
	locals: { locale: string };
	cookies: { getAll(): { name: string; value: string }[] };
}

interface Cached {
	body: Uint8Array<ArrayBuffer>;
	headers: [string, string][];
}

/**
 * A `handle` that serves cached quiz pages.
 * @param max how many pages to keep
 */
export function quizPageCache(max = 500) {
	const pages = new LruCache<Cached>(max);
	return async ({
		event,
		resolve
	}: {
		event: CacheEvent;
		resolve: (event: never) => Response | Promise<Response>;
	}): Promise<Response> => {
		const cacheable =
			event.request.method === 'GET' &&
			event.route.id === '/quiz/[slug]' &&
			!event.isDataRequest &&
			!event.url.searchParams.has('ui') &&
			!event.cookies.getAll().some((c) => c.name.startsWith('dalil_q_'));
		if (!cacheable) return resolve(event as never);
		const key = `${event.locals.locale} ${event.url.pathname}${event.url.search}`;
		const hit = pages.peek(key);
		// A Response copies the bytes it is given, so the cached ones are handed over as they are.
		if (hit) return new Response(hit.body, { status: 200, headers: hit.headers });
		const response = await resolve(event as never);
		if (
			response.status !== 200 ||
			response.headers.has('set-cookie') ||
			!response.headers.get('content-type')?.startsWith('text/html')
		) {
			return response;
		}
		const body = new Uint8Array(await response.arrayBuffer());
		const headers = [...response.headers.entries()];
		pages.set(key, { body, headers });
		return new Response(body, { status: 200, headers });
	};
}
