import { describe, expect, it } from 'vitest';
import { readForm } from './take';

describe('readForm', () => {
	it('reads a form posted without JavaScript (urlencoded) as the platform would', async () => {
		const body = new URLSearchParams([
			['q1', 'زوارة'],
			['ev', 'p3:4'],
			['ev', 'p3:5'],
			['_attempt', 'a b&c']
		]).toString();
		const form = await readForm(
			new Request('http://x/', {
				method: 'POST',
				body,
				headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' }
			})
		);
		const platform = await new Request('http://x/', {
			method: 'POST',
			body,
			headers: { 'content-type': 'application/x-www-form-urlencoded' }
		}).formData();
		expect([...form]).toEqual([...platform]);
		expect(form.getAll('ev')).toEqual(['p3:4', 'p3:5']);
		expect(form.get('q1')).toBe('زوارة');
	});

	it('leaves multipart posts to the platform', async () => {
		const sent = new FormData();
		sent.append('q1', 'زوارة');
		const form = await readForm(new Request('http://x/', { method: 'POST', body: sent }));
		expect(form.get('q1')).toBe('زوارة');
	});

	it('fails on a body that is not a form, for the caller to refuse it', async () => {
		const post = new Request('http://x/', {
			method: 'POST',
			body: 'x',
			headers: { 'content-type': 'multipart/form-data; boundary=nope' }
		});
		await expect(readForm(post)).rejects.toThrow();
	});
});
