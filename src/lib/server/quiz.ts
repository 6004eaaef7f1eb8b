/**
 * The quiz route's work, apart from HTTP: the page's data, and saving, checking and submitting
 * answers. Attempts are reached only through `attempts` (an `AttemptStore`), asynchronously and
 * with plain data, so where they are kept can change without this module changing.
 */
import type { LoadedArticle } from '../bank/check';
import type { StudentResponse } from '../grading/types';
import { strings, type Locale } from '../i18n';
import { keptGrade, type Attempt, type Grade } from '../quiz/attempts';
import { readAnswers, type Answers, type FormProblem } from '../quiz/form';
import { hashText } from '../quiz/random';
import { feedbackView } from '../quiz/results';
import { quizStrings } from '../quiz/strings';
import { gradeAnswer, questionOf } from '../quiz/take';
import { attempts } from './attempts';
import type { QuizLink, QuizPage } from './quizzes';

/** A late submission within this of the deadline counts as on time (the round trip of the post). */
const GRACE_MS = 30_000;

/**
 * The cookie that remembers a quiz's attempt: one per quiz, so two quizzes in two tabs do not mix.
 * @param slug the article
 * @param query the quiz's canonical query
 */
export function attemptCookie(slug: string, query: string): string {
	return `dalil_q_${hashText(`${slug}?${query}`).toString(36)}`;
}

/**
 * The attempt cookie's options. `secure` follows the request: Kit's default (secure except on
 * localhost) would make a browser on plain http ignore the cookie, its deletion included.
 * @param slug the article
 * @param secure whether the request came over https
 */
export function attemptCookieOptions(slug: string, secure: boolean) {
	return {
		path: `/quiz/${slug}`,
		httpOnly: true,
		sameSite: 'lax' as const,
		secure,
		maxAge: 60 * 60 * 24
	};
}

/**
 * The attempt of this quiz among the ids given (the form's, then the cookie's), if one is kept.
 * @param slug the article
 * @param page the quiz
 * @param ids attempt ids, most trusted first
 */
export async function findAttempt(
	slug: string,
	page: QuizPage,
	ids: (string | null | undefined)[]
): Promise<Attempt | undefined> {
	for (const id of ids) {
		const attempt = await attempts.get(id);
		if (attempt && attempt.slug === slug && attempt.query === page.query) return attempt;
	}
	return undefined;
}

/**
 * Starts an attempt at a quiz; a timed test's clock starts now.
 * @param slug the article
 * @param link the quiz link
 * @param now the time, ms since the epoch
 */
export async function startAttempt(slug: string, link: QuizLink, now = Date.now()) {
	const page = link.page();
	const { time } = link.spec;
	return attempts.create({
		slug,
		query: page.query,
		ids: page.views.map((v) => v.id),
		deadline: link.spec.mode === 'test' && time > 0 ? now + time * 60_000 : undefined
	});
}

/** What a refused post gives the page: a message, the refused answers, and what to show in them. */
export interface Refusal {
	message: string;
	problems: FormProblem[];
	echo: Answers;
}

/** A post's answers saved, or why not. */
export type SaveOutcome =
	| { kind: 'saved'; attempt: Attempt }
	/** with the attempt when answers were saved beside the refused ones */
	| { kind: 'refused'; refusal: Refusal; attempt?: Attempt }
	/** the attempt was submitted already: nothing changes */
	| { kind: 'closed'; attempt: Attempt };

/**
 * A refusal with a message only.
 * @param message what the page says
 */
export function refusal(message: string): Refusal {
	return { message, problems: [], echo: {} };
}

/**
 * Reads a post's answers into the attempt (a new one if there is none yet) and keeps it. Every answer
 * of the post replaces the saved one (an emptied field clears it), except refused ones, which keep
 * what was saved before; the refused text comes back in the refusal so the student loses nothing.
 * @param input the quiz, its attempt if any, the posted form and the interface language
 */
