/**
 * Bench figures of the exports (issue 5): the time to export a generated bank of 10,000
 * questions to each format, beside JSON.stringify of the same questions in the same run, and the
 * memory each export holds (its output and what it keeps alive) beside JSON.stringify's.
 */
import { rmSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { checkBank } from '../../bank/check';
import { exportArticles } from '../../export/article';
import { FORMAT_NAMES, runExport, toBytes, type FormatName } from '../../export/index';
import type { ExportInput } from '../../export/types';
import { generateBank } from './generate';
import { figure, medianMs } from './measure';
import type { Figure, Suite } from './types';

const TARGETS: Partial<Record<FormatName, string>> = {
	gift: '< 100 ms',
	csv: '< 100 ms',
	kahoot: '< 100 ms',
	quizlet: '< 100 ms',
	moodle: '< 250 ms',
	qti: '< 1500 ms'
};

/** A full garbage collection, so heap figures count what is reachable, not what is garbage. */
function collector(): () => void {
	setFlagsFromString('--expose-gc');
	return runInNewContext('gc') as () => void;
}

/** Heap and buffer bytes in use (an export's output is a byte array, outside the JS heap). */
function used(): number {
	const m = process.memoryUsage();
	return m.heapUsed + m.arrayBuffers;
}

/** Bytes that `make` leaves reachable (its output and whatever it keeps alive), after a full GC. */
function heapHeld(make: () => unknown): number {
	const gc = collector();
	// Twice: buffers outside the heap are freed only once their wrappers are collected.
	gc();
	gc();
	const before = used();
	const kept = make();
	gc();
	gc();
	const after = used();
	void kept;
	return Math.max(0, after - before);
}

const MB = 1024 * 1024;

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
			const baselineHeap = heapHeld(() => JSON.stringify(input.questions)) / MB;
			const figures: Figure[] = [];
			for (const format of FORMAT_NAMES) {
				const ms = await medianMs(() => toBytes(runExport(format, input)), 5);
				figures.push(
					figure(
						`export ${n} questions to ${format} (bytes ready to send)`,
						ms,
						'ms',
						baseline,
						TARGETS[format] ?? 'as fast as JSON.stringify allows'
					)
				);
			}
			for (const format of FORMAT_NAMES) {
				const held = heapHeld(() => toBytes(runExport(format, input))) / MB;
				figures.push(
					figure(
						`memory held by the ${format} export of ${n} questions (its bytes)`,
						held,
						'MB',
						baselineHeap,
						'no target'
					)
				);
			}
			figures.push(
				figure(
					'peak memory (max RSS) of the process after all exports',
					process.resourceUsage().maxRSS / 1024,
					'MB',
					null,
					'no target'
				)
			);
			return figures;
		} finally {
			rmSync(bank.dir, { recursive: true, force: true });
		}
	}
};
