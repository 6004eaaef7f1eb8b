/**
 * `dalil export --format F [filters] [-o FILE]`: exports proven questions of the bank. The file
 * goes to -o or standard output (the QTI zip too); the report (converted, left out, notes) goes
 * to standard error. Exit 0 when something was exported, 1 when the filters match nothing,
 * 2 for bad usage or an unreadable bank.
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { filterError, filterSchema, applyFilter } from '../../export/filter';
import { exportArticles } from '../../export/article';
import { FORMAT_NAMES, isFormat, runExport, toBytes } from '../../export/index';
import { formatReport } from '../../export/report';
import { seedSchema, copiesSchema } from '../../export/options';
import { BankUnreadable, loadBank } from '../bank';
import { parseOptions, UsageError } from './args';

const USAGE = `usage: npm run dalil -- export --format ${FORMAT_NAMES.join('|')}
         [--article SLUG] [--type T,…] [--skill S,…] [--paragraph p1,…] [--difficulty 1,2,3]
         [--tag TAG] [--ids ID,…] [--search WORDS] [--seed SEED --copies N (html)]
         [--questions DIR] [-o FILE]`;

const list = { type: 'string', multiple: true } as const;

/**
 * Runs the export command.
 * @param args the arguments after `export`
 */
export async function run(args: string[]): Promise<number> {
	const fail = (message: string) => {
		console.error(`dalil export: ${message}\n${USAGE}`);
		return 2;
	};
	let values;
	try {
		({ values } = parseOptions(args, {
			format: { type: 'string', short: 'f' },
			article: list,
			type: list,
			skill: list,
			paragraph: list,
			difficulty: list,
			tag: list,
			ids: list,
			search: { type: 'string' },
			seed: { type: 'string' },
			copies: { type: 'string' },
			questions: { type: 'string' },
			output: { type: 'string', short: 'o' },
			help: { type: 'boolean', short: 'h' }
		}));
	} catch (e) {
		if (e instanceof UsageError) return fail(e.message);
		throw e;
	}
	if (values.help) {
		console.log(USAGE);
		return 0;
	}
	if (!values.format) return fail('--format is required');
	if (!isFormat(values.format)) {
		return fail(`unknown format «${values.format}» (one of ${FORMAT_NAMES.join(', ')})`);
	}
	const filter = filterSchema.safeParse({
		article: values.article,
		type: values.type,
		skill: values.skill,
		paragraph: values.paragraph,
		difficulty: values.difficulty,
		tag: values.tag,
		ids: values.ids,
		q: values.search
	});
	if (!filter.success) return fail(filterError(filter.error));
	const options = z
		.object({ seed: seedSchema.optional(), copies: copiesSchema.optional() })
		.safeParse({
			seed: values.seed,
			copies: values.copies
		});
	if (!options.success) return fail(filterError(options.error));

	let result;
	try {
		result = loadBank(values.questions ?? 'questions');
	} catch (e) {
		if (!(e instanceof BankUnreadable)) throw e;
		console.error(`dalil export: ${e.message}`);
		return 2;
	}
	const known = new Set(result.articles.map((a) => a.slug));
	const unknown = filter.data.article.filter((s) => !known.has(s));
	if (unknown.length)
		return fail(`unknown article ${unknown.join(', ')} (the bank has ${[...known].join(', ')})`);

	const questions = applyFilter(
		result.articles.flatMap((a) => a.questions),
		filter.data
	);
	const failed = result.articles.flatMap((a) => a.failed);
	if (failed.length) {
		console.error(
			`dalil export: ${failed.length} question(s) fail the bank check and are not exported (npm run dalil -- check)`
		);
	}
	if (questions.length === 0) {
		console.error('dalil export: no question matches the filters');
		return 1;
	}
	const exported = runExport(values.format, {
		questions,
		articles: exportArticles(result.articles),
		options: options.data
	});
	for (const line of formatReport(exported.report)) console.error(line);
	const bytes = await toBytes(exported);
	if (values.output) {
		writeFileSync(values.output, bytes);
		console.error(`dalil export: wrote ${values.output} (${bytes.length} bytes)`);
	} else {
		if ((exported.files || exported.sheet) && process.stdout.isTTY) {
			console.error(
				'dalil export: this format is binary (a zip or a workbook): give -o FILE or redirect standard output'
			);
			return 2;
		}
		await new Promise<void>((resolve, reject) =>
			process.stdout.write(bytes, (e) => (e ? reject(e) : resolve()))
		);
	}
	return 0;
}
