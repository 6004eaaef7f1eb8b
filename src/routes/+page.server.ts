import { getBank } from '$lib/server/bank';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const bank = getBank();
	return {
		articles: [...bank.articles.values()].map((a) => ({
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
