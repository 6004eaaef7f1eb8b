import { failedViews } from '$lib/bank/check';
import { strings } from '$lib/i18n';
import { getBank } from '$lib/server/bank';
import type { PageServerLoad } from './$types';

// A report with nothing to operate: rendered on the server only, no JavaScript.
export const csr = false;

export const load: PageServerLoad = ({ locals }) => {
	const bank = getBank();
	return {
		// strings as data: the string table of both languages stays out of the page's JavaScript
		t: strings(locals.locale),
		articles: bank.result.articles.map((a) => ({
			slug: a.slug,
			title: a.title,
			language: a.language,
			direction: a.direction,
			proven: a.questions.length,
			failed: failedViews(a)
		})),
		warnings: bank.result.diagnostics.filter((d) => d.severity === 'warning'),
		unreadable: bank.result.diagnostics.filter((d) => d.severity === 'error' && !d.questionId)
	};
};
