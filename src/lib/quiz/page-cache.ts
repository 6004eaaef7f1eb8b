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
	/** the body gzipped once, for browsers that take it (a quiz page is ~50 KB of HTML, ~10 gzipped) */
	gzip: Uint8Array<ArrayBuffer>;
	headers: [string, string][];
}

/** The body gzipped, with the web's CompressionStream (no Node module in the domain). */
async function gzip(body: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
	const stream = new Blob([body]).stream().pipeThrough(new CompressionStream('gzip'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Whether a request takes gzip (RFC 9110 §12.5.3; "gzip;q=0" refuses it). */
function takesGzip(request: Request): boolean {
	const accept = request.headers.get('accept-encoding') ?? '';
	return /(?:^|,)\s*(?:gzip|\*)\s*(?:,|$|;(?!\s*q\s*=\s*0(?:\.0*)?\s*(?:,|$)))/i.test(accept);
}

/** A cached page as a response: gzipped when the browser takes it. */
function serve(page: Cached, request: Request): Response {
	// A Response copies the bytes it is given, so the cached ones are handed over as they are.
	if (!takesGzip(request)) return new Response(page.body, { status: 200, headers: page.headers });
	const headers = new Headers(page.headers);
	headers.set('content-encoding', 'gzip');
	return new Response(page.gzip, { status: 200, headers });
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
		if (hit) return serve(hit, event.request);
		const response = await resolve(event as never);
		if (
			response.status !== 200 ||
			response.headers.has('set-cookie') ||
			!response.headers.get('content-type')?.startsWith('text/html')
		) {
			return response;
		}
		const body = new Uint8Array(await response.arrayBuffer());
		// The page differs by Accept-Encoding now, which caches between here and the browser must
		// know; its length depends on the encoding, so it is left to the server to count.
		const headers: [string, string][] = [
			...[...response.headers.entries()].filter(
				([name]) => name !== 'vary' && name !== 'content-length'
			),
			['vary', [response.headers.get('vary'), 'Accept-Encoding'].filter(Boolean).join(', ')]
		];
		const page = { body, gzip: await gzip(body), headers };
		pages.set(key, page);
		return serve(page, event.request);
	};
}
