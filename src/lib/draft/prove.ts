/**
 * Every draft proven by the bank's own check, strictly: drafts are written as a bank file and
 * checked with the article (grounding, examples graded by the real grader, the item-writing
 * check). Before that, what the check would refuse is mended: an example the grader disagrees
 * with is dropped, and two drafts that give each other away share their fact. A draft the check
 * still refuses is left out. What comes back passes `dalil check --strict`.
 */
import { parseArticle } from '../bank/article';
import { checkBank, strictResult } from '../bank/check';
import type { Diagnostic } from '../bank/diagnostics';
import { exampleFindings } from '../bank/examples';
import { itemFindings } from '../bank/item-check';
import { question as questionSchema, type Question } from '../bank/schema';
import { sameFact, type Draft } from './draft';
import { draftQuestion, draftsJson } from './yaml';

/** How many rounds of fact-sharing before the check has the last word. */
const ROUNDS = 8;

/**
 * The drafts that pass the check, mended where they can be.
 * @param slug the article's folder name
 * @param articleText the text of article.md
 * @param drafts the drafts
 */
export function proveDrafts(slug: string, articleText: string, drafts: Draft[]): Draft[] {
	const parsedArticle = parseArticle(slug, {
		path: `${slug}/article.md`,
		text: articleText
	}).article;
	if (!parsedArticle) return [];
	const paragraphs = parsedArticle.paragraphs;
	// the schema first: a draft it refuses is a bug of its rule, and left out
	const kept: { d: Draft; q: Question }[] = [];
	for (const d of drafts) {
		const parsed = questionSchema.safeParse(draftQuestion(d));
		if (parsed.success) kept.push({ d: { ...d, question: { ...d.question } }, q: parsed.data });
	}
	// examples the real grader disagrees with are dropped
	for (const k of kept) {
		const bad = new Set(exampleFindings(k.q, { paragraphs }).map((f) => Number(f.path[1])));
		const examples = k.d.question.examples;
		if (bad.size > 0 && examples) {
			const good = examples.filter((_, i) => !bad.has(i));
			if (good.length > 0) k.d.question.examples = good;
			else delete k.d.question.examples;
		}
	}
	// drafts that ask the same fact share it
	for (const [i, a] of kept.entries()) {
		for (const b of kept.slice(i + 1)) if (sameFact(a.d, b.d)) merge(kept, a.d.fact, b.d.fact);
	}
	// drafts that leak each other's answers, or ask nearly the same, share a fact
	for (let round = 0; round < ROUNDS; round++) {
		const questions = kept.map((k) => ({ ...k.q, fact: k.d.fact }));
		const findings = itemFindings(questions, paragraphs).filter(
			(f) => f.rule === 'leak' || f.rule === 'near-duplicate-prompt'
		);
		let merged = false;
		for (const f of findings) {
			const other = /(?:which answers|nearly that of) ([a-z0-9-]+)/.exec(f.message)?.[1];
			const a = kept.find((k) => k.d.question.id === f.questionId);
			const b = kept.find((k) => k.d.question.id === other);
			if (a && b && a.d.fact !== b.d.fact) {
				merge(kept, a.d.fact, b.d.fact);
				merged = true;
			}
		}
		if (!merged) break;
	}
	// the check has the last word: what it refuses is left out, and the rest checked again
	let out = kept.map((k) => k.d);
	for (let round = 0; round < 3; round++) {
		const errors = check(slug, articleText, out);
		if (errors.length === 0) return out;
		const failing = new Set(errors.map((e) => e.questionId));
		if (errors.some((e) => !e.questionId))
			throw new Error(`drafts of ${slug}: ${errors[0].message}`);
		out = out.filter((d) => !failing.has(d.question.id));
	}
	return check(slug, articleText, out).length === 0 ? out : [];
}

/**
 * The errors of `dalil check --strict` on drafts of one article, checked alone with it.
 * @param slug the article's folder name
 * @param articleText the text of article.md
 * @param drafts the drafts
 */
export function check(slug: string, articleText: string, drafts: Draft[]): Diagnostic[] {
	const result = strictResult(
		checkBank([
			{
				slug,
				article: { path: `${slug}/article.md`, text: articleText },
				// JSON is YAML: the same questions as drafts.yaml holds, read faster
				banks: [{ path: `${slug}/drafts.yaml`, text: draftsJson(drafts) }]
			}
		])
	);
	return result.diagnostics.filter((d) => d.severity === 'error');
}

/** Every draft of fact `b` now asks fact `a`. */
function merge(kept: { d: Draft }[], a: string, b: string) {
	if (a === b) return;
	for (const k of kept) if (k.d.fact === b) k.d.fact = a;
}
