import { getBank } from '$lib/server/bank';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const bank = getBank();
	return {
		articles: bank.result.articles.map((a) => ({
			slug: a.slug,
			title: a.title,
			language: a.language,
			direction: a.direction,
			proven: a.questions.length,
			failed: a.failed
		})),
		warnings: bank.result.diagnostics.filter((d) => d.severity === 'warning'),
		unreadable: bank.result.diagnostics.filter((d) => d.severity === 'error' && !d.questionId)
	};
};
