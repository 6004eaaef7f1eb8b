import { strings } from '$lib/i18n';
import { articleDate } from '$lib/i18n/dates';
import { QUESTION_TYPES, SKILLS } from '$lib/bank/kinds';
import { LIMITS, RANGE_PATTERN } from '$lib/quiz/spec';
import { articleOr404 } from '$lib/server/articles';
import { db } from '$lib/server/db';
import { publicArticle } from '$lib/server/secrecy';
import type { PageServerLoad } from './$types';

// The text and a plain GET form that makes the quiz link: nothing to operate, so no JavaScript.
export const csr = false;

export const load: PageServerLoad = async ({ params, locals }) => {
	// the questions the public may take: none kept for assessment, none of an open test
	const article = await publicArticle(db(), articleOr404(params.slug, locals.locale));
	// The article only: questions (and their answer keys) stay on the server, the file name too.
	const { questions, failed, file: _file, date, ...text } = article;
	// The quiz builder offers the types and skills this article's questions have.
	const types = QUESTION_TYPES.filter((t) => questions.some((q) => q.type === t));
	const skills = SKILLS.filter((s) => questions.some((q) => q.skill === s));
	return {
		// strings as data: the string table of both languages stays out of the page's JavaScript
		t: strings(locals.locale),
		article: { ...text, date: articleDate(date, locals.locale) },
		questionCount: questions.length,
		failedCount: failed.length,
		// the limits the link's parser holds to, for the browser to check before sending
		builder: { types, skills, rangePattern: RANGE_PATTERN, limits: LIMITS }
	};
};
