#!/usr/bin/env node
// The Playwright suite's server on PostgreSQL (playwright.config.ts, the "pg" projects): finds or
// starts PostgreSQL as ensure-postgres.js does (stopping with one line saying how when there is
// none: the run fails, nothing is skipped), creates a fresh database for this run, and serves the
// build on it exactly as `npm start` does. Databases that earlier runs on the same port left
// behind are dropped first (Playwright ends this process with SIGKILL).
import { spawn } from 'node:child_process';
import pg from 'pg';
import { createDatabase, dropDatabase, ensurePostgres } from './ensure-postgres.js';

const port = Number(process.env.PORT);
if (!Number.isInteger(port)) {
	console.error('e2e-postgres-server: PORT must be set');
	process.exit(1);
}
const prefix = `dalil_e2e_${port}_`;

let admin;
try {
	admin = await ensurePostgres();
} catch (e) {
	console.error(e instanceof Error ? e.message : String(e));
	process.exit(1);
}

const client = new pg.Client({ connectionString: admin });
await client.connect();
const { rows } = await client.query('select datname from pg_database where datname like $1', [
	`${prefix}%`
]);
await client.end();
for (const { datname } of rows) await dropDatabase(admin, datname);

const name = `${prefix}${Date.now().toString(36)}`;
const url = await createDatabase(admin, name);
console.log(`e2e-postgres-server: serving on PostgreSQL database ${name}`);
const server = spawn(process.execPath, ['scripts/start.js'], {
	stdio: 'inherit',
	env: { ...process.env, DATABASE_URL: url }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => {
	dropDatabase(admin, name)
		.catch(() => {})
		.finally(() => process.exit(code ?? (signal ? 1 : 0)));
});
