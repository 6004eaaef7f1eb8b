/**
 * `dalil check [questions-dir] [--json] [--strict]`: exit 0 when the bank holds, 1 when a question
 * fails, 2 for unusable input. `--strict` makes every warning an error.
 */
import { articleStats, exitCode, strictResult, type CheckResult } from '../../bank/check';
import { formatDiagnostic, terminalJson } from '../../bank/diagnostics';
import { BankUnreadable, loadBankAndDrafts } from '../bank';
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
		({ values, positionals } = parseOptions(args, {
			json: { type: 'boolean' },
			strict: { type: 'boolean' }
		}));
	} catch (e) {
		if (e instanceof UsageError) {
			console.error(
				`dalil check: ${e.message}\nusage: npm run dalil -- check [questions-dir] [--json] [--strict]`
			);
			return 2;
		}
		throw e;
	}
	const dir = positionals[0] ?? 'questions';
	let result: CheckResult;
	let drafts: CheckResult;
	try {
		({ bank: result, drafts } = loadBankAndDrafts(dir));
	} catch (e) {
		if (!(e instanceof BankUnreadable)) throw e;
		if (values.json) {
			console.log(
				terminalJson({ ok: false, articles: [], errors: [{ message: e.message }], warnings: [] })
			);
		} else console.error(`dalil check: ${e.message}`);
		return 2;
	}
	if (values.strict) {
		result = strictResult(result);
		drafts = strictResult(drafts);
	}
	if (values.json) {
		const draftSummary = drafts.articles.length ? { drafts: summary(drafts) } : {};
		// bank text in it, bidi and C1 controls included, reaches a terminal escaped (issue 18)
		console.log(terminalJson({ ...summary(result), ...draftSummary }, 2));
		return Math.max(exitCode(result), exitCode(drafts));
	}
	// one stream, in order: the messages, then the summary under them
	const lines = result.diagnostics.map(formatDiagnostic);
	for (const a of result.articles) {
		lines.push(
			`${a.slug}: ${count(a.paragraphs.length, 'paragraph')}, ` +
				`${count(a.questions.length, 'question')} proven` +
				(a.failed.length ? `, ${a.failed.length} failing` : '')
		);
	}
	if (result.articles.length === 0) lines.push(`no article in ${dir} could be read`);
	// drafts.yaml (`dalil draft`): proven alone with its article, never served
	lines.push(...drafts.diagnostics.map(formatDiagnostic));
	for (const a of drafts.articles) {
		lines.push(
			`${a.slug} drafts: ${count(a.questions.length, 'draft')} proven` +
				(a.failed.length ? `, ${a.failed.length} failing` : '')
		);
	}
	const all = [...result.diagnostics, ...drafts.diagnostics];
	const severity = (s: string) => all.filter((d) => d.severity === s).length;
	lines.push(`${count(severity('error'), 'error')}, ${count(severity('warning'), 'warning')}`);
	console.log(lines.join('\n'));
	return Math.max(exitCode(result), exitCode(drafts));
}

/** "1 error", "3 errors". */
function count(n: number, noun: string): string {
	return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
