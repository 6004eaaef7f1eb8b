/**
 * What the results page of a submitted attempt shows: each question with the student's answer and
 * its feedback, the score and its breakdown by skill, and links to retry the missed questions or
 * take another version.
 */
import type { LoadedArticle } from '../bank/check';
import { strings, type Locale } from '../i18n';
import type { Attempt } from '../quiz/attempts';
import { describeResponse, feedbackView, summarize } from '../quiz/results';
import { quizStrings } from '../quiz/strings';
import { questionOf } from '../quiz/take';
import { studentView } from '../quiz/view';

/** The spec parameters that pick questions: a retry names its questions instead. */
const PICKING = ['n', 'types', 'skills', 'difficulty', 'paragraphs'];

/**
 * The results page's data.
 * @param article the checked article
 * @param attempt the attempt
 * @param submitted its submission
 * @param locale the interface language
 */
export function resultsPageData(
	article: LoadedArticle,
	attempt: Attempt,
	submitted: NonNullable<Attempt['submitted']>,
	locale: Locale
) {
	const t = strings(locale);
	const trueFalse: [string, string] = [t.answerTrue, t.answerFalse];
	const query = new URLSearchParams(attempt.query);
	const seed = query.get('seed') ?? '';
	const questions = attempt.ids.flatMap((id) => {
		const q = questionOf(article, id);
		if (!q) return [];
		const view = studentView(q, seed, article);
		const given = describeResponse(attempt.answers[id], view, article.paragraphs, trueFalse);
		const feedback = feedbackView(
			q,
			submitted.results[id],
			article.paragraphs,
			trueFalse,
			given,
			attempt.answers[id]
		);
		return [{ id, prompt: q.prompt, skill: q.skill, type: q.type, feedback }];
	});
	const summary = summarize(
		questions.map((x) => ({ id: x.id, skill: x.skill, score: x.feedback.score }))
	);
	const retry = new URLSearchParams(query);
	for (const k of PICKING) retry.delete(k);
	retry.set('ids', summary.missed.join(','));
	const another = new URLSearchParams(query);
	another.delete('seed');
	return {
		t: quizStrings(locale),
		article: {
			slug: article.slug,
			title: article.title,
			language: article.language,
			direction: article.direction
		},
		mode: query.get('mode') ?? 'practice',
		questions,
		summary,
		seconds: Math.round((submitted.at - attempt.startedAt) / 1000),
		late: submitted.late,
		retry: summary.missed.length ? `/quiz/${article.slug}?${retry}` : null,
		another: `/quiz/${article.slug}?${another}`
	};
}
