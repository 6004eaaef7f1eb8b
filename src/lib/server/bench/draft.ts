/**
 * Bench figures of `dalil draft`: drafting the seed article (12 paragraphs), every draft proven by
 * the check, beside reading the same article (the file read and parsed into paragraphs).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from '../../bank/article';
import { draftArticle } from '../../draft/index';
import { figure, medianMs } from './measure';
import type { Suite } from './types';

const SLUG = 'sarraj-africom-zuwara';

export const draftSuite: Suite = {
	name: 'draft',
	async run() {
		const path = join('questions', SLUG, 'article.md');
		const readArticle = () => parseArticle(SLUG, { path, text: readFileSync(path, 'utf8') });
		const paragraphs = readArticle().article?.paragraphs.length ?? 0;
		let count = 0;
		const reading = await medianMs(readArticle);
		const drafting = await medianMs(() => {
			count = draftArticle(SLUG, readFileSync(path, 'utf8')).length;
		});
		return [
			figure(
				`draft a ${paragraphs}-paragraph article (${count} drafts, each proven by the check)`,
				drafting,
				'ms',
				reading,
				'≤ 1000 ms'
			)
		];
	}
};
