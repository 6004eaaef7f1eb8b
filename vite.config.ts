import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.spec.ts', 'tests/**/*.spec.ts'],
		// browser tests run in Playwright, not here
		exclude: ['tests/e2e/**', 'node_modules/**'],
		environment: 'node'
	}
});
