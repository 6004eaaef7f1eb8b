/**
 * `dalil draft questions/<slug>/ [--types T,…] [--max N] [-o FILE]`: drafts questions for an
 * article, every one proven by the check, and writes them as a bank file (drafts.yaml in the
 * article's folder by default). The check proves drafts.yaml; the server does not serve it; a
 * teacher moves what they keep into questions.yaml.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { QUESTION_TYPES } from '../../bank/kinds';
import { draftArticle, draftsYaml } from '../../draft/index';
import { parseOptions, UsageError } from './args';

const USAGE = 'usage: npm run dalil -- draft questions/<slug>/ [--types T,…] [--max N] [-o FILE]';

export async function run(args: string[]): Promise<number> {
	let values, positionals;
	try {
		({ values, positionals } = parseOptions(args, {
			types: { type: 'string' },
			max: { type: 'string' },
			o: { type: 'string', short: 'o' },
			out: { type: 'string' }
		}));
		if (positionals.length !== 1) throw new UsageError('give one article folder');
	} catch (e) {
		if (e instanceof UsageError) {
			console.error(`dalil draft: ${e.message}\n${USAGE}`);
			return 2;
		}
		throw e;
	}
	const dir = positionals[0];
	const articlePath = join(dir, 'article.md');
	if (!existsSync(articlePath)) {
		console.error(`dalil draft: ${articlePath} not found (an article is a folder with article.md)`);
		return 2;
	}
	const types = values.types
		?.split(',')
		.map((t) => t.trim())
		.filter(Boolean);
	const unknown = types?.filter((t) => !(QUESTION_TYPES as readonly string[]).includes(t)) ?? [];
	if (unknown.length > 0) {
		console.error(
			`dalil draft: unknown type ${unknown.join(', ')} (have: ${QUESTION_TYPES.join(', ')})`
		);
		return 2;
	}
	const max = values.max === undefined ? undefined : Number(values.max);
	if (max !== undefined && !(Number.isInteger(max) && max >= 0)) {
		console.error(`dalil draft: --max takes a whole number\n${USAGE}`);
		return 2;
	}
	const slug = basename(resolve(dir));
	let drafts;
	try {
		drafts = draftArticle(slug, readFileSync(articlePath, 'utf8'), { types, max });
	} catch (e) {
		console.error(`dalil draft: ${articlePath}: ${e instanceof Error ? e.message : String(e)}`);
		return 2;
	}
	const out = values.o ?? values.out ?? join(dir, 'drafts.yaml');
	const header = [
		`Drafts for ${slug}, made by \`dalil draft\`: every one passes \`dalil check --strict\`.`,
		'Review each one; move what you keep into questions.yaml (the server does not serve this file).'
	];
	writeFileSync(out, draftsYaml(drafts, header));
	const byRule = new Map<string, number>();
	for (const d of drafts) byRule.set(d.rule, (byRule.get(d.rule) ?? 0) + 1);
	console.error(
		`dalil draft: ${drafts.length} drafts written to ${out}` +
			(drafts.length ? ` (${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ')})` : '')
	);
	return 0;
}
