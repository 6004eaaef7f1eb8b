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
