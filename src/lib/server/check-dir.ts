/**
 * Checks a questions folder with every core: article folders are shared out to worker threads in
 * contiguous runs of about equal size, this thread takes the first run, and the results are put
 * back together in folder order, the same result `checkBank` gives on one thread (a test proves
 * it). Small banks, and ids repeated across two runs (a duplicate id is a cross-article error), are
 * checked on one thread.
 *
 * The CLI uses this; the server checks its bank at start on one thread (`initBank`).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkBank, type CheckResult } from '../bank/check';
import { articleSlugs, bankSizes, BankUnreadable, readArticles } from './bank';

/** Below this many bytes of bank files, starting a worker costs more than it saves. */
const PARALLEL_FROM = 1_000_000;

export interface CheckDirOptions {
	/** threads to use, this one included (default: DALIL_THREADS, else the cores available) */
	threads?: number;
	/** the worker module (default: check-worker.js beside this module, as the CLI bundle has it) */
	worker?: URL;
	/** node options for the workers (the tests run the TypeScript worker through tsx) */
	execArgv?: string[];
}

/**
 * Reads and checks the bank in `dir`, on several threads when the bank is big.
 * @param dir the questions folder
 * @param options threads and worker module
 * @throws BankUnreadable when there is no folder or no article in it
 */
export async function checkBankDir(
	dir: string,
	options: CheckDirOptions = {}
): Promise<CheckResult> {
	const slugs = articleSlugs(dir);
	const sizes = bankSizes(dir, slugs);
	const total = sizes.reduce((a, b) => a + b, 0);
	const worker = options.worker ?? new URL('./check-worker.js', import.meta.url);
	const threads = Math.min(
		options.threads ?? (Number(process.env.DALIL_THREADS) || availableParallelism()),
		slugs.length
	);
	let result: CheckResult | undefined;
	const workerFound = worker.protocol !== 'file:' || existsSync(fileURLToPath(worker));
	if (threads > 1 && total >= PARALLEL_FROM && workerFound) {
		const runs = shareOut(slugs, sizes, threads);
		const others = runs.slice(1).map((run) => inWorker(worker, dir, run, options.execArgv));
		const first = checkBank(readArticles(dir, runs[0]));
		result = merge([first, ...(await Promise.all(others))]);
	}
	result ??= checkBank(readArticles(dir, slugs));
	if (result.articles.length === 0) throw new BankUnreadable(`no article in ${dir} could be read`);
	return result;
}

/** Contiguous runs of folders with about `total / threads` bytes each. */
function shareOut(slugs: string[], sizes: number[], threads: number): string[][] {
	const total = sizes.reduce((a, b) => a + b, 0);
	const runs: string[][] = [[]];
	let sum = 0;
	slugs.forEach((slug, i) => {
		// start the next run once this one has its share (and folders are left for the others)
		if (sum >= (total * runs.length) / threads && runs.length < threads) runs.push([]);
		runs[runs.length - 1].push(slug);
		sum += sizes[i];
	});
	return runs;
}

/** Idle workers by module, kept for the next check: a worker that has checked once is warm. */
const idle = new Map<string, Worker[]>();

function inWorker(
	url: URL,
	dir: string,
	slugs: string[],
	execArgv: string[] | undefined
): Promise<CheckResult> {
	const free = idle.get(url.href) ?? [];
	idle.set(url.href, free);
	const w = free.pop() ?? new Worker(url, { execArgv });
	// a busy worker keeps the process alive, an idle one does not
	w.ref();
	return new Promise((resolve, reject) => {
		const done = () => {
			w.off('message', onMessage);
			w.off('error', onError);
			w.off('exit', onExit);
		};
		const onMessage = (result: CheckResult) => {
			done();
			w.unref();
			free.push(w);
			resolve(result);
		};
		const onError = (e: Error) => {
			done();
			void w.terminate();
			reject(e);
		};
		const onExit = (code: number) => {
			done();
			reject(new Error(`a check worker stopped (exit ${code})`));
		};
		w.on('message', onMessage);
		w.on('error', onError);
		w.on('exit', onExit);
		w.postMessage({ dir, slugs });
	});
}

/**
 * The runs' results as one, or undefined when an id stands in two runs: a duplicate id across
 * articles is reported on the second question, which only a check of the whole bank can do.
 */
function merge(results: CheckResult[]): CheckResult | undefined {
	const owner = new Map<string, number>();
	for (const [i, r] of results.entries()) {
		for (const a of r.articles) {
			for (const q of [...a.questions, ...a.failed]) {
				if ((owner.get(q.id) ?? i) !== i) return undefined;
				owner.set(q.id, i);
			}
		}
	}
	return {
		articles: results.flatMap((r) => r.articles),
		diagnostics: results.flatMap((r) => r.diagnostics)
	};
}
