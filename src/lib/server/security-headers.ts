/**
 * The headers a school's IT expects on every response (issue 18): no MIME sniffing, no referrer
 * sent to other sites, no framing by another page (clickjacking), and a Content-Security-Policy.
 *
 * Pages get their policy from Kit's `csp` config (svelte.config.js), which adds a nonce or a hash
 * for each inline script Kit writes. Responses Kit writes no policy for (the +server endpoints:
 * exports, the printable worksheet, JSON) get `ENDPOINT_CSP`, which allows no script at all.
 * scripts/start.js sets the same plain headers (security-headers-values.js, the one definition) on
 * the responses that never reach this hook (the static files, Kit's cross-site refusal);
 * tests/e2e/hardened.spec.ts checks both.
 */
import type { Handle } from '@sveltejs/kit';
import { ENDPOINT_CSP, SECURITY_HEADERS } from './security-headers-values.js';

export { ENDPOINT_CSP, SECURITY_HEADERS };

/**
 * Adds the security headers to a response, without replacing any the response already has (a
 * page's own CSP from Kit). A response whose headers are immutable is copied first.
 * @param response the response to send
 * @returns the response, with the headers
 */
export function withSecurityHeaders(response: Response): Response {
	const wanted: [string, string][] = Object.entries(SECURITY_HEADERS);
	if (!response.headers.has('content-security-policy')) {
		wanted.push(['content-security-policy', ENDPOINT_CSP]);
	}
	const missing = wanted.filter(([name]) => !response.headers.has(name));
	if (missing.length === 0) return response;
	try {
		for (const [name, value] of missing) response.headers.set(name, value);
		return response;
	} catch {
		// a fetched or redirect Response: its headers are read-only
		const copy = new Response(response.body, response);
		for (const [name, value] of missing) copy.headers.set(name, value);
		return copy;
	}
}

/** The hook: first in the sequence, so every response Kit resolves passes through it. */
export const securityHeaders: Handle = async ({ event, resolve }) =>
	withSecurityHeaders(await resolve(event));
