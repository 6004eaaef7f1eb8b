import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.spec.ts', 'tests/**/*.spec.ts'],
		// browser tests run in Playwright, not here
		exclude: ['tests/e2e/**', 'node_modules/**'],
		environment: 'node',
		// the data layer's tests run on PostgreSQL as well as SQLite: find (or start) one
		globalSetup: ['tests/setup/postgres.ts']
	}
});
