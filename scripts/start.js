#!/usr/bin/env node
// `npm start`: builds the app if the build is missing or older than the sources, then serves it
// with adapter-node on PORT (default 3000) and HOST (default 0.0.0.0). Set ORIGIN (and, behind a
// proxy, PROTOCOL_HEADER and HOST_HEADER) as adapter-node documents, when not served directly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { ENDPOINT_CSP, SECURITY_HEADERS } from '../src/lib/server/security-headers-values.js';

/**
 * The heap a server gets unless NODE_OPTIONS or node's own flags choose one. Node's default grows
 * with the machine's memory (2–4 GB); under load the server then lets garbage pile up: at 50
 * connections its resident memory rose from 128 MB to 620 MB, and with a 256 MB heap it stays flat
 * (issue 18). The README says how much memory a deployment needs.
 */
const DEFAULT_HEAP_MB = 256;
const HEAP_FLAG = '--max-old-space-size';

if (![...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes(HEAP_FLAG))) {
	// Heap limits are fixed when node starts: run this script again, in a node that has one.
	const child = spawn(
		process.execPath,
		[`${HEAP_FLAG}=${DEFAULT_HEAP_MB}`, ...process.execArgv, ...process.argv.slice(1)],
		{ stdio: 'inherit' }
	);
	for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
	child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
	await serve();
}

function newest(path) {
	if (!existsSync(path)) return 0;
	const s = statSync(path);
	if (!s.isDirectory()) return s.mtimeMs;
	let t = 0;
	for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
	return t;
}

/** Builds the app when the build is older than its sources, then serves it. */
async function serve() {
	const built = existsSync('build/index.js') ? statSync('build/index.js').mtimeMs : 0;
	const sources = Math.max(
		...['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'].map(newest)
	);
	if (built < sources) {
		console.log('dalil: building…');
		const r = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
		if (r.status !== 0) process.exit(r.status ?? 1);
	}
	process.env.PORT ??= '3000';
	const build = (file) => pathToFileURL(join(process.cwd(), 'build', file)).href;

	// Served directly over plain HTTP (no ORIGIN, no PROTOCOL_HEADER): adapter-node would take every
	// request for https, so the browser's Origin (http://…) would never match and SvelteKit would
	// refuse each form post as cross-site (403). Tell it the truth: this server speaks http, on the
	// Host it is reached by (localhost, 127.0.0.1 or a LAN address alike). With ORIGIN set, adapter-node
	// builds every URL from ORIGIN and Kit's cross-site check compares the browser's Origin with it,
	// whatever Host the request names.
	const direct = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
	if (direct) process.env.PROTOCOL_HEADER = 'x-dalil-protocol';

	// The plain security headers on every response, the static files and Kit's own refusals included
	// (the hook sets the same on what Kit resolves; tests/e2e/hardened.spec.ts checks both). The
	// policy is for what Kit answers without its hooks (a redirect from a hook, an error page thrown
	// by one, the cross-site refusal); Kit's pages and the hook's endpoints replace it with their own.
	// Not on the service worker's script: a policy there would bind the worker itself.
	const SERVICE_WORKER = '/service-worker.js';

	const { handler } = await import(build('handler.js'));
	const server = createServer((req, res) => {
		if (direct) req.headers['x-dalil-protocol'] = 'http';
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
		if (!req.url?.startsWith(SERVICE_WORKER))
			res.setHeader('content-security-policy', ENDPOINT_CSP);
		handler(req, res, () => {
			res.statusCode = 404;
			res.end('Not found');
		});
	});
	const host = process.env.HOST || '0.0.0.0';
	server.listen(Number(process.env.PORT), host, () => {
		// the port actually bound (PORT=0 picks a free one: the tests that start servers of their own)
		const address = server.address();
		const port = typeof address === 'object' && address ? address.port : process.env.PORT;
		const heap = Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);
		console.log(`dalil: serving on http://localhost:${port} (heap limit ${heap} MB)`);
	});
	const stop = () => {
		server.closeIdleConnections();
		server.close(() => process.exit(0));
		setTimeout(() => process.exit(0), 10_000).unref();
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}
