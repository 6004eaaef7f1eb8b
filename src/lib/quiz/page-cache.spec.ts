import { describe, expect, it } from 'vitest';
import { quizPageCache } from './page-cache';

const event = (
	url: string,
	opts: { method?: string; cookies?: string[]; data?: boolean } = {}
) => ({
	request: new Request(url, { method: opts.method ?? 'GET' }),
	url: new URL(url),
	route: { id: new URL(url).pathname.startsWith('/quiz/') ? '/quiz/[slug]' : '/' },
	isDataRequest: opts.data ?? false,
	locals: { locale: 'ar' },
	cookies: { getAll: () => (opts.cookies ?? []).map((name) => ({ name, value: 'x' })) }
});

describe('quizPageCache', () => {
	it('renders a quiz link once, then serves the same bytes', async () => {
		const handle = quizPageCache();
		let renders = 0;
		const resolve = () =>
			new Response(`<p>${++renders}</p>`, { headers: { 'content-type': 'text/html' } });
		const url = 'http://x/quiz/a?seed=1&mode=test';
		expect(await (await handle({ event: event(url), resolve })).text()).toBe('<p>1</p>');
		expect(await (await handle({ event: event(url), resolve })).text()).toBe('<p>1</p>');
		expect(await (await handle({ event: event(url + '&n=3'), resolve })).text()).toBe('<p>2</p>');
	});

	it('leaves started quizzes, posts, data requests and other pages alone', async () => {
		const handle = quizPageCache();
		let renders = 0;
		const resolve = () =>
			new Response(`${++renders}`, { headers: { 'content-type': 'text/html' } });
		const url = 'http://x/quiz/a?seed=1';
		await handle({ event: event(url), resolve });
		for (const e of [
			event(url, { cookies: ['dalil_q_abc'] }),
			event(url, { method: 'POST' }),
			event(url, { data: true }),
			event(url + '&ui=en'),
			event('http://x/?seed=1')
		]) {
			await handle({ event: e, resolve });
		}
		expect(renders).toBe(6);
	});
});

describe('quizPageCache bytes', () => {
	it('serves the cached bytes unchanged however the responses are used', async () => {
		const handle = quizPageCache();
		const resolve = () => new Response('<p>ok</p>', { headers: { 'content-type': 'text/html' } });
		const url = 'http://x/quiz/a?seed=1';
		const first = new Uint8Array(
			await (await handle({ event: event(url), resolve })).arrayBuffer()
		);
		first.fill(0);
		expect(await (await handle({ event: event(url), resolve })).text()).toBe('<p>ok</p>');
	});
});

describe('quizPageCache gzip', () => {
	const html = `<p>${'زوارة '.repeat(500)}</p>`;
	const resolve = () =>
		new Response(html, {
			headers: { 'content-type': 'text/html', 'content-length': String(html.length) }
		});
	const url = 'http://x/quiz/a?seed=1';
	const asking = (encoding: string) => {
		const e = event(url);
		e.request.headers.set('accept-encoding', encoding);
		return e;
	};

	it('gzips a page for a browser that takes it, and says it varies', async () => {
		const handle = quizPageCache();
		for (const first of [true, false]) {
			const r = await handle({ event: asking('gzip, deflate, br'), resolve });
			expect(r.headers.get('content-encoding'), `first: ${first}`).toBe('gzip');
			expect(r.headers.get('vary')).toBe('Accept-Encoding');
			expect(r.headers.get('content-length')).toBeNull();
			const bytes = new Uint8Array(await r.arrayBuffer());
			expect(bytes.length).toBeLessThan(new TextEncoder().encode(html).length / 10);
			const plain = new Response(
				new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))
			);
			expect(await plain.text()).toBe(html);
		}
	});

	it('sends plain HTML to a client that does not take gzip', async () => {
		const handle = quizPageCache();
		await handle({ event: asking('gzip'), resolve });
		for (const encoding of ['', 'identity', 'br', 'gzip;q=0', 'gzip; q=0.0, br']) {
			const r = await handle({ event: asking(encoding), resolve });
			expect(r.headers.get('content-encoding'), encoding).toBeNull();
			expect(await r.text()).toBe(html);
		}
		for (const encoding of ['*', 'br, gzip;q=0.5', 'GZIP']) {
			const r = await handle({ event: asking(encoding), resolve });
			expect(r.headers.get('content-encoding'), encoding).toBe('gzip');
		}
	});
});
