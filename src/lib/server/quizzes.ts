/**
 * The quiz of a link: its spec read from the query, and the questions generated for it. Generating
 * is kept per normalized spec (the bank does not change while the server runs), so a class opening
 * the same link gets the quiz made once.
 */
import type { LoadedArticle } from '../bank/check';
import { generateQuiz } from '../quiz/generate';
import { hashText } from '../quiz/random';
import { parseSpec, specQuery, type QuizSpec, type SpecNote } from '../quiz/spec';
import type { QuestionView } from '../quiz/types';
import { studentView } from '../quiz/view';
import { LruCache } from './cache';

/** A generated quiz as its page shows it. Shared by every request of its spec: not to be changed. */
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
 * An article object's key in the quiz cache: its slug and a number of its own, since an article
 * as the public may see it (secret tests' questions left out) and the whole article (for those
 * taking the test) share a slug but not their quizzes.
 */
const articleKeys = new WeakMap<LoadedArticle, string>();
let articleCount = 0;
function articleKey(article: LoadedArticle): string {
	let key = articleKeys.get(article);
	if (!key) articleKeys.set(article, (key = `${article.slug}#${++articleCount}`));
	return key;
}

/**
 * The quiz of a spec, generated once per normalized spec.
 * @param article the checked article
 * @param spec the spec, with its seed
 */
export function quizFor(article: LoadedArticle, spec: QuizSpec): QuizPage {
	const query = specQuery(spec, article.paragraphs.length);
	return quizzes.get(`${articleKey(article)}?${query}`, () => {
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
	spec: QuizSpec;
	notes: SpecNote[];
	/** the quiz of the spec (which must have a seed) */
	page(): QuizPage;
}

/**
 * The spec of a quiz link (`parseSpec`), with one rule of the pages: a seed that is not valid
 * becomes a stable one made from it, with a note.
 * @param article the checked article
 * @param url the request's URL (its query is the link's)
 */
export function quizLink(article: LoadedArticle, url: URL): QuizLink {
	const { spec, notes } = parseSpec(article.slug, url.searchParams, article.paragraphs.length);
	const raw = url.searchParams.get('seed');
	if (!spec.seed && raw) {
		spec.seed = hashText(raw).toString(36);
		const note = notes.find((n) => n.param === 'seed');
		if (note) note.used = spec.seed;
	}
	return { spec, notes, page: () => quizFor(article, spec) };
}
