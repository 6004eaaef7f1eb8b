/**
 * The quiz route's work, apart from HTTP: the page's data, and starting, saving, checking and
 * submitting anonymous attempts (a quiz link without a class), which are kept in the database
 * (./attempts) and belong to the client that started them.
 */
import type { Cookies } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { LoadedArticle } from '../bank/check';
import type { StudentResponse } from '../grading/types';
import { strings, type Locale } from '../i18n';
import { keptGrade, type Attempt, type Grade } from '../quiz/attempts';
import { readAnswers, type Answers, type FormProblem } from '../quiz/form';
import { hashText } from '../quiz/random';
import { feedbackView } from '../quiz/results';
import { quizPageStrings } from '../quiz/strings';
import { gradeAnswer, questionOf } from '../quiz/take';
import { viewForReader } from '../quiz/view';
import {
	ANONYMOUS_LIMITS,
	findAnonymous,
	keepAnonymous,
	openAnonymous,
	pruneAnonymous,
	quizClient,
	startAnonymous,
	type AnonymousLimits,
	type QuizClient
} from './attempts';
import type { Database } from './db/schema';
import { NEW_ID, newId, newToken } from './db/ids';
import { ProposedIdTaken, submitStored } from './stored-attempts';
import type { QuizLink, QuizPage } from './quizzes';

/**
 * The grace after a timed test's deadline: a save or submission within it counts as on time (the
 * round trip of the post, a countdown that fired a little late). After it a save is refused and a
 * submission is taken, marked late.
 */
export const GRACE_MS = 30_000;

/** The cookie that names an anonymous browser (its attempts belong to it). */
export const CLIENT_COOKIE = 'dalil_client';

/**
 * The client of a quiz request: its client cookie (set now when it has none, when `set`) and its
 * address. Without a cookie and without `set`, a client that owns nothing.
 * @param cookies the request's cookies
 * @param url the request's URL (https or not)
 * @param address the request's address
 * @param set whether to give the browser a client cookie when it has none
 */
export function clientOf(cookies: Cookies, url: URL, address: string, set: boolean): QuizClient {
	const kept = cookies.get(CLIENT_COOKIE);
	// no cookie, or not one we made: a new client, owning nothing yet
	const fresh = !kept || kept.length > 100;
	const token = fresh ? newToken() : kept;
	if (fresh && set) {
		cookies.set(CLIENT_COOKIE, token, {
			path: '/quiz',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: 400 * 24 * 60 * 60
		});
	}
	return quizClient(token, address, fresh);
}

/** Old anonymous attempts are pruned at most this often by one process. */
const PRUNE_EVERY_MS = 10 * 60_000;
let prunedAt = 0;

/** Prunes old anonymous attempts now and then (any process may; it is one indexed delete). */
async function pruneNowAndThen(db: Kysely<Database>, keepMs: number, now: number) {
	if (now - prunedAt < PRUNE_EVERY_MS) return;
	prunedAt = now;
	await pruneAnonymous(db, keepMs, now);
}

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
 * The client's attempt at this quiz: the first of the ids given (the form's, then the cookie's)
 * that is its attempt at this quiz, else its open attempt at the quiz, if any.
 * @param db the database
 * @param client who asks
 * @param slug the article
 * @param page the quiz
 * @param ids attempt ids, most trusted first
 */
export async function findAttempt(
	db: Kysely<Database>,
	client: QuizClient,
	slug: string,
	page: QuizPage,
	ids: (string | null | undefined)[]
): Promise<Attempt | undefined> {
	for (const id of ids) {
		const attempt = await findAnonymous(db, client, id);
		if (attempt && attempt.slug === slug && attempt.query === page.query) return attempt;
	}
	return openAnonymous(db, client, slug, page.query);
}

/**
 * Starts an attempt at a quiz for a client, or resumes the client's open one: starting again never
 * gives a timed test a fresh clock. A new timed test's clock starts now. 'address-full' when the
 * client's address started too many quizzes today.
 * @param db the database
 * @param client who starts it
 * @param slug the article
 * @param link the quiz link
 * @param now the time, ms since the epoch
 * @param limits the bounds of anonymous attempts
 */
