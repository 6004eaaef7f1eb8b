/**
 * Reads the question bank from disk (questions/<slug>/article.md and *.yaml) and checks it.
 * The server loads it at start, and again when its files change if asked to (`initBank`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import {
	checkBank,
	type ArticleSource,
	type BankQuestion,
	type CheckResult,
	type LoadedArticle
} from '../bank/check';
import { formatDiagnostic, type Diagnostic, type SourceFile } from '../bank/diagnostics';

/** The bank cannot be read at all: no folder, or no article in it. */
export class BankUnreadable extends Error {}

/** The largest bank file (article or questions) read: a bigger one is a mistake, or an attack. */
export const MAX_BANK_FILE_BYTES = 4 * 1024 * 1024;

/** An article's proposed questions (`dalil draft`): checked, never served. */
export const DRAFTS_FILE = 'drafts.yaml';

/** What a bank folder holds: the article folders that could be read, and why others could not. */
export interface BankDir {
	sources: ArticleSource[];
	/** each article with its drafts.yaml alone, for the check (the server leaves drafts out) */
	drafts: ArticleSource[];
	/** files that cannot be read (each an input error, so `dalil check` exits 2) */
	diagnostics: Diagnostic[];
}

/**
 * Reads every article folder below `dir`, or `dir` alone when it is an article folder itself
 * (`dalil check questions/<slug>/`). A folder without article.md, a file that cannot be read
 * (a dangling link, too big, not UTF-8) is reported, never skipped silently; files are named
 * relative to the working directory in messages.
 * @param dir the questions folder, or one article's folder
 * @throws BankUnreadable when the folder is missing
 */
export function readBankDir(dir: string): BankDir {
	if (!existsSync(dir) || !statSync(dir).isDirectory()) {
		throw new BankUnreadable(`question bank folder not found: ${dir}`);
	}
	const name = (p: string) => relative(process.cwd(), p) || p;
	const bank: BankDir = { sources: [], drafts: [], diagnostics: [] };
	if (existsSync(join(dir, 'article.md'))) {
		// one article's folder: its slug is the folder's name, as in the bank
		readArticleFolder(dir, basename(resolve(dir)), bank, name);
		return bank;
	}
	for (const slug of readdirSync(dir).sort()) {
		const folder = join(dir, slug);
		const kind = statOrUndefined(folder);
		if (!kind) {
			bank.diagnostics.push(problem(name(folder), 'cannot be read (a link to nothing?)'));
			continue;
		}
		if (!kind.isDirectory()) continue;
		if (!existsSync(join(folder, 'article.md'))) {
			bank.diagnostics.push(
				problem(name(folder), 'has no article.md (each article is a folder with one)')
			);
			continue;
		}
		readArticleFolder(folder, slug, bank, name);
	}
	if (bank.sources.length === 0 && bank.diagnostics.length === 0) {
		throw new BankUnreadable(`no article in ${dir} (each article is a folder with article.md)`);
	}
	return bank;
}

/** Adds an article folder (article.md, its bank files, its drafts) to what `readBankDir` read. */
function readArticleFolder(
	folder: string,
	slug: string,
	bank: BankDir,
	name: (path: string) => string
): void {
	const read = (path: string): SourceFile | undefined => {
		const file = readTextFile(path, name(path));
		if ('text' in file) return file;
		bank.diagnostics.push(file);
		return undefined;
	};
	const article = read(join(folder, 'article.md'));
	const files = readdirSync(folder).filter((f) => /\.ya?ml$/.test(f));
	const banks = files
		.filter((f) => f !== DRAFTS_FILE)
		.sort()
		.map((f) => read(join(folder, f)))
		.filter((f) => f !== undefined);
	if (article) bank.sources.push({ slug, article, banks });
	const draftsFile = files.includes(DRAFTS_FILE) ? read(join(folder, DRAFTS_FILE)) : undefined;
	if (article && draftsFile) bank.drafts.push({ slug, article, banks: [draftsFile] });
}

function statOrUndefined(path: string) {
	try {
		return statSync(path);
	} catch {
		return undefined;
	}
}

function problem(file: string, message: string, line = 1, column = 1): Diagnostic {
	return { severity: 'error', kind: 'input', file, line, column, message };
}

/**
 * A bank file's text, or why it cannot be used: missing, larger than `MAX_BANK_FILE_BYTES`, or not
 * UTF-8 (placed at its first bad byte, rather than read as U+FFFD).
 */
