/**
 * For the export specs that run over the whole bank: the real bank read from disk (server code, so
 * it lives here and not beside the export modules, which stay free of it).
 */
import type { BankQuestion } from '../bank/check';
import { exportArticles } from '../export/article';
import type { ExportInput } from '../export/types';
import { loadBank } from './bank';

/**
 * The real bank (./questions), every proven question of every article, as export input.
 * @param dir the bank folder
 */
export function bankInput(dir = 'questions'): ExportInput {
	const result = loadBank(dir);
	const questions: BankQuestion[] = result.articles.flatMap((a) => a.questions);
	return { questions, articles: exportArticles(result.articles) };
}

/** The bank's Arabic article the export specs check right-to-left output on (the seed article). */
export const ARABIC_SLUG = 'sarraj-africom-zuwara';

/**
 * One article of the real bank with its proven questions, as export input: the export specs' check
 * of Arabic output (direction, labels, letters), which the English fixture article cannot give.
 * @param slug the article
 * @param dir the bank folder
 */
export function bankArticleInput(slug = ARABIC_SLUG, dir = 'questions'): ExportInput {
	const article = loadBank(dir).articles.find((a) => a.slug === slug);
	if (!article) throw new Error(`no article ${slug} in ${dir}`);
	return { questions: article.questions, articles: exportArticles([article]) };
}
