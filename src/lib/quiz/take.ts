/**
 * Taking a quiz, server side: the spec of a link and the quiz of a spec (both cached: the bank does
 * not change while the server runs), grading an answer with the grading module, and the cookie
 * name of an attempt.
 */
import type { BankQuestion, LoadedArticle } from '../bank/check';
import { gradeQuestion } from '../grading/grade';
import type { GradeResult, StudentResponse } from '../grading/types';
import { AttemptStore } from './attempts';
import { LruCache } from './cache';
import { generateQuiz } from './generate';
import { hashText } from './random';
import { parseSpec, specQuery, type QuizSpec, type SpecNote } from './spec';
import type { QuestionView } from './types';
import { studentView } from './view';

/** A generated quiz as its page shows it. */
export interface QuizPage {
	/** the canonical query of its spec */
	query: string;
	views: QuestionView[];
	/** questions that matched the filters (fewer than asked: a note) */
	matched: number;
	filtersDropped: boolean;
	missing: string[];
}

const quizzes = new LruCache<QuizPage>(1000);

/**
 * The quiz of a spec, generated once per normalized spec.
 * @param article the checked article
 * @param spec the spec, with its seed
 */
export function quizFor(article: LoadedArticle, spec: QuizSpec): QuizPage {
	const query = specQuery(spec, article.paragraphs.length);
	return quizzes.get(`${article.slug}?${query}`, () => {
		const quiz = generateQuiz(article.questions, spec);
		const byId = new Map(article.questions.map((q) => [q.id, q]));
		return {
			query,
			views: quiz.ids.map((id) => studentView(byId.get(id)!, spec.seed, article)),
			matched: quiz.matched,
			filtersDropped: quiz.filtersDropped,
			missing: quiz.missing
		};
	});
}

/** A quiz link as read: its spec and the notes on what it asked that was not understood. */
export interface QuizLink {
	/** shared by every request of the link: frozen */
	spec: Readonly<QuizSpec>;
	notes: readonly Readonly<SpecNote>[];
	/** the quiz of the spec (which must have a seed), generated on first use */
	page(): QuizPage;
}

const links = new LruCache<QuizLink & { article: LoadedArticle }>(1000);
/** A longer query is read on every request rather than kept: an entry holds its key. */
const MAX_KEPT_QUERY = 1000;

/**
 * The spec of a quiz link (`parseSpec`), with one rule of the pages: a seed that is not valid
 * becomes a stable one made from it, with a note. A class opens and posts the same link again and
 * again, and zod parses it the same way each time, so a link is read once per distinct query.
 * @param article the checked article
 * @param url the request's URL (its query is the link's)
 */
export function quizLink(article: LoadedArticle, url: URL): QuizLink {
	const read = () => {
		const { spec, notes } = parseSpec(article.slug, url.searchParams, article.paragraphs.length);
		const raw = url.searchParams.get('seed');
		if (!spec.seed && raw) {
			spec.seed = hashText(raw).toString(36);
			const note = notes.find((n) => n.param === 'seed');
			if (note) note.used = spec.seed;
		}
		for (const list of [spec.types, spec.skills, spec.ids, spec.difficulty, spec.paragraphs]) {
			Object.freeze(list);
		}
		notes.forEach((n) => Object.freeze(n));
		let page: QuizPage | undefined;
		return {
			article,
			spec: Object.freeze(spec),
			notes: Object.freeze(notes),
			page: () => (page ??= quizFor(article, spec))
		};
	};
	if (url.search.length > MAX_KEPT_QUERY) return read();
	const key = `${article.slug}${url.search}`;
	const link = links.get(key, read);
	// Another article object under the slug (a bank loaded again, in tests): read for it.
	if (link.article !== article) {
		const fresh = read();
		links.set(key, fresh);
		return fresh;
	}
	return link;
}

/** Each article's questions by id (an article is graded, and shown, question by question). */
const questionIndex = new WeakMap<LoadedArticle, Map<string, BankQuestion>>();

/**
 * The question of an article with this id (the first, should the bank repeat one).
 * @param article the checked article
 * @param id a question id
 */
export function questionOf(article: LoadedArticle, id: string): BankQuestion | undefined {
	let byId = questionIndex.get(article);
	if (!byId) {
		byId = new Map();
		for (const q of article.questions) if (!byId.has(q.id)) byId.set(q.id, q);
		questionIndex.set(article, byId);
	}
	return byId.get(id);
}

/**
 * Grades one answer with the grading module, against the article's text.
 * @param article the checked article
 * @param id the question id
 * @param response the student's answer
 */
export function gradeAnswer(
	article: LoadedArticle,
	id: string,
	response: StudentResponse
): GradeResult | undefined {
	const q = questionOf(article, id);
	return q ? gradeQuestion(q, response, { article }) : undefined;
}

/**
 * The fields of a form post. A form sent without JavaScript comes urlencoded and is read here with
 * URLSearchParams: the platform's `request.formData()` takes about 0.2 ms more for a 10-question
 * test, a third of what the grading post cost in all. Anything else (multipart) goes the usual way.
 * @param request the posted request
 */
export async function readForm(request: Request): Promise<FormData> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/x-www-form-urlencoded\b/i.test(type)) return request.formData();
	const form = new FormData();
	for (const [name, value] of new URLSearchParams(await request.text())) form.append(name, value);
	return form;
}

/**
 * The cookie that remembers a quiz's attempt: one per quiz, so two quizzes in two tabs do not mix.
 * @param slug the article
 * @param query the quiz's canonical query
 */
export function attemptCookie(slug: string, query: string): string {
	return `dalil_q_${hashText(`${slug}?${query}`).toString(36)}`;
}

/** The server's attempts (in memory: see attempts.ts). */
export const attempts = new AttemptStore();
