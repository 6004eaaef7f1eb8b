/**
 * `dalil overrides export [--since DATE] [--questions DIR] [-o FILE]`: teachers' overrides as a
 * YAML patch of suggestions for the bank (add a form to `accept` or `reject`, or an example with
 * its verdict), for a maintainer to review.
 * `dalil overrides apply FILE [--questions DIR]`: applies a (reviewed) patch to the bank's files,
 * each in its own style; then `dalil check` proves the new forms like any other.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { BankQuestion } from '../../bank/check';
import { readYaml } from '../../bank/yaml-source';
import { applySuggestions } from '../../stats/patch';
import { bankSuggestions, readPatch, writePatch, type BankSuggestion } from '../../stats/suggest';
import { BankUnreadable, loadBank } from '../bank';
import { DatabaseConfigError, databaseConfig, migrateToLatest, openDatabase } from '../db';
import { allOverrides } from '../review';
import { parseOptions, UsageError } from './args';

const USAGE =
	'usage: dalil overrides export [--since YYYY-MM-DD] [--questions DIR] [-o FILE]\n' +
	'       dalil overrides apply FILE [--questions DIR]';

export async function run(args: string[]): Promise<number> {
	try {
		const { values, positionals } = parseOptions(args, {
			since: { type: 'string' },
			questions: { type: 'string' },
			output: { type: 'string', short: 'o' }
		});
		const [action, ...rest] = positionals;
		const dir = values.questions ?? 'questions';
		if (action === 'export' && rest.length === 0) {
			return await exportPatch(dir, parseSince(values.since), values.output);
		}
		if (action === 'apply' && rest.length === 1 && !values.since && !values.output) {
			return applyPatch(dir, rest[0]);
		}
		throw new UsageError(USAGE);
	} catch (e) {
		if (
			e instanceof UsageError ||
			e instanceof DatabaseConfigError ||
			e instanceof BankUnreadable
		) {
			console.error(`dalil overrides: ${e.message}`);
			return 2;
		}
		throw e;
	}
}

/** `--since`: a date (YYYY-MM-DD, from its start in UTC) or a full ISO time, as ms. */
export function parseSince(since: string | undefined): number | undefined {
	if (since === undefined) return undefined;
	const at = /^\d{4}-\d{2}-\d{2}$/.test(since) ? Date.parse(`${since}T00:00:00Z`) : NaN;
	const time = Number.isNaN(at) && /^\d{4}-\d{2}-\d{2}T/.test(since) ? Date.parse(since) : at;
	if (Number.isNaN(time)) throw new UsageError(`--since: «${since}» is not a date (YYYY-MM-DD)`);
	return time;
}

/** The bank's questions by id, each with its file relative to the bank's folder. */
function bankQuestions(dir: string): Map<string, BankQuestion> {
	const result = loadBank(dir);
	const byId = new Map<string, BankQuestion>();
	for (const a of result.articles) {
		for (const q of a.questions) if (!byId.has(q.id)) byId.set(q.id, q);
	}
	return byId;
}

function fileInBank(dir: string, file: string): string {
	return relative(resolve(dir), resolve(file));
}

async function exportPatch(dir: string, since: number | undefined, output?: string) {
	const questions = bankQuestions(dir);
	const handle = openDatabase(databaseConfig(process.env));
	try {
		await migrateToLatest(handle.db);
		const records = await allOverrides(handle.db, since === undefined ? {} : { since });
		const suggestions = bankSuggestions(records, (id) => {
			const q = questions.get(id);
			return q && { ...q, file: fileInBank(dir, q.file) };
		});
		const header = [
			`${suggestions.length} suggestion(s) from ${records.filter((r) => !r.undone).length} override(s) in force` +
				(since === undefined ? '' : ` made since ${new Date(since).toISOString()}`),
			`bank: ${dir}`
		];
		const text = writePatch(suggestions, header);
		if (output) {
			writeFileSync(output, text);
			console.error(`wrote ${suggestions.length} suggestion(s) to ${output}`);
		} else process.stdout.write(text);
		return 0;
	} finally {
		await handle.close();
	}
}

/** Applies a patch file to the bank; exit 1 when a suggestion could not be applied. */
function applyPatch(dir: string, file: string): number {
	if (!existsSync(file)) throw new UsageError(`no patch file at ${file}`);
	const yaml = readYaml(readFileSync(file, 'utf8'));
	if (!yaml.ok) throw new UsageError(`${file}: not valid YAML: ${yaml.reason} (line ${yaml.line})`);
	const patch = readPatch(yaml.value);
	if (!patch.ok) throw new UsageError(`${file}: ${patch.error}`);
	const questions = bankQuestions(dir);
	const byFile = new Map<string, BankSuggestion[]>();
	let skipped = 0;
	for (const s of patch.suggestions) {
		const q = questions.get(s.questionId);
		const target = s.file ? join(dir, s.file) : q?.file;
		if (!target || (s.file && (isAbsolute(s.file) || s.file.split(/[\\/]/).includes('..')))) {
			console.error(`skipped ${s.questionId}: not in the bank at ${dir}`);
			skipped += 1;
			continue;
		}
		byFile.set(target, [...(byFile.get(target) ?? []), s]);
	}
	for (const [target, suggestions] of byFile) {
		if (!existsSync(target)) {
			console.error(`skipped ${suggestions.length} suggestion(s): no file ${target}`);
			skipped += suggestions.length;
			continue;
		}
		const result = applySuggestions(readFileSync(target, 'utf8'), suggestions);
		for (const { suggestion, why } of result.skipped) {
			console.error(`skipped ${suggestion.questionId} «${suggestion.answer}»: ${why}`);
		}
		skipped += result.skipped.length;
		if (result.applied.length) writeFileSync(target, result.text);
		console.log(`${target}: ${result.applied.length} applied`);
	}
	console.log('now prove the bank: npm run dalil -- check');
	return skipped ? 1 : 0;
}
