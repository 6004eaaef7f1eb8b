/**
 * `dalil check [questions-dir] [--json]`: exit 0 when the bank holds, 1 when a question fails,
 * 2 for unusable input.
 */
import { articleStats, exitCode, type CheckResult } from '../../bank/check';
import { formatDiagnostic } from '../../bank/diagnostics';
import { BankUnreadable, loadBank } from '../bank';
import { parseOptions, UsageError } from './args';

/**
 * The machine-readable summary printed by `--json`.
 * @param result a check result
 */
export function summary(result: CheckResult) {
	const errors = result.diagnostics.filter((d) => d.severity === 'error');
	return {
		ok: errors.length === 0,
		articles: result.articles.map(articleStats),
		errors,
		warnings: result.diagnostics.filter((d) => d.severity === 'warning')
	};
}

export async function run(args: string[]): Promise<number> {
	let values, positionals;
	try {
		({ values, positionals } = parseOptions(args, { json: { type: 'boolean' } }));
	} catch (e) {
		if (e instanceof UsageError) {
			console.error(
				`dalil check: ${e.message}\nusage: npm run dalil -- check [questions-dir] [--json]`
			);
			return 2;
		}
		throw e;
	}
	const dir = positionals[0] ?? 'questions';
	let result: CheckResult;
	try {
		result = loadBank(dir);
	} catch (e) {
		if (!(e instanceof BankUnreadable)) throw e;
		if (values.json) {
			console.log(
				JSON.stringify({ ok: false, articles: [], errors: [{ message: e.message }], warnings: [] })
			);
		} else console.error(`dalil check: ${e.message}`);
		return 2;
	}
	if (values.json) {
		console.log(JSON.stringify(summary(result), null, 2));
		return exitCode(result);
	}
	for (const d of result.diagnostics) console.error(formatDiagnostic(d));
	const count = (s: string) => result.diagnostics.filter((d) => d.severity === s).length;
	for (const a of result.articles) {
		console.log(
			`${a.slug}: ${a.paragraphs.length} paragraphs, ${a.questions.length} questions proven` +
				(a.failed.length ? `, ${a.failed.length} failing` : '')
		);
	}
	console.log(`${count('error')} errors, ${count('warning')} warnings`);
	return exitCode(result);
}
