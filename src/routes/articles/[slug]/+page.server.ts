import { error } from '@sveltejs/kit';
import { getBank } from '$lib/server/bank';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const article = getBank().articles.get(params.slug);
	if (!article) error(404, `No article named ${params.slug}`);
	// The article only: questions (and their answer keys) stay on the server.
	const { questions, failed, file: _file, ...text } = article;
	return { article: text, questionCount: questions.length, failedCount: failed.length };
};