export async function saveAnswers(input: {
	slug: string;
	link: QuizLink;
	attempt: Attempt | undefined;
	form: FormData;
	locale: Locale;
}): Promise<SaveOutcome> {
	const { slug, link, form } = input;
	const t = strings(input.locale).quiz;
	if (input.attempt?.submitted) return { kind: 'closed', attempt: input.attempt };
	const page = link.page();
	const { answers, problems, overLong } = readAnswers(form, page.views);
	if (!input.attempt && link.spec.mode === 'test' && link.spec.time > 0) {
		return { kind: 'refused', refusal: refusal(t.notStarted) };
	}
	const attempt = input.attempt ?? (await startAttempt(slug, link));
	const refused = new Set(problems.map((p) => p.id));
	const kept = Object.fromEntries(
		Object.entries(attempt.answers).filter(([id]) => refused.has(id))
	);
	attempt.answers = { ...answers, ...kept };
	await attempts.put(attempt);
	if (problems.length === 0) return { kind: 'saved', attempt };
	const echo: Answers = { ...attempt.answers };
	for (const [id, texts] of Object.entries(overLong)) {
		const view = page.views.find((v) => v.id === id)!;
		echo[id] = (
			view.type === 'cloze' ? { type: 'cloze', blanks: texts } : { type: view.type, text: texts[0] }
		) as StudentResponse;
	}
	return { kind: 'refused', refusal: { message: t.badPost, problems, echo }, attempt };
}

/**
 * Grades one saved answer of a practice attempt, or forgets its check when the answer is empty.
 * @param article the checked article
 * @param attempt the attempt, its answers saved
 * @param id the question checked
 */
export async function checkAnswer(
	article: LoadedArticle,
	attempt: Attempt,
	id: string
): Promise<void> {
	if (!attempt.ids.includes(id)) return;
	const answer = attempt.answers[id];
	const grade = answer ? gradeAnswer(article, id, answer) : undefined;
	if (grade) attempt.checks[id] = keptGrade(grade);
	else delete attempt.checks[id];
	await attempts.put(attempt);
}

/**
 * Grades every answer and submits the attempt, for good; late if past its deadline.
 * @param article the checked article
 * @param attempt the attempt, its answers saved
 * @param now the time, ms since the epoch
 */
export async function submitAttempt(
	article: LoadedArticle,
	attempt: Attempt,
	now = Date.now()
): Promise<void> {
	const results: Record<string, Grade> = {};
	for (const id of attempt.ids) {
		const answer = attempt.answers[id];
		const grade = answer ? gradeAnswer(article, id, answer) : undefined;
		if (grade) results[id] = keptGrade(grade);
	}
	const late = attempt.deadline !== undefined && now > attempt.deadline + GRACE_MS;
	attempt.submitted = { at: now, late, results };
	await attempts.put(attempt);
}

/**
 * What the quiz page shows: the article (its text only in an open-book quiz), the quiz and the
 * student's attempt, with practice checks as feedback. A timed test shows its questions only once
 * started: the clock starts on the server.
 * @param article the checked article
 * @param link the quiz link, with a seed
 * @param found the attempt of the quiz, if any (a submitted one is not shown)
 * @param locale the interface language
 */
export function quizPageData(
	article: LoadedArticle,
	link: QuizLink,
	found: Attempt | undefined,
	locale: Locale
) {
	const { spec } = link;
	const page = link.page();
	const attempt = found && !found.submitted ? found : undefined;
	const needsStart = spec.mode === 'test' && spec.time > 0 && !attempt;
	const t = strings(locale);
	const trueFalse: [string, string] = [t.exportTrue, t.exportFalse];
	const feedback = (checks: Attempt['checks']) =>
		Object.fromEntries(
			Object.entries(checks).map(([id, grade]) => [
				id,
				feedbackView(questionOf(article, id)!, grade, article.paragraphs, trueFalse)
			])
		);
	return {
		t: quizStrings(locale),
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
		notes: link.notes,
		fewer:
			page.views.length < spec.n && !page.filtersDropped && spec.ids.length === 0
				? page.views.length
				: null,
		filtersDropped: page.filtersDropped,
		missing: page.missing.length > 0,
		views: needsStart ? [] : page.views,
		needsStart,
		attempt: attempt
			? {
					id: attempt.id,
					answers: attempt.answers,
					deadline: attempt.deadline ?? null,
					// Practice only: a test shows no verdict before it is submitted.
					feedback: spec.mode === 'practice' ? feedback(attempt.checks) : {}
				}
			: null
	};
}
