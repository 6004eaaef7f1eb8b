import { error, fail, redirect, type Cookies } from '@sveltejs/kit';
import { getBank } from '$lib/server/bank';
import { strings } from '$lib/i18n';
import { quizStrings } from '$lib/quiz/strings';
import type { LoadedArticle } from '$lib/bank/check';
import { readAnswers, type Answers, type FormProblem } from '$lib/quiz/form';
import { newSeed } from '$lib/quiz/random';
import { feedbackView } from '$lib/quiz/results';
import type { QuizSpec } from '$lib/quiz/spec';
import {
	attemptCookie,
	attempts,
	gradeAnswer,
	questionOf,
	quizLink,
	readForm,
	type QuizPage
} from '$lib/quiz/take';
import { keptGrade, type Attempt, type Grade } from '$lib/quiz/attempts';
import type { StudentResponse } from '$lib/grading/types';
import type { Actions, PageServerLoad } from './$types';

function articleOf(slug: string): LoadedArticle {
	const article = getBank().articles.get(slug);
	if (!article) error(404, `No article named ${slug}`);
	return article;
}

/**
 * The attempt cookie's options. `secure` follows the request: Kit's default (secure except on
 * localhost) would make a browser on plain http ignore the cookie, its deletion included.
 */
function cookieOptions(slug: string, url: URL) {
	return {
		path: `/quiz/${slug}`,
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: url.protocol === 'https:',
		maxAge: 60 * 60 * 24
	};
}

function findAttempt(
	cookies: Cookies,
	page: QuizPage,
	slug: string,
	formId?: string | null
): Attempt | undefined {
	const a = attempts.get(formId) ?? attempts.get(cookies.get(attemptCookie(slug, page.query)));
	return a && a.slug === slug && a.query === page.query ? a : undefined;
}

export const load: PageServerLoad = ({ params, url, cookies, locals }) => {
	const article = articleOf(params.slug);
	const link = quizLink(article, url);
	const { spec } = link;
	if (!spec.seed) {
		// A link without a seed gets one, so the quiz it shows can be shared and reloaded.
		const next = new URL(url);
		next.searchParams.set('seed', newSeed());
		redirect(303, next.pathname + next.search);
	}
	const page = link.page();
	const found = findAttempt(cookies, page, article.slug);
	const attempt = found && !found.submitted ? found : undefined;
	const needsStart = spec.mode === 'test' && spec.time > 0 && !attempt;
	const t = strings(locals.locale);
	const tf: [string, string] = [t.exportTrue, t.exportFalse];
	return {
		t: quizStrings(locals.locale),
		article: {
			slug: article.slug,
			title: article.title,
			language: article.language,
			direction: article.direction,
			// Closed book: the text stays off the page (cloze and evidence questions carry their own).
			paragraphs: spec.book === 'open' ? article.paragraphs : []
		},
		spec: { mode: spec.mode, book: spec.book, time: spec.time, seed: spec.seed, n: spec.n },
		query: page.query,
		notes: [...link.notes],
		fewer:
			page.views.length < spec.n && !page.filtersDropped && spec.ids.length === 0
				? page.views.length
				: null,
		filtersDropped: page.filtersDropped,
		missing: page.missing.length > 0,
		// A timed test shows its questions only once started: the clock starts on the server.
		views: needsStart ? [] : page.views,
		needsStart,
		attempt: attempt
			? {
					id: attempt.id,
					answers: attempt.answers,
					deadline: attempt.deadline ?? null,
					// Practice only: a test shows no verdict before it is submitted.
					feedback:
						spec.mode === 'practice'
							? Object.fromEntries(
									Object.entries(attempt.checks).map(([id, r]) => [
										id,
										feedbackView(questionOf(article, id)!, r, article.paragraphs, tf)
									])
								)
							: {}
				}
			: null
	};
};

/**
 * Reads a post into the attempt: a refused answer keeps what was saved before. The attempt's cookie
 * is set, unless the post ends the attempt (`final`) and is taken: its caller then deletes it.
 */
async function save(
	request: Request,
	url: URL,
	slug: string,
	cookies: Cookies,
	final = false
): Promise<
	| { ok: true; article: LoadedArticle; spec: Readonly<QuizSpec>; attempt: Attempt; form: FormData }
	| { ok: false; status: 400; data: { message: string; problems: FormProblem[]; echo: Answers } }
	| { ok: false; status: 409; attempt: Attempt }
