import { error } from '@sveltejs/kit';
import { getBank } from '$lib/server/bank';
import { strings } from '$lib/i18n';
import { quizStrings } from '$lib/quiz/strings';
import { describeResponse, feedbackView, summarize } from '$lib/quiz/results';
import { attempts, questionOf } from '$lib/quiz/take';
import { studentView } from '$lib/quiz/view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const article = getBank().articles.get(params.slug);
	if (!article) error(404, `No article named ${params.slug}`);
	const attempt = attempts.get(params.attempt);
	const t = strings(locals.locale);
	// Results are kept in memory for a day; an old link says so rather than crash.
	if (!attempt || attempt.slug !== article.slug || !attempt.submitted) {
		error(404, t.quiz.resultsGone);
	}
	const tf: [string, string] = [t.exportTrue, t.exportFalse];
	const query = new URLSearchParams(attempt.query);
	const seed = query.get('seed') ?? '';
	const questions = attempt.ids.flatMap((id) => {
		const q = questionOf(article, id);
		if (!q) return [];
		const view = studentView(q, seed, article);
		const result = attempt.submitted!.results[id];
		const given = describeResponse(attempt.answers[id], view, article.paragraphs, tf);
		return [
			{
				id,
				prompt: q.prompt,
				skill: q.skill,
				type: q.type,
				feedback: feedbackView(q, result, article.paragraphs, tf, given)
			}
		];
	});
	const summary = summarize(
		questions.map((x) => ({ id: x.id, skill: x.skill, score: x.feedback.score }))
	);
	const retry = new URLSearchParams(query);
	for (const k of ['n', 'types', 'skills', 'difficulty', 'paragraphs']) retry.delete(k);
	retry.set('ids', summary.missed.join(','));
	const another = new URLSearchParams(query);
	another.delete('seed');
	return {
		t: quizStrings(locals.locale),
		article: {
			slug: article.slug,
			title: article.title,
			language: article.language,
			direction: article.direction
		},
		mode: query.get('mode') ?? 'practice',
		questions,
		summary,
		seconds: Math.round((attempt.submitted.at - attempt.startedAt) / 1000),
		late: attempt.submitted.late,
		retry: summary.missed.length ? `/quiz/${article.slug}?${retry}` : null,
		another: `/quiz/${article.slug}?${another}`
	};
};
