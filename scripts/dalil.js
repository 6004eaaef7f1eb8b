#!/usr/bin/env node
// Runs the CLI (src/lib/server/cli). The TypeScript sources and their dependencies are bundled once
// with esbuild into node_modules/.cache/dalil and rebuilt only when an input is newer: starting a
// TypeScript loader on every run would cost more than checking a 10,000-question bank.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'node_modules/.cache/dalil');
const entry = join(outdir, 'index.js');

/** Newest modification time of the TypeScript sources the CLI may import. */
function newest(dir) {
	let t = 0;
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, e.name);
		if (e.isDirectory()) t = Math.max(t, newest(p));
		else if (/\.(ts|js|json)$/.test(e.name)) t = Math.max(t, statSync(p).mtimeMs);
	}
	return t;
}

const built = existsSync(entry) ? statSync(entry).mtimeMs : 0;
// Rebuilt when a source, the dependencies (they are bundled) or this script is newer.
const inputs = ['package.json', 'package-lock.json', 'scripts/dalil.js'].map((f) =>
	existsSync(join(root, f)) ? statSync(join(root, f)).mtimeMs : 0
);
if (built < Math.max(newest(join(root, 'src/lib')), ...inputs)) {
	const { build } = await import('esbuild');
	// esbuild has printed what failed; a stack trace of the bundler would add nothing.
	await build({
		entryPoints: [join(root, 'src/lib/server/cli/index.ts')],
		bundle: true,
		splitting: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		// Dependencies are bundled too: one file loads in half the time their dozens of modules take
		// (zod's alone is about 100 ms). CommonJS ones call `require`, which ESM lacks: give it them.
		// better-sqlite3 is native code, pg loads optional pg-native: both stay node_modules' own.
		external: ['esbuild', 'better-sqlite3', 'pg'],
		banner: {
			js: "import { createRequire as __dalilRequire } from 'node:module'; const require = __dalilRequire(import.meta.url);"
		},
		// Minified, with its source map in a file of its own: half the code for node to read and
		// compile on every run. `DALIL_DEBUG=1 node --enable-source-maps scripts/dalil.js …` maps a
		// stack trace back to the TypeScript.
		minify: true,
		sourcemap: 'linked',
		outdir,
		logLevel: 'error'
	}).catch(() => process.exit(2));
}
await import(pathToFileURL(entry).href);