export async function startAttempt(
	db: Kysely<Database>,
	client: QuizClient,
	slug: string,
	link: QuizLink,
	now = Date.now(),
	limits: AnonymousLimits = ANONYMOUS_LIMITS
): Promise<Attempt | 'address-full'> {
	const open = await openAnonymous(db, client, slug, link.page().query);
	return open ?? createAttempt(db, client, slug, link, now, limits);
}

/**
 * Starts a new attempt at a quiz for a client who has no open one (the caller looked: see
 * `startAttempt`). 'address-full' when the client's address started too many quizzes today.
 */
async function createAttempt(
	db: Kysely<Database>,
	client: QuizClient,
	slug: string,
	link: QuizLink,
	now: number,
	limits: AnonymousLimits,
	proposed?: string
): Promise<Attempt | 'address-full'> {
	const page = link.page();
	await pruneNowAndThen(db, limits.keepMs, now);
	const { time } = link.spec;
	return startAnonymous(
		db,
		client,
		{
			slug,
			query: page.query,
			ids: page.views.map((v) => v.id),
			deadline: link.spec.mode === 'test' && time > 0 ? now + time * 60_000 : undefined,
			...(proposed !== undefined ? { id: proposed } : {})
		},
		now,
		limits
	);
}

/**
 * The attempt a post starts: with the id its page proposed, so that the same post sent twice (a
 * double click, a retry after a lost answer) finds the attempt the first one made, submitted or
 * not. A proposal taken by another client's attempt, or by another quiz's, is not used.
 */
async function startProposed(
	db: Kysely<Database>,
	client: QuizClient,
	slug: string,
	link: QuizLink,
	now: number,
	limits: AnonymousLimits,
	proposed: string | undefined
): Promise<Attempt | 'address-full'> {
	const usable = proposed !== undefined && NEW_ID.test(proposed) ? proposed : undefined;
	try {
		return await createAttempt(db, client, slug, link, now, limits, usable);
	} catch (e) {
		if (!(e instanceof ProposedIdTaken)) throw e;
		const taken = await findAnonymous(db, client, usable);
		if (taken && taken.slug === slug && taken.query === link.page().query) return taken;
		return createAttempt(db, client, slug, link, now, limits);
	}
}

/**
 * Whether a timed attempt's time is over, grace included.
 * @param attempt the attempt
 * @param now the time, ms since the epoch
 */
