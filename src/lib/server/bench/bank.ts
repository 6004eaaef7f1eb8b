/** Bench figures of the bank check (issue: foundation). */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBank } from '../../bank/check';
import { question } from '../../bank/schema';
import { load } from 'js-yaml';
import { loadBank, readBankDir } from '../bank';
import { generateBank } from './generate';
import { figure, medianMs } from './measure';
import type { Suite } from './types';

export const bankSuite: Suite = {
	name: 'bank',
	async run() {
		const bank = generateBank(10_000);
		try {
			const parse = await medianMs(() => JSON.parse(bank.json));
			const inProcess = await medianMs(() => loadBank(bank.dir));
			const checkOnly = await medianMs(() => checkBank(bank.sources));
			// the parts every check must do, each alone: where the time goes
			const readOnly = await medianMs(() => readBankDir(bank.dir));
			const texts = bank.sources.flatMap((s) => s.banks.map((b) => b.text));
			const yamlOnly = await medianMs(() => {
				for (const t of texts) load(t);
			});
			const items = texts.flatMap((t) => (load(t) as { questions: unknown[] }).questions);
			const schemaOnly = await medianMs(() => {
				for (const x of items) question.safeParse(x);
			});
			const jsonFile = join(bank.dir, 'bank.json');
			writeFileSync(jsonFile, bank.json);
			const spawnMs = (args: string[]) =>
				medianMs(() => {
					const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
					if (r.error || r.status === null) throw new Error(`could not run ${args.join(' ')}`);
				}, 5);
			const cli = await spawnMs(['scripts/dalil.js', 'check', bank.dir, '--json']);
			const nodeParse = await spawnMs([
				'-e',
				`JSON.parse(require('fs').readFileSync(${JSON.stringify(jsonFile)}, 'utf8'))`
			]);
			return [
				figure(
					`check ${bank.count} questions in-process (read, parse, schema, grounding)`,
					inProcess,
					'ms',
					parse,
					'< 200 ms'
				),
				figure(
					`check ${bank.count} questions, files already read`,
					checkOnly,
					'ms',
					parse,
					'(for comparison)'
				),
				figure(`  of which: read the files`, readOnly, 'ms', parse, '(for comparison)'),
				figure(`  of which: parse their YAML`, yamlOnly, 'ms', parse, '(for comparison)'),
				figure(
					`  of which: the zod schema, question by question`,
					schemaOnly,
					'ms',
					parse,
					'(for comparison)'
				),
				figure(
					`dalil check CLI run, ${bank.count} questions, with start-up`,
					cli,
					'ms',
					nodeParse,
					'< 1000 ms'
				)
			];
		} finally {
			rmSync(bank.dir, { recursive: true, force: true });
		}
	}
};
