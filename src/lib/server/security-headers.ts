/**
 * The headers a school's IT expects on every response (issue 18): no MIME sniffing, no referrer
 * sent to other sites, no framing by another page (clickjacking), and a Content-Security-Policy.
 *
 * Pages get their policy from Kit's `csp` config (svelte.config.js), which adds a nonce or a hash
 * for each inline script Kit writes. Responses Kit writes no policy for (the +server endpoints:
 * exports, the printable worksheet, JSON) get `ENDPOINT_CSP`, which allows no script at all.
 * scripts/start.js sets the same plain headers on the responses that never reach this hook (the
 * static files, Kit's cross-site refusal); tests/e2e/hardened.spec.ts checks both.
 */
import type { Handle } from '@sveltejs/kit';

/** The plain headers, the same on every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	// Re-entry links carry a token in the path: other sites get no referrer at all.
	'referrer-policy': 'same-origin',
	// `frame-ancestors 'none'` in the CSP says the same to browsers that read it.
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'
};

/**
 * The policy for responses that are not Kit pages: nothing may run or load, except the inline
 * stylesheet and `style` attributes of the printable worksheet.
 */
export const ENDPOINT_CSP =
	"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; " +
	"form-action 'none'; frame-ancestors 'none'";

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
