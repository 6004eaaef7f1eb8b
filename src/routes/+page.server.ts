import { strings } from '$lib/i18n';
import { getBank } from '$lib/server/bank';
import { db } from '$lib/server/db';
import { eachPublicArticle } from '$lib/server/secrecy';
import type { PageServerLoad } from './$types';

// A list of links: nothing to operate, so no JavaScript.
export const csr = false;

export const load: PageServerLoad = async ({ locals }) => {
	const bank = getBank();
	// counted as the public sees them: questions kept for assessment, or by an open test, are not
	const articles = await eachPublicArticle(db(), bank.articles.values());
	return {
		// strings as data: the string table of both languages stays out of the page's JavaScript
		t: strings(locals.locale),
		articles: articles.map((a) => ({
			slug: a.slug,
			title: a.title,
			translation: a.translation,
			language: a.language,
			direction: a.direction,
			date: a.date,
			paragraphs: a.paragraphs.length,
			questions: a.questions.length,
			failed: a.failed.length
		}))
	};
};
