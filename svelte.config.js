import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Root-relative paths to the build and in `resolve()`: the service worker shows the offline
		// page it kept (/offline) at any address that fails, where paths relative to /offline would
		// name the wrong files and links. Dalil is served from the root of its origin.
		paths: { relative: false },
		// Every stylesheet is small (the largest about 2 kB): inlined in the page, they cost no
		// render-blocking request before the first paint.
		inlineStyleThreshold: 4096,
		// The Content-Security-Policy of every page (issue 18). Kit adds a nonce (or, on a prerendered
		// page, a hash) for each inline script it writes, so no other script can run. Styles allow
		// 'unsafe-inline': the inlined stylesheets above and Svelte's `style:` directives need it,
		// and a style cannot run code. Endpoints (exports, JSON) get a stricter policy from
		// src/lib/server/security-headers.ts.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'manifest-src': ['self'],
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
