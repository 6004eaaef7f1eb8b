import { sveltekit } from '@sveltejs/kit/vite';
import { build } from 'esbuild';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const IIFE = '?iife';

/**
 * `import code from './x.ts?iife'` gives the module `x.ts`, bundled with what it imports and
 * minified, as the text of one classic script: for a page that is rendered on the server only and
 * inlines the little JavaScript it needs (the quiz page).
 */
function iife(): Plugin {
	return {
		name: 'dalil-iife',
		enforce: 'pre',
		async load(id) {
			if (!id.endsWith(IIFE)) return;
			const entry = id.slice(0, -IIFE.length);
			const out = await build({
				entryPoints: [entry],
				bundle: true,
				minify: true,
				format: 'iife',
				target: 'es2022',
				write: false,
				metafile: true,
				legalComments: 'none'
			});
			for (const input of Object.keys(out.metafile.inputs)) this.addWatchFile(input);
			return `export default ${JSON.stringify(out.outputFiles[0].text.trim())};`;
		}
	};
}

export default defineConfig({
	plugins: [iife(), sveltekit()],
	test: {
		include: ['src/**/*.spec.ts', 'tests/**/*.spec.ts'],
		// browser tests run in Playwright, not here
		exclude: ['tests/e2e/**', 'node_modules/**'],
		environment: 'node',
		// the data layer's tests run on PostgreSQL as well as SQLite: find (or start) one
		globalSetup: ['tests/setup/postgres.ts']
	}
});
