#!/usr/bin/env node
// `npm run build:cli`: bundles the CLI (src/lib/server/cli) into build-cli/ with esbuild, so that
// `npm run dalil` starts node on plain JavaScript rather than a TypeScript loader. Only the
// project's own code is bundled; its dependencies are imported from node_modules as usual.
// `scripts/dalil.js` runs this whenever the bundle is missing or older than a source.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The folder the bundle is written to (gitignored). */
export const outdir = join(root, 'build-cli');
/** The bundle's entry, which `scripts/dalil.js` runs. */
export const entry = join(outdir, 'index.js');

/** Bundles the CLI; esbuild prints what failed, and the promise rejects. */
export async function buildCli() {
	await build({
		entryPoints: [join(root, 'src/lib/server/cli/index.ts')],
		bundle: true,
		splitting: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		packages: 'external',
		// `DALIL_DEBUG=1 node --enable-source-maps scripts/dalil.js …` maps a stack to the sources
		sourcemap: 'linked',
		outdir,
		logLevel: 'warning'
	});
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	await buildCli().catch(() => process.exit(1));
	console.log(`dalil: CLI built in ${outdir}`);
}
