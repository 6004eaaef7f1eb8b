/**
 * drafts.yaml: the drafts as a bank file, each under a comment naming the rule that made it.
 */
import { dump } from 'js-yaml';
import type { Draft } from './draft';

/** The question of a draft as the bank file holds it, with its fact. */
export function draftQuestion(d: Draft) {
	const q = d.question as Record<string, unknown> & { tags?: string[] };
	// the order a person reads a question in: what is asked, the key, then why
	const order = [
		'id',
		'type',
		'paragraph',
		'prompt',
		'translation',
		'text',
		'evidence',
		'answer',
		'correction',
		'distractors',
		'pairs',
		'items',
		'scoring',
		'explanation',
		'skill',
		'difficulty'
	];
	const out: Record<string, unknown> = {};
	for (const k of order) if (q[k] !== undefined) out[k] = q[k];
	for (const [k, v] of Object.entries(q))
		if (!(k in out) && k !== 'tags' && k !== 'examples' && v !== undefined) out[k] = v;
	out.tags = [...new Set(['draft', d.rule, ...(q.tags ?? [])])];
	out.fact = d.fact;
	if (q.examples) out.examples = q.examples;
	return out;
}

/**
 * The text of a drafts file.
 * @param drafts the drafts
 * @param header comment lines for the top of the file
 */
export function draftsYaml(drafts: Draft[], header: string[] = []): string {
	const lines = [
		'# yaml-language-server: $schema=../../schema/bank.schema.json',
		...header.map((h) => `# ${h}`),
		'questions:'
	];
	if (drafts.length === 0) return lines.slice(0, -1).join('\n') + '\nquestions: []\n';
	for (const d of drafts) {
		const item = dump([draftQuestion(d)], { lineWidth: 100, noRefs: true, flowLevel: 3 });
		lines.push('', `  # rule: ${d.rule} — ${d.why.replace(/\s+/g, ' ')}`);
		lines.push(
			...item
				.trimEnd()
				.split('\n')
				.map((l) => `  ${l}`)
		);
	}
	return lines.join('\n') + '\n';
}

/**
 * The same bank file as JSON (which YAML reads as it is): what the drafter checks before writing.
 * @param drafts the drafts
 */
export function draftsJson(drafts: Draft[]): string {
	return JSON.stringify({ questions: drafts.map(draftQuestion) }, null, 1);
}
