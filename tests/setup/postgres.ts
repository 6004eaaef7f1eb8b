/**
 * Vitest global setup: finds (or, as root on Debian, installs and starts) the PostgreSQL that the
 * data layer's tests run on, and hands its URL to every test file. Without one the run stops
 * here with one line saying how to get one: no test skips PostgreSQL quietly.
 */
import type { TestProject } from 'vitest/node';
import { ensurePostgres } from '../../scripts/ensure-postgres.js';

declare module 'vitest' {
	export interface ProvidedContext {
		/** A PostgreSQL URL from which tests create (and drop) databases of their own. */
		postgresAdminUrl: string;
	}
}

export default async function setup(project: TestProject) {
	project.provide('postgresAdminUrl', await ensurePostgres());
}
