/**
 * Bench figures of the exports: the time to export a generated bank of 10,000 questions to each
 * format (the bytes a teacher downloads), beside JSON.stringify of the same questions in the same
 * run.
 */
import { rmSync } from 'node:fs';
import { checkBank } from '../../bank/check';
import { exportArticles } from '../../export/article';
import { FORMAT_NAMES, runExport, toBytes, type FormatName } from '../../export/index';
import type { ExportInput } from '../../export/types';
import { generateBank } from './generate';
import { figure, medianMs } from './measure';
import type { Suite } from './types';

/** The formats a school exports whole banks to; the others are printed for comparison. */
const TARGETS: Partial<Record<FormatName, string>> = {
	gift: '≤ 150 ms',
	csv: '≤ 150 ms',
	moodle: '≤ 300 ms',
	qti: '≤ 1500 ms'
};

export const exportSuite: Suite = {
	name: 'export',
	async run() {
		const bank = generateBank(10_000);
		try {
			const result = checkBank(bank.sources);
			const input: ExportInput = {
				questions: result.articles.flatMap((a) => a.questions),
				articles: exportArticles(result.articles)
			};
			const n = input.questions.length;
			const baseline = await medianMs(() => JSON.stringify(input.questions));
			const figures = [];
			for (const format of FORMAT_NAMES) {
				const ms = await medianMs(() => toBytes(runExport(format, input)), 5);
				figures.push(
					figure(`export ${n} questions to ${format}`, ms, 'ms', baseline, TARGETS[format] ?? '')
				);
			}
			return figures;
		} finally {
			rmSync(bank.dir, { recursive: true, force: true });
		}
	}
};