> {
	const article = articleOf(slug);
	const link = quizLink(article, url);
	const { spec } = link;
	if (!spec.seed) return badPost('the quiz link has no seed');
	const page = link.page();
	let form: FormData;
	try {
		form = await readForm(request);
	} catch {
		return badPost('the form could not be read');
	}
	const formId = form.get('_attempt');
	let attempt = findAttempt(cookies, page, slug, typeof formId === 'string' ? formId : null);
	if (attempt?.submitted) return { ok: false, status: 409, attempt };
	const { answers, problems, overLong } = readAnswers(form, page.views);
	if (!attempt) {
		if (spec.mode === 'test' && spec.time > 0) return badPost('the test has not been started');
		attempt = attempts.create({ slug, query: page.query, ids: page.views.map((v) => v.id) });
	}
	// A cookie set only to be deleted by the same response would be work for nothing.
	if (!final || problems.length > 0) {
		cookies.set(attemptCookie(slug, page.query), attempt.id, cookieOptions(slug, url));
	}
	const refused = new Set(problems.map((p) => p.id));
	// Every answer of the post replaces the saved one (an emptied field clears it), except refused ones.
	const kept = Object.fromEntries(
		Object.entries(attempt.answers).filter(([id]) => refused.has(id))
	);
	attempt.answers = { ...answers, ...kept };
	if (problems.length > 0) {
		const echo: Answers = { ...attempt.answers };
		for (const [id, texts] of Object.entries(overLong)) {
			const v = page.views.find((x) => x.id === id)!;
			echo[id] = (
				v.type === 'cloze' ? { type: 'cloze', blanks: texts } : { type: v.type, text: texts[0] }
			) as StudentResponse;
		}
		const t = strings('en');
		return {
			ok: false,
			status: 400,
			data: { message: t.quiz.badPost, problems, echo }
		};
	}
	return { ok: true, article, spec, attempt, form };
}

function badPost(message: string) {
	return { ok: false as const, status: 400 as const, data: { message, problems: [], echo: {} } };
}

export const actions: Actions = {
	start: async ({ request, url, params, cookies }) => {
		const article = articleOf(params.slug);
		const link = quizLink(article, url);
		const { spec } = link;
		if (!spec.seed)
			return fail(400, { message: 'the quiz link has no seed', problems: [], echo: {} });
		await request.formData().catch(() => undefined);
		const page = link.page();
		if (!findAttempt(cookies, page, article.slug)) {
			const attempt = attempts.create({
				slug: article.slug,
				query: page.query,
				ids: page.views.map((v) => v.id),
				deadline: spec.time > 0 ? Date.now() + spec.time * 60_000 : undefined
			});
			cookies.set(
				attemptCookie(article.slug, page.query),
				attempt.id,
				cookieOptions(article.slug, url)
			);
		}
		redirect(303, `${url.pathname}?${page.query}`);
	},

	save: async ({ request, url, params, cookies }) => {
		const r = await save(request, url, params.slug, cookies);
		if (!r.ok && r.status === 409) redirect(303, `/quiz/${params.slug}/results/${r.attempt.id}`);
		if (!r.ok) return fail(400, r.data);
		return { saved: true };
	},

	check: async ({ request, url, params, cookies }) => {
		const r = await save(request, url, params.slug, cookies);
		if (!r.ok && r.status === 409) redirect(303, `/quiz/${params.slug}/results/${r.attempt.id}`);
		if (!r.ok) return fail(400, r.data);
		if (r.spec.mode !== 'practice') {
			return fail(400, {
				message: 'a test is checked when it is submitted',
				problems: [],
				echo: {}
			});
		}
		const id = r.form.get('_check');
		const answer = typeof id === 'string' ? r.attempt.answers[id] : undefined;
		if (typeof id === 'string' && r.attempt.ids.includes(id)) {
			if (answer) r.attempt.checks[id] = keptGrade(gradeAnswer(r.article, id, answer)!);
			else delete r.attempt.checks[id];
		}
		return { checked: id };
	},

	submit: async ({ request, url, params, cookies }) => {
		const r = await save(request, url, params.slug, cookies, true);
		if (!r.ok && r.status === 409) redirect(303, `/quiz/${params.slug}/results/${r.attempt.id}`);
		if (!r.ok) return fail(400, r.data);
		const { attempt, article } = r;
		const results: Record<string, Grade> = {};
		for (const id of attempt.ids) {
			const answer = attempt.answers[id];
			const g = answer ? gradeAnswer(article, id, answer) : undefined;
			if (g) results[id] = keptGrade(g);
		}
		const now = Date.now();
		// A little grace for the round trip of an automatic submission at the deadline.
		attempt.submitted = {
			at: now,
			late: attempt.deadline !== undefined && now > attempt.deadline + 30_000,
			results
		};
		attempts.seal(attempt);
		// Deleted if the browser has it: a post without it (no JavaScript, nothing saved before)
		// leaves nothing to delete.
		const cookie = attemptCookie(params.slug, attempt.query);
		if (cookies.get(cookie) !== undefined) cookies.delete(cookie, cookieOptions(params.slug, url));
		redirect(303, `/quiz/${params.slug}/results/${attempt.id}`);
	}
};
