import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Every stylesheet is small (the largest about 2 kB): inlined in the page, they cost no
		// render-blocking request before the first paint.
		inlineStyleThreshold: 4096
	}
};

export default config;
