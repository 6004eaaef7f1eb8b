/**
 * Bench figures of the bank check: `dalil check` run as a teacher or CI runs it, on a generated
 * bank of 10,000 questions, beside node reading the same questions as JSON; and the check in
 * process with its three fixed parts alone (reading the files, their YAML, the zod schema), which
 * say where the time goes.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { checkBank } from '../../bank/check';
import { question } from '../../bank/schema';
import { readBankDir } from '../bank';
import { generateBank } from './generate';
import { figure, medianMs } from './measure';
import type { Suite } from './types';

export const bankSuite: Suite = {
	name: 'bank',
	async run() {
		const bank = generateBank(10_000);
		try {
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

			const parse = await medianMs(() => JSON.parse(bank.json));
			const checkOnly = await medianMs(() => checkBank(bank.sources));
			const readOnly = await medianMs(() => readBankDir(bank.dir));
			const texts = bank.sources.flatMap((s) => s.banks.map((b) => b.text));
			const yamlOnly = await medianMs(() => texts.map((t) => load(t)));
			const items = texts.flatMap((t) => (load(t) as { questions: unknown[] }).questions);
			const schemaOnly = await medianMs(() => items.map((x) => question.safeParse(x)));
			const n = bank.count;
			return [
				figure(
					`dalil check CLI, ${n} questions, start-up included`,
					cli,
					'ms',
					nodeParse,
					'≤ 1500 ms'
				),
				figure(`check ${n} questions in process, files read`, checkOnly, 'ms', parse, ''),
				figure('  of which: read the files', readOnly, 'ms', parse, ''),
				figure('  of which: their YAML (js-yaml)', yamlOnly, 'ms', parse, ''),
				figure('  of which: the zod schema, question by question', schemaOnly, 'ms', parse, '')
			];
		} finally {
			rmSync(bank.dir, { recursive: true, force: true });
		}
	}
};
