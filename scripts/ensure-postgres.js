#!/usr/bin/env node
// The data layer's tests and the classes browser tests need PostgreSQL (as well as SQLite).
// Order: DALIL_TEST_PG (a URL to a database we may CREATE DATABASE from), then PostgreSQL on
// 127.0.0.1:5432 as user postgres or root; when nothing answers there and we are root on a
// Debian-like system, install and start Debian's postgresql (reached over its Unix socket as the
// role root); otherwise stop with one line saying how to get one.
// Run alone it prints the URL; tests import `ensurePostgres()`.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

const HOW =
	'PostgreSQL is needed for the tests: start one on 127.0.0.1:5432 that user postgres or root ' +
	'can reach (Debian: apt-get install postgresql), or set DALIL_TEST_PG=postgres://user@host:port/db';

const SOCKET_URL = 'postgres://root@localhost/postgres?host=/var/run/postgresql';
const CANDIDATES = [
	'postgres://postgres@127.0.0.1:5432/postgres',
	'postgres://root@127.0.0.1:5432/postgres',
	SOCKET_URL
];

/**
 * Whether a URL answers, and if not, why.
 * @param {string} url
 */
async function probe(url) {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
	try {
		await client.connect();
		await client.query('select 1');
		return { ok: true };
	} catch (e) {
		return { ok: false, reason: e instanceof Error ? e.message : String(e) };
	} finally {
		await client.end().catch(() => {});
	}
}

/** Installs Debian's postgresql, starts its cluster and makes root a superuser role. */
function installDebianPostgres() {
	console.log('Installing Debian postgresql for the tests (apt-get)…');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execSync('apt-get update -qq', { stdio: 'inherit', env });
	execSync('apt-get install -y -qq --no-install-recommends postgresql', { stdio: 'inherit', env });
	for (const version of readdirSync('/etc/postgresql')) {
		execSync(`pg_ctlcluster ${version} main start || true`, { stdio: 'inherit', env });
	}
	execSync(
		`su postgres -c "psql -tAc \\"select 1 from pg_roles where rolname='root'\\" | grep -q 1 || createuser --superuser root"`,
		{ stdio: 'inherit', env }
	);
}

/**
 * A URL of a PostgreSQL database from which tests may create (and drop) databases of their own.
 * Throws an Error whose message is one line saying how to provide one.
 */
export async function ensurePostgres() {
	const wanted = process.env.DALIL_TEST_PG;
	if (wanted) {
		const result = await probe(wanted);
		if (result.ok) return wanted;
		throw new Error(`DALIL_TEST_PG=${wanted} does not answer: ${result.reason}`);
	}
	for (const url of CANDIDATES) if ((await probe(url)).ok) return url;
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	if (root && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get')) {
		installDebianPostgres();
		for (const url of CANDIDATES) if ((await probe(url)).ok) return url;
	}
	throw new Error(HOW);
}

/**
 * The URL of another database on the same server as `url`.
 * @param {string} url
 * @param {string} name
 */
export function databaseUrl(url, name) {
	const u = new URL(url);
	u.pathname = `/${name}`;
	return u.toString();
}

/** A database name no other run (or helper) will pick. */
export function uniqueDatabaseName(prefix = 'dalil_test') {
	const random = Math.random().toString(36).slice(2, 10);
	return `${prefix}_${Date.now().toString(36)}_${process.pid}_${random}`;
}

/**
 * Creates a fresh, empty database; returns its URL.
 * @param {string} adminUrl
 * @param {string} name
 */
export async function createDatabase(adminUrl, name = uniqueDatabaseName()) {
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		await client.query(`create database "${name}"`);
	} finally {
		await client.end();
	}
	return databaseUrl(adminUrl, name);
}

/**
 * Drops a database made by `createDatabase`, closing whatever still holds it.
 * @param {string} adminUrl
 * @param {string} name
 */
export async function dropDatabase(adminUrl, name) {
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		await client.query(`drop database if exists "${name}" with (force)`);
	} finally {
		await client.end();
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	try {
		console.log(await ensurePostgres());
	} catch (e) {
		console.error(e instanceof Error ? e.message : String(e));
		process.exit(1);
	}
}
