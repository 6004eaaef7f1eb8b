/**
 * The quiz page's work (/quiz/[slug]): its load, and its four posts (start, save, check, submit),
 * each one rate-limited transaction whose redirects are thrown after the commit. The attempts
 * themselves are quiz.ts's.
 */
import { fail, redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { env } from '$env/dynamic/private';
import { MAX_ANSWER_LENGTH } from '$lib/grading/response';
import { strings, type Locale } from '$lib/i18n';
import { articleDate } from '$lib/i18n/dates';
import { newSeed } from '$lib/quiz/random';
import { articleOr404 } from './articles';
import { anonymousLimits } from './attempts';
import { db, type Database } from './db';
import { limitAttempt } from './forms';
import { quizRateLimit, type QuizAction } from './rate-limit';
import { publicArticle } from './secrecy';
import {
	attemptCookie,
	attemptCookieOptions,
	clientOf,
	findAttempt,
	quizPageData,
	refusal,
	saveAnswers,
	startAttempt,
	submitAttempt,
	type SaveOutcome
} from './quiz';
import { quizLink } from './quizzes';

/** A request to the quiz page. */
export type QuizEvent = RequestEvent<{ slug: string }, '/quiz/[slug]'>;

/**
 * The quiz page's data: the questions of the link (given a seed first, by a redirect), the
 * client's attempt at them, and what the page shows around them.
 */
export async function quizPage(event: QuizEvent) {
	const { params, url, cookies, locals } = event;
	const article = await publicArticle(db(), articleOr404(params.slug, locals.locale));
	const link = quizLink(article, url);
	if (!link.spec.seed) {
		// A link without a seed gets one, so the quiz it shows can be shared and reloaded.
		const next = new URL(url);
		next.searchParams.set('seed', newSeed());
		redirect(303, next.pathname + next.search);
	}
	const query = link.page().query;
	const client = clientOf(cookies, url, event.getClientAddress(), false);
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
}

/**
 * Starts the client's attempt at the link's questions, or resumes its open one (deadline and all:
 * starting again never resets it), and goes back to the quiz with the attempt's cookie set.
 */
export async function startQuiz(event: QuizEvent) {
	const prepared = await prepare(event, false);
	if ('failure' in prepared) return counted(event, 'start', prepared.failure);
	const { article, link, client, cookie } = prepared;
	const { url, cookies, locals } = event;
	const started = await limitedWork(event, 'start', (trx) =>
		startAttempt(trx, client, article.slug, link, Date.now(), anonymousLimits(env))
	);
	if ('limited' in started) return started.limited;
	const attempt = started.done;
	if (attempt === 'address-full') {
		return fail(429, refusal(strings(locals.locale).quiz.addressFull));
	}
	setCookie(cookies, cookie, attempt.id, article.slug, url);
	redirect(303, `${url.pathname}?${link.page().query}`);
}

/** Saves the posted answers into the client's attempt (started by the save if need be). */
export async function saveQuiz(event: QuizEvent) {
	const prepared = await prepare(event, true);
	if ('failure' in prepared) return counted(event, 'save', prepared.failure);
	const outcome = await limitedWork(event, 'save', (trx) => saveIn(trx, event, prepared, false));
	if ('limited' in outcome) return outcome.limited;
	const saved = afterSave(event, prepared, outcome.done, false);
	if ('failure' in saved) return saved.failure;
	return { saved: true };
}

/**
 * Saves the posted answers and checks the question the form names (`_check`), in practice only:
 * the question checked, and whether it had no answer to check.
 */
export async function checkQuiz(event: QuizEvent) {
	const prepared = await prepare(event, true);
	if ('failure' in prepared) return counted(event, 'check', prepared.failure);
	const id = prepared.form.get('_check');
	// the check is graded and kept with the answers, in the same transaction
	const outcome = await limitedWork(event, 'check', (trx) =>
		saveIn(trx, event, prepared, false, typeof id === 'string' ? id : undefined)
	);
	if ('limited' in outcome) return outcome.limited;
	const saved = afterSave(event, prepared, outcome.done, false);
	if ('failure' in saved) return saved.failure;
	if (prepared.link.spec.mode !== 'practice') return fail(400, testChecked(event.locals.locale));
	if (typeof id !== 'string') return { checked: null, empty: false };
	// nothing to check: the page says "answer first" at the question, as /study does
	return { checked: id, empty: saved.attempt.answers[id] === undefined };
}

/**
 * Saves the posted answers and submits the attempt (graded), then goes to its results with the
 * attempt's cookie deleted.
 */
export async function submitQuiz(event: QuizEvent) {
	const prepared = await prepare(event, true);
	if ('failure' in prepared) return counted(event, 'submit', prepared.failure);
	// The answers, the attempt (when the post starts it) and the grades: one transaction,
	// committed before the answer.
	const outcome = await limitedWork(event, 'submit', async (trx) => {
		const saved = await saveIn(trx, event, prepared, true);
		if (saved.kind === 'saved') await submitAttempt(trx, prepared.article, saved.attempt);
		return saved;
	});
	if ('limited' in outcome) return outcome.limited;
	const saved = afterSave(event, prepared, outcome.done, true);
	if ('failure' in saved) return saved.failure;
	// Deleted if the browser has it: a post without it (no JavaScript, nothing saved before)
	// leaves nothing to delete.
	const { cookies, url, params } = event;
	if (cookies.get(prepared.cookie) !== undefined) {
		cookies.delete(prepared.cookie, attemptCookieOptions(params.slug, url.protocol === 'https:'));
	}
	redirect(303, resultsOf(prepared.article.slug, saved.attempt.id));
}

/** Where a quiz's finished attempt is shown. */
const resultsOf = (slug: string, attemptId: string) => `/quiz/${slug}/results/${attemptId}`;

/**
 * What a post reads before its transaction (a slow body must not hold the database): the article,
 * the quiz, the form, the client (given a cookie if it has none) and the attempt cookie's name;
 * or the failure of a link without a seed.
 */
async function prepare(event: QuizEvent, readForm: boolean) {
	const { request, url, params, cookies, locals } = event;
	const article = await publicArticle(db(), articleOr404(params.slug, locals.locale));
	const link = quizLink(article, url);
	if (!link.spec.seed) return { failure: fail(400, refusal(strings(locals.locale).quiz.noSeed)) };
	// A body that is not a form was refused before any action ran (hooks.server.ts).
	const form = readForm ? await request.formData() : new FormData();
	const client = clientOf(cookies, url, event.getClientAddress(), true);
	const cookie = attemptCookie(article.slug, link.page().query);
	return { article, link, form, client, cookie };
}

type Prepared = Exclude<Awaited<ReturnType<typeof prepare>>, { failure: unknown }>;

/**
 * Runs a post's work in one transaction with its action's rate limit per client address (stored
 * in the database, so it holds across processes): the count and the work commit together, once.
 * Over the limit, a 429 with the message, and only the count is kept. The work returns what to
 * answer: redirects are thrown after the commit, never inside the transaction (it would roll back).
 */
async function limitedWork<T>(
	event: QuizEvent,
	action: QuizAction,
	work: (trx: Kysely<Database>) => Promise<T>
) {
	return db()
		.transaction()
		.execute(async (trx) => {
			const address = event.getClientAddress();
			const rule = quizRateLimit(env, action);
			const limited = await limitAttempt(event, `quiz-${action}`, address, rule, trx);
			return limited ? { limited } : { done: await work(trx) };
		});
}

/** A refused post, counted against its action's limit all the same (a 429 when over it). */
async function counted<F>(event: QuizEvent, action: QuizAction, failure: F) {
	const result = await limitedWork(event, action, async () => failure);
	return 'limited' in result ? result.limited : result.done;
}

/**
 * Saves a post's answers in the transaction, the way every action but start does: into the
 * client's attempt (the form's, the cookie's, else its open one), or a new one.
 */
async function saveIn(
	trx: Kysely<Database>,
	event: QuizEvent,
	{ article, link, form, client, cookie }: Prepared,
	final: boolean,
	check?: string
): Promise<SaveOutcome> {
	const fromForm = form.get('_attempt');
	const named = typeof fromForm === 'string' ? fromForm : undefined;
	const attempt = await findAttempt(trx, client, article.slug, link.page(), [
		named,
		event.cookies.get(cookie)
	]);
	return saveAnswers({
		// an id the form names that is no attempt yet is the one its page proposed for a new one
		...(named !== undefined ? { proposed: named } : {}),
		db: trx,
		client,
		slug: article.slug,
		link,
		attempt,
		form,
		locale: event.locals.locale,
		final,
		...(check !== undefined ? { check: { article, id: check } } : {}),
		limits: anonymousLimits(env)
	});
}

/**
 * The answer to a post whose answers were not saved (a redirect to the results of an attempt
 * submitted already, or a failure), else the saved attempt. The attempt's cookie is set, unless
 * the post ends the attempt (`final`) and is taken: its caller then deletes it.
 */
function afterSave(event: QuizEvent, prepared: Prepared, outcome: SaveOutcome, final: boolean) {
	const { cookies, url } = event;
	const { article, cookie } = prepared;
	if (outcome.kind === 'closed') redirect(303, resultsOf(article.slug, outcome.attempt.id));
	if (outcome.kind === 'full') return { failure: fail(429, outcome.refusal) };
	if (outcome.kind === 'refused') {
		setCookie(cookies, cookie, outcome.attempt?.id, article.slug, url);
		return { failure: fail(400, outcome.refusal) };
	}
	// A cookie set only to be deleted by the same response would be work for nothing.
	if (!final) setCookie(cookies, cookie, outcome.attempt.id, article.slug, url);
	return { attempt: outcome.attempt };
}

/** Sets the attempt's cookie, when there is an attempt. */
function setCookie(cookies: Cookies, name: string, id: string | undefined, slug: string, url: URL) {
	if (id) cookies.set(name, id, attemptCookieOptions(slug, url.protocol === 'https:'));
}

/** The test's own message when a test is asked to check one question. */
const testChecked = (locale: Locale) => refusal(strings(locale).quiz.testChecked);
