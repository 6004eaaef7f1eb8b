/**
 * Generates a large bank for the benchmarks: the real articles and questions of ./questions,
 * copied into as many article folders as it takes to reach the count, with fresh ids, and one
 * question in a hundred broken (a quote that is not in the text) so the error path is measured too.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import type { ArticleSource } from '../../bank/check';
import { readBankDir } from '../bank';

const PER_ARTICLE = 100;

export interface GeneratedBank {
	/** the folder it was written to */
	dir: string;
	sources: ArticleSource[];
	/** every question as one JSON array, for the JSON.parse baseline */
	json: string;
	count: number;
}

/**
 * Writes a generated bank of `count` questions to a temporary folder.
 * @param count how many questions
 * @param from the real bank to copy from
 */
export function generateBank(count: number, from = 'questions'): GeneratedBank {
	const real = readBankDir(from).sources;
	const templates: { source: ArticleSource; questions: Record<string, unknown>[] }[] = real
		.map((source) => ({
			source,
			questions: source.banks.flatMap(
				(b) => (load(b.text) as { questions?: Record<string, unknown>[] })?.questions ?? []
			)
		}))
		.filter((t) => t.questions.length > 0);
	const dir = mkdtempSync(join(tmpdir(), 'dalil-bench-'));
	const sources: ArticleSource[] = [];
	const all: unknown[] = [];
	let made = 0;
	for (let copy = 0; made < count; copy++) {
		const t = templates[copy % templates.length];
		const slug = `${t.source.slug}-${copy}`;
		const questions = [];
		// About a hundred questions an article, as a well-used article's bank would have.
		for (let i = 0; i < PER_ARTICLE && made < count; i++) {
			const q = t.questions[i % t.questions.length];
			const round = Math.floor(i / t.questions.length);
			const clone: Record<string, unknown> = { ...q, id: `${String(q.id)}-${copy}-${round}` };
			if (clone.follows) clone.follows = `${String(clone.follows)}-${copy}-${round}`;
			if (made % 100 === 99) clone.evidence = 'نص لا يوجد في الفقرة';
			questions.push(clone);
			made++;
		}
		const bank = {
			path: join(dir, slug, 'questions.yaml'),
			// half the files in block style, half with flow lists and maps (`tags: [a, b]`), as
			// people write them
			text: dump({ questions }, { noRefs: true, lineWidth: -1, flowLevel: copy % 2 ? 3 : -1 })
		};
		mkdirSync(join(dir, slug));
		writeFileSync(join(dir, slug, 'article.md'), t.source.article.text);
		writeFileSync(bank.path, bank.text);
		sources.push({
			slug,
			article: { ...t.source.article, path: join(dir, slug, 'article.md') },
			banks: [bank]
		});
		all.push(...questions);
	}
	return { dir, sources, json: JSON.stringify(all), count: made };
}
