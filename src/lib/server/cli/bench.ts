/**
 * `dalil bench [--json] [--only NAME]`: prints each figure beside a baseline measured in the same
 * run, as a table or (with --json) as one JSON array of {name, value, unit, baseline, ratio, target}.
 */
import { suites } from '../bench/index';
import type { Figure } from '../bench/types';
import { parseOptions } from './args';

export async function run(args: string[]): Promise<number> {
	const { values } = parseOptions(args, {
		json: { type: 'boolean' },
		only: { type: 'string', multiple: true }
	});
	const chosen = values.only ? suites.filter((s) => values.only!.includes(s.name)) : suites;
	if (chosen.length === 0) {
		console.error(
			`dalil bench: no suite named ${values.only?.join(', ')} (have: ${suites.map((s) => s.name).join(', ')})`
		);
		return 2;
	}
	const figures: Figure[] = [];
	for (const suite of chosen) {
		if (!values.json) console.error(`measuring ${suite.name}…`);
		figures.push(...(await suite.run()));
	}
	if (values.json) {
		console.log(JSON.stringify(figures, null, 2));
		return 0;
	}
	const rows = figures.map((f) => [
		f.name,
		`${f.value} ${f.unit}`,
		f.baseline === null ? '' : `${f.baseline} ${f.unit}`,
		f.ratio === null ? '' : `×${f.ratio}`,
		f.target
	]);
	const head = ['figure', 'value', 'baseline', 'ratio', 'target'];
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
	console.log([line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
	return 0;
}