function readTextFile(path: string, shown: string): SourceFile | Diagnostic {
	const stat = statOrUndefined(path);
	if (!stat?.isFile()) return problem(shown, 'cannot be read (a link to nothing, or not a file)');
	if (stat.size > MAX_BANK_FILE_BYTES) {
		const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
		return problem(shown, `is ${mb(stat.size)}; a bank file is at most ${mb(MAX_BANK_FILE_BYTES)}`);
	}
	const bytes = readFileSync(path);
	try {
		return { path: shown, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
	} catch {
		const text = new TextDecoder('utf-8').decode(bytes);
		const bad = text.indexOf('\uFFFD');
		const before = text.slice(0, Math.max(0, bad)).split('\n');
		return problem(shown, 'is not UTF-8 text', before.length, before.at(-1)!.length + 1);
	}
}

/**
 * Reads and checks the bank in `dir`: the files that cannot be read are reported first.
 * @param dir the questions folder
 */
export function loadBank(dir: string): CheckResult {
	return checkRead(readBankDir(dir));
}

/**
 * Checks the drafts.yaml of every article in `dir`, each alone with its article (drafts are
 * proposals: they are not checked against the questions already kept). Not served.
 * @param dir the questions folder
 */
export function loadDrafts(dir: string): CheckResult {
	return checkBank(readBankDir(dir).drafts);
}

/**
 * The bank and its drafts checked, as `loadBank` and `loadDrafts` do, from one reading of `dir`
 * (`dalil check` reports both).
 * @param dir the questions folder
 */
export function loadBankAndDrafts(dir: string): { bank: CheckResult; drafts: CheckResult } {
	const read = readBankDir(dir);
	return { bank: checkRead(read), drafts: checkBank(read.drafts) };
}

/** The bank read checked, after the files that could not be read. */
function checkRead({ sources, diagnostics }: BankDir): CheckResult {
	const result = checkBank(sources);
	return { ...result, diagnostics: [...diagnostics, ...result.diagnostics] };
}

/**
 * The bank's error messages, one line each, for a log or a terminal.
 * @param result a check result
 */
export function errorLines(result: CheckResult): string[] {
	return result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
}

/** The loaded bank, indexed for the app. */
export interface Bank {
	result: CheckResult;
	articles: Map<string, LoadedArticle>;
	questions: Map<string, BankQuestion>;
}

let current: Bank | undefined;
/** Set when the server reloads the bank as its files change. */
let watched: { dir: string; stamp: string; checkedAt: number } | undefined;

/**
 * Loads the bank for the server: questions that fail the check are left out and listed in the log;
 * a bank that cannot be read at all throws `BankUnreadable`.
 * @param dir the questions folder
 * @param options reload: check the files at most once a second and reload the bank when one
 *   changed (in development, and in production with DALIL_RELOAD=1)
 */
export function initBank(dir: string, { reload = false } = {}): Bank {
	const stamp = reload ? bankStamp(dir) : '';
	const result = loadBank(dir);
	if (result.articles.length === 0) {
		const why = errorLines(result);
		throw new BankUnreadable(`no article in ${dir} could be read:\n${why.join('\n')}`);
	}
	const articles = new Map(result.articles.map((a) => [a.slug, a]));
	const questions = new Map(result.articles.flatMap((a) => a.questions.map((q) => [q.id, q])));
	current = { result, articles, questions };
	watched = reload ? { dir, stamp, checkedAt: Date.now() } : undefined;
	return current;
}

/**
 * The bank's messages and counts in the server's log.
 * @param bank the loaded bank
 */
export function logBank(bank: Bank): void {
	for (const line of errorLines(bank.result)) console.warn(line);
	const failed = bank.result.articles.flatMap((a) => a.failed);
	console.log(
		`dalil: ${bank.questions.size} questions in ${bank.articles.size} articles` +
			(failed.length ? `; left out (failed the check): ${failed.map((f) => f.id).join(', ')}` : '')
	);
}

/** Names, sizes and times of the bank's files: it differs once a file is added, removed or saved. */
function bankStamp(dir: string): string {
	const parts: string[] = [];
	const walk = (folder: string, depth: number) => {
		for (const entry of readdirSync(folder).sort()) {
			const path = join(folder, entry);
			const stat = statOrUndefined(path);
			parts.push(`${path} ${stat?.size} ${stat?.mtimeMs}`);
			if (stat?.isDirectory() && depth < 1) walk(path, depth + 1);
		}
	};
	if (existsSync(dir)) walk(dir, 0);
	return parts.join('\n');
}

/** Reloads the bank when reloading is on, a second has passed and a file changed. */
function reloadIfChanged(): void {
	if (!watched || Date.now() - watched.checkedAt < 1000) return;
	watched.checkedAt = Date.now();
	if (bankStamp(watched.dir) === watched.stamp) return;
	try {
		console.log('dalil: the bank changed; reloading it');
		logBank(initBank(watched.dir, { reload: true }));
	} catch (e) {
		// a bank broken while the server runs: keep serving the last good one
		if (!(e instanceof BankUnreadable)) throw e;
		console.error(`dalil: kept the bank as it was: ${e.message}`);
		watched.stamp = bankStamp(watched.dir);
	}
}

/**
 * The bank the server serves, loaded on first use (the server's `init` hook loads it at start),
 * and reloaded when its files change if the server asked for that.
 * @param dir the questions folder, used when not loaded yet
 */
export function getBank(dir = process.env.DALIL_QUESTIONS || 'questions'): Bank {
	reloadIfChanged();
	return current ?? initBank(dir);
}
