/** The article fields exports need, taken from a loaded article. */
import type { LoadedArticle } from '../bank/check';
import type { ExportArticle } from './types';

/**
 * The article of a loaded bank, as exports take it (no questions or file path).
 * @param a a loaded article
 */
export function exportArticle(a: LoadedArticle): ExportArticle {
	const { slug, title, translation, language, direction, source, date, attribution, paragraphs } =
		a;
	return { slug, title, translation, language, direction, source, date, attribution, paragraphs };
}

/**
 * Every article of a loaded bank, by slug, as exports take them.
 * @param articles the loaded articles
 */
export function exportArticles(articles: LoadedArticle[]): Map<string, ExportArticle> {
	return new Map(articles.map((a) => [a.slug, exportArticle(a)]));
}
