import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.spec.ts', 'tests/**/*.spec.ts'],
		// browser tests run in Playwright, not here
		exclude: ['tests/e2e/**', 'node_modules/**'],
		environment: 'node',
		// a budget, not a speed check: on a loaded two-core machine a spec that builds a whole bank or
		// spawns the CLI can take longer than vitest's default 5 s (specs that need more say so)
		testTimeout: 30_000,
		// the data layer's tests run on PostgreSQL as well as SQLite: find (or start) one
		globalSetup: ['tests/setup/postgres.ts']
	}
});
