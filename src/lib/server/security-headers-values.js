// The security headers' values, in plain JavaScript so that both the app's hook
// (security-headers.ts) and the server script (scripts/start.js, which sets them on what never
// reaches the hook: static files, Kit's own refusals) read the one definition.

/** The plain headers, the same on every response. */
export const SECURITY_HEADERS = Object.freeze({
	'x-content-type-options': 'nosniff',
	// Re-entry links carry a token in the path: other sites get no referrer at all.
	'referrer-policy': 'same-origin',
	// `frame-ancestors 'none'` in the CSP says the same to browsers that read it.
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'
});

/**
 * The policy for responses that are not Kit pages: nothing may run or load, except the inline
 * stylesheet and `style` attributes of the printable worksheet.
 */
export const ENDPOINT_CSP =
	"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; " +
	"form-action 'none'; frame-ancestors 'none'";
