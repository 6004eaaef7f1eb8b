#!/usr/bin/env node
// `npm start`: builds the app if the build is missing or older than the sources, then serves it
// with adapter-node on PORT (default 3000) and HOST (default 0.0.0.0). Set ORIGIN (and, behind a
// proxy, PROTOCOL_HEADER and HOST_HEADER) as adapter-node documents, when not served directly.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

function newest(path) {
	if (!existsSync(path)) return 0;
	const s = statSync(path);
	if (!s.isDirectory()) return s.mtimeMs;
	let t = 0;
	for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
	return t;
}

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

if (process.env.ORIGIN || process.env.PROTOCOL_HEADER) {
	// Deployed behind a proxy that says who we are: adapter-node's own server, as configured.
	await import(build('index.js'));
} else {
	// Served directly over plain HTTP. Without ORIGIN, adapter-node takes every request for
	// https, so the browser's Origin (http://…) never matches and SvelteKit refuses each form
	// post as cross-site (403). Tell it the truth: this server speaks http, on the Host it is
	// reached by (localhost, 127.0.0.1 or a LAN address alike).
	process.env.PROTOCOL_HEADER = 'x-dalil-protocol';
	const { handler } = await import(build('handler.js'));
	const server = createServer((req, res) => {
		req.headers['x-dalil-protocol'] = 'http';
		handler(req, res, () => {
			res.statusCode = 404;
			res.end('Not found');
		});
	});
	const host = process.env.HOST || '0.0.0.0';
	server.listen(Number(process.env.PORT), host, () => {
		console.log(`dalil: serving on http://localhost:${process.env.PORT}`);
	});
	const stop = () => server.close(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}
