/**
 * Fetches study sets for the pages. Through the service worker these come from its cache when the
 * network is cut, so the same calls serve online and offline practice.
 */
import type { StudyArticleSummary, StudySet } from './set';

type Fetch = typeof fetch;

async function getJson<T>(fetcher: Fetch, url: string): Promise<T> {
	const response = await fetcher(url, { headers: { accept: 'application/json' } });
	if (!response.ok) throw new Error(`${url}: ${response.status}`);
	return (await response.json()) as T;
}

/**
 * The list of articles with study sets.
 * @param fetcher fetch
 */
export function fetchIndex(fetcher: Fetch): Promise<StudyArticleSummary[]> {
	return getJson(fetcher, '/study/index.json');
}

/**
 * The study sets of the given articles, in the given order; sets that cannot be had (offline and
 * never cached) are left out and named.
 * @param fetcher fetch
 * @param slugs the articles
 */
export async function fetchSets(
	fetcher: Fetch,
	slugs: string[]
): Promise<{ sets: StudySet[]; missing: string[] }> {
	const results = await Promise.allSettled(
		slugs.map((s) => getJson<StudySet>(fetcher, `/study/${encodeURIComponent(s)}/set.json`))
	);
	const sets: StudySet[] = [];
	const missing: string[] = [];
	results.forEach((r, i) => {
		if (r.status === 'fulfilled') sets.push(r.value);
		else missing.push(slugs[i]);
	});
	return { sets, missing };
}

const WARMED = 'dalil.study.warmed';

/**
 * Asks for the study pages once, so the service worker keeps them for offline use: after a first
 * visit to any study page, practice opens with the network cut. Resolves true when every page was
 * had.
 * @param fetcher fetch
 * @param slugs the articles (default: all of them)
 * @param oncePerSession skip it when this tab already did it (pages other than /study)
 */
export async function warmOfflineCache(
	fetcher: Fetch,
	slugs?: string[],
	oncePerSession = false
): Promise<boolean> {
	if (!('serviceWorker' in navigator) || !navigator.onLine) return false;
	if (oncePerSession && sessionStorage.getItem(WARMED)) return true;
	const registration = await navigator.serviceWorker.ready;
	// The first visit is not yet controlled by the worker; wait until it claims the page.
	if (!navigator.serviceWorker.controller) {
		await new Promise<void>((resolve) => {
			navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
			registration.active?.postMessage({ type: 'claim' });
		});
	}
	slugs ??= (await fetchIndex(fetcher)).map((a) => a.slug);
	const urls = [
		'/study',
		'/study/practice',
		'/study/practice/__data.json',
		'/study/__data.json',
		'/study/index.json',
		// the page, its data for client-side navigation, and its set
		...slugs.flatMap((s) => [`/study/${s}`, `/study/${s}/__data.json`, `/study/${s}/set.json`])
	];
	const results = await Promise.allSettled(urls.map((u) => fetcher(u)));
	const ok = results.every((r) => r.status === 'fulfilled' && r.value.ok) && (await stored(urls));
	if (ok) sessionStorage.setItem(WARMED, '1');
	return ok;
}

/** Whether the worker has stored every URL (it stores after answering): waits a little for it. */
async function stored(urls: string[]): Promise<boolean> {
	for (let tries = 0; tries < 20; tries++) {
		const hits = await Promise.all(urls.map((u) => caches.match(u)));
		if (hits.every(Boolean)) return true;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return false;
}
