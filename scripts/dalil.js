#!/usr/bin/env node
// `npm run dalil -- <command>`: runs the CLI bundle, building it first (`npm run build:cli`) when
// it is missing or older than a source it is made of.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCli, entry, root } from './build-cli.js';

/** Newest modification time of the files below `dir` that the bundle may be made of. */
function newest(dir) {
	let time = 0;
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, e.name);
		if (e.isDirectory()) time = Math.max(time, newest(path));
		else if (/\.(ts|js|json)$/.test(e.name)) time = Math.max(time, statSync(path).mtimeMs);
	}
	return time;
}

const built = existsSync(entry) ? statSync(entry).mtimeMs : 0;
const sources = Math.max(
	newest(join(root, 'src/lib')),
	...['package.json', 'scripts/build-cli.js'].map((f) => statSync(join(root, f)).mtimeMs)
);
if (built < sources) {
	// esbuild has printed what failed; a stack trace of the bundler would add nothing
	await buildCli().catch(() => process.exit(2));
}
await import(pathToFileURL(entry).href);
