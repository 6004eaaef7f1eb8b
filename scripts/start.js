#!/usr/bin/env node
// `npm start`: builds the app if the build is missing or older than the sources, then serves it
// with adapter-node on PORT (default 3000) and HOST (default 0.0.0.0).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
console.log(`dalil: serving on http://localhost:${process.env.PORT}`);
await import(join(process.cwd(), 'build/index.js'));
