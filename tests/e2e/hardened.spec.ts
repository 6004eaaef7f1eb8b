/**
 * Hardening at the HTTP level (issue 18), against the production build: malformed action posts
 * are 4xx with a message in the interface language, never a 500. Request-level tests: they need no
 * page, so they run in the `js` project only.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { loadBank } from '../../src/lib/server/bank';

const bank = loadBank('questions');
const SLUG = bank.articles[0].slug;

/** Every page that has actions, with the actions it has. */
const ACTION_PAGES = [
	{ path: '/teacher', actions: ['save', 'all', 'none', 'clear'] },
	{ path: `/quiz/${SLUG}?seed=a`, actions: ['start', 'save', 'check', 'submit'] }
];

/** Names no page may answer with anything but a 404: reserved by Kit, or on every object. */
const NOT_ACTIONS = ['default', 'constructor', '__proto__', 'hasOwnProperty', 'toString', ''];

/** The bodies a careless or hostile client sends instead of a form. */
const BAD_BODIES: { name: string; type: string; body: string }[] = [
	{ name: 'text/plain', type: 'text/plain', body: 'a=b' },
	{ name: 'multipart without boundary', type: 'multipart/form-data', body: 'a=b' },
	{
		name: 'multipart with a broken body',
		type: 'multipart/form-data; boundary=xyz',
		body: '--xyz\r\nContent-Disposition: form-data\r\n\r\nno end'
	},
	{ name: 'JSON', type: 'application/json', body: '{"a":1}' },
	{ name: 'no content type', type: '', body: 'a=b' }
];

test.beforeEach(({ javaScriptEnabled }) => {
	test.skip(!javaScriptEnabled, 'requests without a page: the js project runs them');
});

function join(path: string, action: string): string {
	return `${path}${path.includes('?') ? '&' : '?'}/${action}`;
}

async function post(
	request: APIRequestContext,
	url: string,
	origin: string,
	type: string,
	body: string,
	accept = 'text/html'
) {
	const headers: Record<string, string> = { origin, accept, cookie: 'ui=en' };
	if (type) headers['content-type'] = type;
	return request.post(url, { headers, data: Buffer.from(body) });
}

test('an unknown or reserved action name is a 404 with a message, never a 500', async ({
	request,
	baseURL
}) => {
	for (const { path } of ACTION_PAGES) {
		for (const name of NOT_ACTIONS) {
			const url = join(path, name);
			const html = await post(request, url, baseURL!, 'application/x-www-form-urlencoded', 'a=b');
			expect(html.status(), `${url}`).toBe(404);
			expect(await html.text(), url).toContain('This page has no action by that name.');
		}
	}
});

test('an action whose body is not a readable form is a 400 with a message, never a 500', async ({
	request,
	baseURL
}) => {
	for (const { path, actions } of ACTION_PAGES) {
		for (const action of actions) {
			for (const { name, type, body } of BAD_BODIES) {
				const url = join(path, action);
				const response = await post(request, url, baseURL!, type, body);
				expect(response.status(), `${url} with ${name}`).toBe(400);
				expect(await response.text(), `${url} with ${name}`).toContain(
					'The form sent could not be read'
				);
			}
		}
	}
});

test('use:enhance gets the refusal as an action result, in Arabic by default', async ({
	request,
	baseURL
}) => {
	const response = await request.post('/teacher?/save', {
		headers: { origin: baseURL!, accept: 'application/json', 'content-type': 'text/plain' },
		data: Buffer.from('a=b')
	});
	expect(response.status()).toBe(400);
	expect(await response.json()).toEqual({
		type: 'error',
		error: { message: 'تعذّرت قراءة النموذج المرسل: أرسله من الصفحة نفسها.' }
	});
});

test('a good form still reaches the action', async ({ request, baseURL }) => {
	const response = await request.post('/teacher?/save', {
		headers: { origin: baseURL!, accept: 'text/html' },
		form: { shown: bank.articles[0].questions[0].id, id: bank.articles[0].questions[0].id },
		maxRedirects: 0
	});
	expect(response.status()).toBe(303);
});
