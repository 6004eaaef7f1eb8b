import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBank } from '../bank/check';
import { readBankDir } from './bank';
import { generateBank } from './bench/generate';
import { checkBankDir } from './check-dir';

// The worker is TypeScript here (the CLI runs the bundled one): a module that registers tsx
// first loads it.
const tsx = import.meta.resolve('tsx/esm/api');
const worker = new URL(
	'data:text/javascript,' +
		encodeURIComponent(
			`import { register } from '${tsx}'; register();
			await import('${new URL('./check-worker.ts', import.meta.url).href}');`
		)
);

// Big enough to be shared out (over a megabyte of bank files).
const bank = generateBank(2000);
afterAll(() => rmSync(bank.dir, { recursive: true, force: true }));

describe('checkBankDir', () => {
	it('gives on two threads what checkBank gives on one', { timeout: 60_000 }, async () => {
		const one = checkBank(readBankDir(bank.dir));
		expect(one.diagnostics.some((d) => d.severity === 'error')).toBe(true);
		const two = await checkBankDir(bank.dir, { threads: 2, worker });
		expect(two).toStrictEqual(one);
	});

	it('shares the work out to the worker', { timeout: 60_000 }, async () => {
		// a stand-in worker whose result cannot come from this thread
		const fake = new URL(
			'data:text/javascript,' +
				encodeURIComponent(
					`import { parentPort } from 'node:worker_threads';
					parentPort.on('message', () => parentPort.postMessage({ articles: [{ slug: 'from-the-worker', questions: [], failed: [] }], diagnostics: [] }));`
				)
		);
		const result = await checkBankDir(bank.dir, { threads: 2, worker: fake });
		expect(result.articles.at(-1)?.slug).toBe('from-the-worker');
		expect(result.articles.length).toBeLessThan(bank.sources.length);
	});

	it(
		'reports an id repeated across the two halves as one check does',
		{ timeout: 60_000 },
		async () => {
			const [first, last] = [bank.sources[0], bank.sources.at(-1)!];
			const firstId = /id: (\S+)/.exec(first.banks[0].text)![1];
			const file = join(bank.dir, last.slug, 'questions.yaml');
			const text = readFileSync(file, 'utf8');
			writeFileSync(file, text.replace(/id: \S+/, `id: ${firstId}`));
			try {
				const one = checkBank(readBankDir(bank.dir));
				expect(one.diagnostics.some((d) => d.message.startsWith(`duplicate id ${firstId}`))).toBe(
					true
				);
				const two = await checkBankDir(bank.dir, { threads: 2, worker });
				expect(two).toStrictEqual(one);
			} finally {
				writeFileSync(file, text);
			}
		}
	);

	it('checks a small bank on this thread', async () => {
		const missing = new URL('file:///no/such/worker.js');
		const result = await checkBankDir('questions', { threads: 2, worker: missing });
		expect(result).toStrictEqual(checkBank(readBankDir('questions')));
	});
});
