import { fail, redirect, type Cookies } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { MAX_ANSWER_LENGTH } from '$lib/grading/response';
import { strings, type Locale } from '$lib/i18n';
import { articleDate } from '$lib/i18n/dates';
import { newSeed } from '$lib/quiz/random';
import { articleOr404 } from '$lib/server/articles';
import { anonymousLimits } from '$lib/server/attempts';
import { db } from '$lib/server/db';
import { limitAttempt } from '$lib/server/forms';
import { quizRateLimit, type QuizAction } from '$lib/server/rate-limit';
import { publicArticle } from '$lib/server/secrecy';
import {
	attemptCookie,
	attemptCookieOptions,
	checkAnswer,
	clientOf,
	findAttempt,
	quizPageData,
	refusal,
	saveAnswers,
	startAttempt,
	submitAttempt
} from '$lib/server/quiz';
import { quizLink } from '$lib/server/quizzes';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ params, url, cookies, locals, getClientAddress }) => {
	const article = await publicArticle(db(), articleOr404(params.slug, locals.locale));
	const link = quizLink(article, url);
	if (!link.spec.seed) {
		// A link without a seed gets one, so the quiz it shows can be shared and reloaded.
		const next = new URL(url);
		next.searchParams.set('seed', newSeed());
		redirect(303, next.pathname + next.search);
	}
	const query = link.page().query;
	const client = clientOf(cookies, url, getClientAddress(), false);
	const attempt = await findAttempt(db(), client, article.slug, link.page(), [
		cookies.get(attemptCookie(article.slug, query))
	]);
	return {
		...quizPageData(article, link, attempt, locals.locale),
		// the article's own credit line, as the reader of the text expects it
		credit: { source: article.source, date: articleDate(article.date, locals.locale) },
		// the grader's limit, which the form's text inputs hold to
		maxAnswer: MAX_ANSWER_LENGTH,
		// a signed-in teacher gets the link that gives everyone these questions in this order
		share: locals.user ? `${url.pathname}?${query}` : null
	};
};

/** Where a quiz's finished attempt is shown. */
const resultsOf = (slug: string, attemptId: string) => `/quiz/${slug}/results/${attemptId}`;

/**
 * Counts the post against its action's limit per client address (stored in the database, so it
 * holds across processes): a 429 with the message when over it, else null.
 */
const limited = (event: RequestEvent, action: QuizAction) =>
	limitAttempt(event, `quiz-${action}`, event.getClientAddress(), quizRateLimit(env, action));

/**
 * Saves a post's answers, the way every action of the page starts. The attempt's cookie is set,
 * unless the post ends the attempt (`final`) and is taken: its caller then deletes it.
 */
async function save(event: RequestEvent, final = false) {
	const { request, url, params, cookies, locals } = event;
	const t = strings(locals.locale).quiz;
	const article = await publicArticle(db(), articleOr404(params.slug, locals.locale));
	const link = quizLink(article, url);
	if (!link.spec.seed) return { article, failure: fail(400, refusal(t.noSeed)) };
	// A body that is not a form was refused before any action ran (hooks.server.ts).
	const form = await request.formData();
	const page = link.page();
	const cookie = attemptCookie(article.slug, page.query);
	const fromForm = form.get('_attempt');
	const client = clientOf(cookies, url, event.getClientAddress(), true);
	const attempt = await findAttempt(db(), client, article.slug, page, [
		typeof fromForm === 'string' ? fromForm : null,
		cookies.get(cookie)
	]);
	const outcome = await saveAnswers({
		db: db(),
		client,
		slug: article.slug,
		link,
		attempt,
		form,
		locale: locals.locale,
		final,
		limits: anonymousLimits(env)
	});
	if (outcome.kind === 'closed') redirect(303, resultsOf(article.slug, outcome.attempt.id));
	if (outcome.kind === 'full') return { article, failure: fail(429, outcome.refusal) };
	if (outcome.kind === 'refused') {
		setCookie(cookies, cookie, outcome.attempt?.id, article.slug, url);
		return { article, failure: fail(400, outcome.refusal) };
	}
	// A cookie set only to be deleted by the same response would be work for nothing.
	if (!final) setCookie(cookies, cookie, outcome.attempt.id, article.slug, url);
	return { article, link, form, attempt: outcome.attempt, cookie };
}

function setCookie(cookies: Cookies, name: string, id: string | undefined, slug: string, url: URL) {
	if (id) cookies.set(name, id, attemptCookieOptions(slug, url.protocol === 'https:'));
}

/** The test's own message when a test is asked to check one question. */
const testChecked = (locale: Locale) => refusal(strings(locale).quiz.testChecked);

export const actions: Actions = {
	start: async (event) => {
		const { url, params, cookies, locals } = event;
		const article = await publicArticle(db(), articleOr404(params.slug, locals.locale));
		const link = quizLink(article, url);
		if (!link.spec.seed) return fail(400, refusal(strings(locals.locale).quiz.noSeed));
		const over = await limited(event, 'start');
		if (over) return over;
		const page = link.page();
		const cookie = attemptCookie(article.slug, page.query);
		const client = clientOf(cookies, url, event.getClientAddress(), true);
		// The client's open attempt is resumed, deadline and all: starting again never resets it.
		const attempt = await startAttempt(
			db(),
			client,
			article.slug,
			link,
			Date.now(),
			anonymousLimits(env)
		);
		if (attempt === 'address-full') {
			return fail(429, refusal(strings(locals.locale).quiz.addressFull));
		}
		setCookie(cookies, cookie, attempt.id, article.slug, url);
		redirect(303, `${url.pathname}?${page.query}`);
	},

	save: async (event) => {
		const over = await limited(event, 'save');
		if (over) return over;
		const saved = await save(event);
		if ('failure' in saved) return saved.failure;
		return { saved: true };
	},

	check: async (event) => {
		const over = await limited(event, 'check');
		if (over) return over;
		const saved = await save(event);
		if ('failure' in saved) return saved.failure;
		if (saved.link.spec.mode !== 'practice') return fail(400, testChecked(event.locals.locale));
		const id = saved.form.get('_check');
		if (typeof id !== 'string') return { checked: null, empty: false };
		await checkAnswer(db(), saved.article, saved.attempt, id);
		// nothing to check: the page says "answer first" at the question, as /study does
		return { checked: id, empty: saved.attempt.answers[id] === undefined };
	},

	submit: async (event) => {
		const over = await limited(event, 'submit');
		if (over) return over;
		const saved = await save(event, true);
		if ('failure' in saved) return saved.failure;
		await submitAttempt(db(), saved.article, saved.attempt);
		// Deleted if the browser has it: a post without it (no JavaScript, nothing saved before)
		// leaves nothing to delete.
		const { cookies, url, params } = event;
		if (cookies.get(saved.cookie) !== undefined) {
			cookies.delete(saved.cookie, attemptCookieOptions(params.slug, url.protocol === 'https:'));
		}
		redirect(303, resultsOf(saved.article.slug, saved.attempt.id));
	}
};
