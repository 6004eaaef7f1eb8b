import { strings } from '$lib/i18n';
import { error } from '@sveltejs/kit';
import { getBank } from '$lib/server/bank';
import { QUESTION_TYPES, SKILLS } from '$lib/bank/kinds';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const article = getBank().articles.get(params.slug);
	if (!article) error(404, `No article named ${params.slug}`);
	// The article only: questions (and their answer keys) stay on the server.
	const { questions, failed, file: _file, ...text } = article;
	// The quiz builder offers the types and skills this article's questions have.
	const types = QUESTION_TYPES.filter((t) => questions.some((q) => q.type === t));
	const skills = SKILLS.filter((s) => questions.some((q) => q.skill === s));
	return {
		// strings as data: the string table of both languages stays out of the page's JavaScript
		t: strings(locals.locale),
		article: text,
		questionCount: questions.length,
		failedCount: failed.length,
		builder: { types, skills }
	};
};
