/// <reference types="@sveltejs/kit" />
/**
 * Dalil's service worker: offline self-study.
 *
 * - The app shell (built JS/CSS, static files) is cached at install, per deploy.
 * - Self-study pages and data (/study/…: pages, their data, the study sets) are network-first:
 *   always fresh online, from the cache when the network is cut.
 * - Every other page goes to the network and is never kept: a teacher's page, a quiz or a result
 *   may hold a test's keys, and a copy on the device would outlive the session. When the network
 *   is cut, the app's own offline page (/offline?ui=ar or /offline?ui=en, kept at install,
 *   fetched without cookies) answers a page loaded or reloaded (any method). A page's data asked
 *   by the app's own navigation (a header link of a page already open) fails as it would without
 *   a worker: Kit then loads that page itself, and the offline page answers. Its language is the
 *   one the address asks for (?ui=), else the reader's choice, else the last page the worker saw
 *   (the server's Content-Language).
 * - Other requests (form posts by `fetch`, files) and other origins go to the network as if
 *   there were no worker.
 * - A new deploy installs a new cache and drops the old one on activation; progress lives in
 *   localStorage, not in a cache, so it survives.
 */
import { build, files, version } from '$service-worker';
import { isLocale, LOCALES, type Locale } from '$lib/i18n/locales';

const sw = self as unknown as ServiceWorkerGlobalScope;

const SHELL = `dalil-shell-${version}`;
const STUDY = `dalil-study-${version}`;
const SHELL_FILES = new Set([...build, ...files]);

/** The offline page in a language, named by ?ui= as every page is. */
const offlinePage = (locale: Locale) => `/offline?ui=${locale}`;
/** Where the language of the last page seen is kept (the worker may be stopped between pages). */
const LANGUAGE_KEY = '/offline/language';

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches.open(SHELL).then((cache) =>
			cache.addAll([
				...SHELL_FILES,
				// without cookies: the signed-out header, whoever installs the worker
				...LOCALES.map((l) => new Request(offlinePage(l), { credentials: 'omit' }))
			])
		)
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			const old = (await caches.keys()).filter((k) => k !== SHELL && k !== STUDY);
			// Refresh what the learner had cached under the previous deploy, so offline practice
			// keeps working after an update (its pages point at the old build's files).
			const fresh = await caches.open(STUDY);
			for (const name of old.filter((k) => k.startsWith('dalil-study-'))) {
				const requests = await (await caches.open(name)).keys();
				await Promise.allSettled(
					requests.map(async (r) => {
						const response = await fetch(r.url);
						if (response.ok) await fresh.put(r.url, response);
					})
				);
			}
			await Promise.all(old.map((k) => caches.delete(k)));
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	// A page of the first visit asks to be controlled, so its study data is cached at once.
	if ((event.data as { type?: string } | null)?.type === 'claim')
		event.waitUntil(sw.clients.claim());
});

/** Whether a path is self-study's: the pages and data that must work offline. */
function isStudy(path: string): boolean {
	return path === '/study' || path.startsWith('/study/');
}

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;

	if (request.method === 'GET' && SHELL_FILES.has(url.pathname)) {
		// Built files are named by content hash: the cached copy is the right one.
		event.respondWith(
			caches.match(url.pathname, { cacheName: SHELL }).then((hit) => hit ?? fetch(request))
		);
		return;
	}
	if (request.method === 'GET' && isStudy(url.pathname)) {
		event.respondWith(networkFirst(event, url).catch((e) => offlineAnswer(request, url, e)));
		return;
	}
	if (request.mode === 'navigate') {
		event.respondWith(fetchPage(event).catch((e) => offlineAnswer(request, url, e)));
		return;
	}
	if (request.method === 'GET' && url.pathname.endsWith('/__data.json')) {
		// Offline, this fails as it would without a worker: Kit then loads the page itself, a
		// navigation, which the offline page answers.
		event.respondWith(fetchPage(event));
	}
});

/** The cookie store, where the browser gives workers one (Chromium does). */
const cookieStore = (
	sw as unknown as { cookieStore?: { get(name: string): Promise<{ value?: string } | null> } }
).cookieStore;

/**
 * The language the offline page is shown in: the address's ?ui=, else the reader's choice (the
 * `ui` cookie, where the worker can read it), else the last page's, else Arabic.
 */
async function offlineLanguage(url: URL): Promise<Locale> {
	const asked = url.searchParams.get('ui');
	if (isLocale(asked)) return asked;
	const chosen = (await cookieStore?.get('ui').catch(() => null))?.value;
	if (isLocale(chosen)) return chosen;
	lastLanguage ??= await (await caches.match(LANGUAGE_KEY, { cacheName: SHELL }))?.text();
	return isLocale(lastLanguage) ? lastLanguage : LOCALES[0];
}
let lastLanguage: string | undefined;

/** Notes the language of a page the server sent, for the offline page of a later one. */
function remember(event: FetchEvent, response: Response): void {
	const language = response.headers.get('content-language');
	if (!isLocale(language) || language === lastLanguage) return;
	lastLanguage = language;
	event.waitUntil(
		caches.open(SHELL).then((cache) => cache.put(LANGUAGE_KEY, new Response(language)))
	);
}

/** A page or its data from the network, never kept; its language noted. */
async function fetchPage(event: FetchEvent): Promise<Response> {
	const response = await fetch(event.request);
	remember(event, response);
	return response;
}

/**
 * What answers when the network failed and nothing is cached: for a page, the offline page.
 * Anything else (a page's data among them) fails as it did.
 */
async function offlineAnswer(request: Request, url: URL, failure: unknown): Promise<Response> {
	if (request.mode === 'navigate') {
		const page = await caches.match(offlinePage(await offlineLanguage(url)), { cacheName: SHELL });
		if (page) return page;
	}
	throw failure;
}

/**
 * The network's answer, kept for offline use; the cached copy when the network fails. A page
 * asked with a query (/study/practice?mode=new) falls back to the same page cached without one:
 * the query is read in the browser.
 */
async function networkFirst(event: FetchEvent, url: URL): Promise<Response> {
	const cache = await caches.open(STUDY);
	const network = fetch(event.request).then((response) => {
		remember(event, response);
		if (response.ok && response.type === 'basic') {
			// Keyed by path: what a /study page shows does not depend on its query. Stored in the
			// background: the page need not wait for the cache.
			event.waitUntil(cache.put(url.pathname, response.clone()));
		}
		return response;
	});
	// Handled below; this keeps a late failure (after the cached copy was used) from being reported.
	network.catch(() => undefined);
	try {
		// A network that hangs (a weak signal) is no better than none: after a few seconds, use
		// the cached copy if there is one, while the network may still refresh the cache.
		return await Promise.race([network, timeout(NETWORK_WAIT)]);
	} catch (e) {
		const hit = await cache.match(url.pathname);
		if (hit) return hit;
		if (e instanceof NetworkWait) return network;
		throw e;
	}
}

const NETWORK_WAIT = 4000;
class NetworkWait extends Error {}

function timeout(ms: number): Promise<never> {
	return new Promise((_, reject) => setTimeout(() => reject(new NetworkWait()), ms));
}
