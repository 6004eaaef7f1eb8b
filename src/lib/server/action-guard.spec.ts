import { describe, expect, it } from 'vitest';
import { actionName, actionRefusal, isReadablePath } from './action-guard';

function post(url: string, type: string | null, body: string): [Request, URL] {
	const headers = type ? { 'content-type': type } : undefined;
	return [new Request(url, { method: 'POST', headers, body }), new URL(url)];
}

describe('actionRefusal', () => {
	const base = 'http://x.test/teacher';

	it('finds the name of the action a request calls, and none in a plain request', () => {
		expect(actionName(new URL(`${base}?a=1&/save&/all`))).toBe('save');
		expect(actionName(new URL(`${base}?a=1`))).toBeUndefined();
	});

	it('refuses names Kit reserves or every object has', async () => {
		for (const name of ['default', 'constructor', '__proto__', 'toString', '']) {
			expect(await actionRefusal(...post(`${base}?/${name}`, 'text/plain', ''))).toBe(
				'unknownAction'
			);
		}
	});

	it('refuses a body that is not a form, and leaves a good one readable', async () => {
		const form = 'application/x-www-form-urlencoded';
		expect(await actionRefusal(...post(`${base}?/save`, 'text/plain', 'a=b'))).toBe(
			'unreadableForm'
		);
		expect(await actionRefusal(...post(`${base}?/save`, 'multipart/form-data', 'a=b'))).toBe(
			'unreadableForm'
		);
		expect(await actionRefusal(...post(`${base}?/save`, null, 'a=b'))).toBe('unreadableForm');
		const [request, url] = post(`${base}?/save`, `${form}; charset=utf-8`, 'a=b');
		expect(await actionRefusal(request, url)).toBeNull();
		expect((await request.formData()).get('a')).toBe('b');
	});

	it('lets requests that call no action through untouched', async () => {
		expect(await actionRefusal(...post(base, 'text/plain', 'a=b'))).toBeNull();
		expect(await actionRefusal(new Request(`${base}?/default`), new URL(`${base}?/default`))).toBe(
			null
		);
	});
});

describe('isReadablePath', () => {
	it('reads what Kit decodes, and refuses a broken escape', () => {
		expect(isReadablePath('/quiz/%D8%A3')).toBe(true);
		expect(isReadablePath('/a%25b')).toBe(true);
		expect(isReadablePath('/teacher/assignments/%E0%A4%A/audit')).toBe(false);
		expect(isReadablePath('/%')).toBe(false);
	});
});
