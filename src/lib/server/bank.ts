/**
 * Reads the question bank from disk (questions/<slug>/article.md and *.yaml) and checks it.
 * The server loads it once at start: the bank is immutable while the server runs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
	checkBank,
	type ArticleSource,
	type BankQuestion,
	type CheckResult,
	type LoadedArticle
} from '../bank/check';

/** The bank cannot be read at all: no folder, or no article in it. */
export class BankUnreadable extends Error {}

/**
 * Reads every article folder below `dir`. Folders without article.md are skipped; files are named
 * relative to the working directory in messages.
 * @param dir the questions folder
 */
export function readBankDir(dir: string): ArticleSource[] {
	if (!existsSync(dir) || !statSync(dir).isDirectory()) {
		throw new BankUnreadable(`question bank folder not found: ${dir}`);
	}
	const name = (p: string) => relative(process.cwd(), p) || p;
	const sources: ArticleSource[] = [];
	for (const slug of readdirSync(dir).sort()) {
		const folder = join(dir, slug);
		if (!statSync(folder).isDirectory()) continue;
		const articlePath = join(folder, 'article.md');
		if (!existsSync(articlePath)) continue;
		const banks = readdirSync(folder)
			.filter((f) => /\.ya?ml$/.test(f))
			.sort()
			.map((f) => ({ path: name(join(folder, f)), text: readFileSync(join(folder, f), 'utf8') }));
		sources.push({
			slug,
			article: { path: name(articlePath), text: readFileSync(articlePath, 'utf8') },
			banks
		});
	}
	if (sources.length === 0) {
		throw new BankUnreadable(`no article in ${dir} (each article is a folder with article.md)`);
	}
	return sources;
}

/**
 * Reads and checks the bank in `dir`.
 * @param dir the questions folder
 */
export function loadBank(dir: string): CheckResult {
	const result = checkBank(readBankDir(dir));
	if (result.articles.length === 0) {
		throw new BankUnreadable(`no article in ${dir} could be read`);
	}
	return result;
}

/** The loaded bank, indexed for the app. */
export interface Bank {
	result: CheckResult;
	articles: Map<string, LoadedArticle>;
	questions: Map<string, BankQuestion>;
}

let current: Bank | undefined;

/**
 * Loads the bank for the server: questions that fail the check are left out and listed in the log;
 * a bank that cannot be read at all throws `BankUnreadable`.
 * @param dir the questions folder
 */
export function initBank(dir: string): Bank {
	const result = loadBank(dir);
	const articles = new Map(result.articles.map((a) => [a.slug, a]));
	const questions = new Map(result.articles.flatMap((a) => a.questions.map((q) => [q.id, q])));
	current = { result, articles, questions };
	return current;
}

/**
 * The bank the server serves, loaded on first use (the server's `init` hook loads it at start).
 * @param dir the questions folder, used when not loaded yet
 */
export function getBank(dir = process.env.DALIL_QUESTIONS || 'questions'): Bank {
	return current ?? initBank(dir);
}