export function pastDeadline(attempt: Pick<Attempt, 'deadline'>, now: number): boolean {
	return attempt.deadline !== undefined && now > attempt.deadline + GRACE_MS;
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
	/** with the attempt when answers were saved beside the refused ones (or none were, too late) */
	| { kind: 'refused'; refusal: Refusal; attempt?: Attempt }
	/** the client's address started too many quizzes today: nothing was started */
	| { kind: 'full'; refusal: Refusal }
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
 * Past a timed test's deadline and grace a save is refused and the answers stay as they were; the
 * post that submits (`final`) is still read, and the submission is marked late.
 * A final post's answers are kept by the submission itself (one transaction), not here.
 * With `check`, a practice quiz's answer to that question is graded into the attempt's checks and
 * kept with the answers (when the post is not refused).
 * @param input the database, the client, the quiz, its attempt as `findAttempt` found it (without
 *   one, the client has no open attempt at the quiz: a new one is started), the posted form, the
 *   interface language, whether the post submits, the question to check, the time, the bounds
 *   of anonymous attempts and the id the page proposed for a new attempt
 */
export async function saveAnswers(input: {
	db: Kysely<Database>;
	client: QuizClient;
	slug: string;
	link: QuizLink;
	attempt: Attempt | undefined;
	form: FormData;
	locale: Locale;
	final?: boolean;
	check?: { article: LoadedArticle; id: string };
	now?: number;
	limits?: AnonymousLimits;
	/** the id the page proposed for the attempt it starts, if it starts one */
	proposed?: string;
}): Promise<SaveOutcome> {
	const { db, slug, link, form, final = false, now = Date.now() } = input;
	const t = strings(input.locale).quiz;
	if (input.attempt?.submitted) return { kind: 'closed', attempt: input.attempt };
	const page = link.page();
	const { answers, problems, overLong } = readAnswers(form, page.views);
	if (!input.attempt && link.spec.mode === 'test' && link.spec.time > 0) {
		return { kind: 'refused', refusal: refusal(t.notStarted) };
	}
	if (input.attempt && !final && pastDeadline(input.attempt, now)) {
		return { kind: 'refused', refusal: refusal(t.timeOver), attempt: input.attempt };
	}
	const started =
		input.attempt ??
		(await startProposed(
			db,
			input.client,
			slug,
			link,
			now,
			input.limits ?? ANONYMOUS_LIMITS,
			input.proposed
		));
	if (started === 'address-full') return { kind: 'full', refusal: refusal(t.addressFull) };
	// the same post again: the attempt its first sending submitted
	if (started.submitted) return { kind: 'closed', attempt: started };
	const attempt = started;
	const refused = new Set(problems.map((p) => p.id));
	const kept = Object.fromEntries(
		Object.entries(attempt.answers).filter(([id]) => refused.has(id))
	);
	attempt.answers = { ...answers, ...kept };
	if (input.check && problems.length === 0 && link.spec.mode === 'practice') {
		checkInto(input.check.article, attempt, input.check.id);
	}
	if ((!final || problems.length > 0) && !(await keepAnonymous(db, attempt, now))) {
		// submitted meanwhile (another tab): nothing changed
		const submitted = await findAnonymous(db, input.client, attempt.id);
		if (submitted) return { kind: 'closed', attempt: submitted };
	}
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
 * Grades one saved answer of a practice attempt into its checks, or forgets the question's check
 * when the answer is empty; a question the attempt does not hold is left alone. The caller keeps
 * the attempt (an anonymous one here, a class's student's in ./assignment-attempts).
 * @param article the checked article
 * @param attempt the attempt, its answers as they are now (its checks are changed in place)
 * @param id the question checked
 */
export function checkInto(
	article: LoadedArticle,
	attempt: Pick<Attempt, 'ids' | 'answers' | 'checks'>,
	id: string
): void {
	if (!attempt.ids.includes(id)) return;
	const answer = attempt.answers[id];
	const grade = answer ? gradeAnswer(article, id, answer) : undefined;
	if (grade) attempt.checks[id] = keptGrade(grade);
	else delete attempt.checks[id];
}

/**
 * The feedback of a practice attempt's checks, as the answering pages show it under each checked
 * question (the key, the explanation and the evidence: practice shows them as it goes).
 * @param article the checked article
 * @param checks the attempt's checks
 * @param locale the interface language
 */
export function checksFeedback(article: LoadedArticle, checks: Attempt['checks'], locale: Locale) {
	const t = strings(locale);
	const trueFalse: [string, string] = [t.answerTrue, t.answerFalse];
	return Object.fromEntries(
		Object.entries(checks).flatMap(([id, grade]) => {
			const q = questionOf(article, id);
			return q ? [[id, feedbackView(q, grade, article.paragraphs, trueFalse)]] : [];
		})
	);
}

/**
 * Grades every answer and submits the attempt, for good, in one transaction with its final
 * answers; late if past its deadline and grace. A second submission changes nothing (false).
 * @param db the database
 * @param article the checked article
 * @param attempt the attempt, with the post's answers
 * @param now the time, ms since the epoch
 */
export async function submitAttempt(
	db: Kysely<Database>,
	article: LoadedArticle,
	attempt: Attempt,
	now = Date.now()
): Promise<boolean> {
	const results: Record<string, Grade> = {};
	for (const id of attempt.ids) {
		const answer = attempt.answers[id];
		const grade = answer ? gradeAnswer(article, id, answer) : undefined;
		if (grade) results[id] = keptGrade(grade);
	}
	const submitted = { at: now, late: pastDeadline(attempt, now), results };
	attempt.submitted = submitted;
	return submitStored(db, { ...attempt, submitted });
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
	return {
		t: quizPageStrings(locale),
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
		// a translation the reader's interface does not show stays off the page
		views: needsStart ? [] : page.views.map((v) => viewForReader(v, locale)),
		needsStart,
		// the id of the attempt the page's first post starts: sent twice, that post finds it again
		proposedAttempt: attempt ? null : newId(),
		// a test without a class is the student's own: the page says so
		selfTest: spec.mode === 'test' ? t.assign.selfTest : null,
		attempt: attempt
			? {
					id: attempt.id,
					answers: attempt.answers,
					deadline: attempt.deadline ?? null,
					// Practice only: a test shows no verdict before it is submitted.
					feedback: spec.mode === 'practice' ? checksFeedback(article, attempt.checks, locale) : {}
				}
			: null
	};
}
