/**
 * The article a route names, or Kit's 404 page saying so in the interface language.
 */
import { error } from '@sveltejs/kit';
import type { LoadedArticle } from '../bank/check';
import { strings, type Locale } from '../i18n';
import { fmt } from '../quiz/format';
import { getBank } from './bank';

/**
 * The checked article with this slug; a 404 when the bank has none.
 * @param slug the route's `[slug]`
 * @param locale the interface language, for the message
 */
export function articleOr404(slug: string, locale: Locale): LoadedArticle {
	const article = getBank().articles.get(slug);
	if (!article) error(404, fmt(strings(locale).noArticle, { slug }));
	return article;
}
