/// <reference types="@sveltejs/kit" />
/**
 * Dalil's service worker: offline self-study.
 *
 * - The app shell (built JS/CSS, static files) is cached at install, per deploy.
 * - Self-study pages and data (/study/…: pages, their data, the study sets) are network-first:
 *   always fresh online, from the cache when the network is cut.
 * - Nothing else is intercepted: other pages, every non-GET request (form posts) and other
 *   origins go to the network as if there were no worker, so they are never stale.
 * - A new deploy installs a new cache and drops the old one on activation; progress lives in
 *   localStorage, not in a cache, so it survives.
 */
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

const SHELL = `dalil-shell-${version}`;
const STUDY = `dalil-study-${version}`;
const SHELL_FILES = new Set([...build, ...files]);

sw.addEventListener('install', (event) => {
	event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll([...SHELL_FILES])));
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
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;

	if (SHELL_FILES.has(url.pathname)) {
		// Built files are named by content hash: the cached copy is the right one.
		event.respondWith(
			caches.match(url.pathname, { cacheName: SHELL }).then((hit) => hit ?? fetch(request))
		);
		return;
	}
	if (isStudy(url.pathname)) event.respondWith(networkFirst(event, url));
});

/**
 * The network's answer, kept for offline use; the cached copy when the network fails. A page
 * asked with a query (/study/practice?mode=new) falls back to the same page cached without one:
 * the query is read in the browser.
 */
async function networkFirst(event: FetchEvent, url: URL): Promise<Response> {
	const cache = await caches.open(STUDY);
	const network = fetch(event.request).then((response) => {
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
