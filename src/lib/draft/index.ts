/**
 * `dalil draft`: reads an article and proposes questions in the bank's own format, each made by a
 * named rule, each with students' likely answers and their verdicts, and each proven by the same
 * check as a hand-written question. No model and no network: the text module's knowledge of
 * numbers, units, directions, names, titles, months and quotes, turned around.
 */
import { parseArticle } from '../bank/article';
import { DRAFT_RULES, type Draft, type DraftRule } from './draft';
import { findEntities } from './entities';
import { proveDrafts } from './prove';
import { distanceDrafts } from './rules/distance';
import { nameClozes, numberClozes } from './rules/cloze';
import { meetingDrafts, peopleDrafts, speakerDrafts } from './rules/people';
import { truefalseDrafts } from './rules/truefalse';
import { orderingDrafts } from './rules/ordering';
import { completionDrafts } from './rules/completion';
import { readArticle } from './text';

export { DRAFT_RULES, type Draft, type DraftRule } from './draft';
export { draftsYaml } from './yaml';

/** Options of a drafting run. */
export interface DraftOptions {
	/** only these question types (single, numeric, cloze, …) */
	types?: string[];
	/** at most this many drafts */
	max?: number;
}

/**
 * Drafts questions for an article, every one proven by the check.
 * @param slug the article's folder name
 * @param articleText the text of its article.md
 * @param options types and count
 * @throws Error when the article cannot be read
 */
export function draftArticle(
	slug: string,
	articleText: string,
	options: DraftOptions = {}
): Draft[] {
	const { article, diagnostics } = parseArticle(slug, {
		path: `${slug}/article.md`,
		text: articleText
	});
	if (!article) throw new Error(diagnostics.map((d) => d.message).join('; '));
	const a = readArticle(article);
	const e = findEntities(a);
	const asked = new Set(e.distances.map((d) => `${d.n.p.id}:${d.n.number.first}`));
	let drafts: Draft[] = [
		...meetingDrafts(a, e),
		...distanceDrafts(a, e),
		...peopleDrafts(a, e),
		...speakerDrafts(a, e),
		...numberClozes(a, e, asked),
		...nameClozes(a, e),
		...truefalseDrafts(a, e),
		...orderingDrafts(a),
		...completionDrafts(a, e)
	];
	drafts = uniqueIds(drafts, idPrefix(slug));
	if (options.types) drafts = drafts.filter((d) => options.types!.includes(d.question.type));
	drafts = proveDrafts(slug, articleText, drafts);
	if (options.max !== undefined) drafts = spread(drafts, options.max);
	return drafts;
}

/** The start of every draft id of an article: ids are unique across the whole bank. */
function idPrefix(slug: string): string {
	return slug.split('-').slice(0, 2).join('-').slice(0, 30);
}

/** Ids prefixed with the article's, made unique by a counter, in order. */
function uniqueIds(drafts: Draft[], prefix: string): Draft[] {
	const seen = new Map<string, number>();
	return drafts.map((d) => {
		const id = `${prefix}-${d.question.id}`.slice(0, 76).replace(/-+$/, '');
		const n = seen.get(id) ?? 0;
		seen.set(id, n + 1);
		return { ...d, question: { ...d.question, id: n === 0 ? id : `${id}-${n + 1}` } };
	});
}

/** At most `max` drafts, taken round the rules so each rule is seen. */
function spread(drafts: Draft[], max: number): Draft[] {
	const byRule = new Map<DraftRule, Draft[]>();
	for (const d of drafts) byRule.set(d.rule, [...(byRule.get(d.rule) ?? []), d]);
	const out: Draft[] = [];
	while (out.length < Math.min(max, drafts.length)) {
		for (const list of byRule.values()) {
			const d = list.shift();
			if (d && out.length < max) out.push(d);
		}
	}
	return drafts.filter((d) => out.includes(d));
}

void DRAFT_RULES;
