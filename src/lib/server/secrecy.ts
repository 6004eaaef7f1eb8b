/**
 * Secrecy, in one rule (DESIGN.md): whatever could reveal a key (the key, explanations, evidence,
 * the question set of a test that is not over) is produced only after asking here. Routes never
 * decide it themselves: they call `revealFor` before showing an attempt's results, and serve an
 * article to the public (practice links, self-study, study sets) only through `publicArticle`.
 *
 * The rules (`revealFor`, `publicQuestions`) take plain data, so they are tested on their own.
 */
import type { Kysely } from 'kysely';
import type { BankQuestion, LoadedArticle } from '../bank/check';
import { ASSIGNMENT_LIMITS, assignmentSpec, quizSpecOf, type AssignmentSpec } from '../assign/spec';
import { isOver } from '../assign/timing';
import { generateQuiz, matchesSpec } from '../quiz/generate';
import { marksOnArticles } from './assessment-marks';
import type { Database } from './db/schema';

/** Who is asking. A request may carry a teacher's session, a student's, or only a client cookie. */
export interface Viewer {
	teacherId?: string;
	studentId?: string;
	/** the anonymous client cookie of a browser */
	clientId?: string;
}

/** What release decisions need of an assignment. */
export interface ReleaseAssignment {
	/** the teacher of its class */
	teacherId: string;
	spec: Pick<AssignmentSpec, 'mode' | 'release' | 'show' | 'closesAt' | 'grace'>;
}

/** What release decisions need of an attempt. */
export interface ReleaseAttempt {
	/** the student of a class attempt */
	studentId: string | null;
	/** the browser of an anonymous attempt */
	clientId: string | null;
	submittedAt: number | null;
}

/**
 * What a viewer may see of an attempt's results: nothing, the score only, or the answers with
 * their keys, explanations and evidence.
 */
export type Reveal = 'nothing' | 'score' | 'answers';

/**
 * What this viewer may see of this attempt now.
 *
 * - The teacher of the class sees everything, always.
 * - Anybody but the attempt's owner sees nothing.
 * - An anonymous link (no assignment) is a self-test or practice: its owner sees the answers of
 *   practice at once and of a self-test once submitted.
 * - A class's practice assignment shows its owner the answers as they go.
 * - A class's test shows its owner what the release setting says (score only, or answers), after
 *   submission or after the close time (and its grace), and never for "never".
 * @param viewer who asks
 * @param assignment the attempt's assignment; null for an anonymous link
 * @param attempt the attempt
 * @param now the moment (ms)
 * @param anonymousMode an anonymous link's mode (ignored for assignments)
 */
export function revealFor(
	viewer: Viewer,
	assignment: ReleaseAssignment | null,
	attempt: ReleaseAttempt,
	now: number,
	anonymousMode: 'practice' | 'test' = 'test'
): Reveal {
	if (assignment && viewer.teacherId !== undefined && viewer.teacherId === assignment.teacherId) {
		return 'answers';
	}
	const owns =
		attempt.studentId !== null
			? viewer.studentId === attempt.studentId
			: attempt.clientId !== null && viewer.clientId === attempt.clientId;
	if (!owns) return 'nothing';
	if (!assignment) {
		return anonymousMode === 'practice' || attempt.submittedAt !== null ? 'answers' : 'nothing';
	}
	const { spec } = assignment;
	if (spec.mode === 'practice') return 'answers';
	const released =
		spec.release === 'after-submission'
			? attempt.submittedAt !== null
			: spec.release === 'after-close'
				? isOver(spec, now)
				: false;
	return released ? spec.show : 'nothing';
}

/** What `publicQuestions` needs of an assignment. */
export interface SecretAssignment {
	spec: AssignmentSpec;
	/** the roster's student ids, for a variant per student */
	studentIds?: readonly string[];
}

/**
 * The questions of an article that public routes (practice links, self-study, study sets, the
 * student-facing exports) may serve now: none of an article or question marked for assessment
 * only (in the bank, or by a teacher), and none of a test that is not over. A test with one shared
 * variant keeps its questions secret; a test with a variant per student keeps every question its
 * variants draw from. A practice assignment shows its keys to those taking it anyway, so it keeps
 * nothing secret.
 * @param article the checked article
 * @param assignments the assignments on this article (any class)
 * @param now the moment (ms)
 * @param assessmentOnly ids a teacher marked for assessment only
 */
export function publicQuestions(
	article: Pick<LoadedArticle, 'questions' | 'paragraphs' | 'assessment'>,
	assignments: readonly SecretAssignment[],
	now: number,
	assessmentOnly: ReadonlySet<string> = new Set()
): BankQuestion[] {
	if (article.assessment) return [];
	const secret = secretIds(article.questions, assignments, now, article.paragraphs.length);
	return article.questions.filter(
		(q) => !secret.has(q.id) && !assessmentOnly.has(q.id) && q.assessment !== true
	);
}

/**
 * The ids of an article's questions kept secret by its tests that are not over, with those that
 * would give one of them away.
 * @param questions the article's questions
 * @param assignments the assignments on this article
 * @param now the moment (ms)
 * @param paragraphCount how many paragraphs the article has
 */
export function secretIds(
	questions: readonly BankQuestion[],
	assignments: readonly SecretAssignment[],
	now: number,
	paragraphCount: number
): Set<string> {
	const secret = new Set<string>();
	for (const { spec } of assignments) {
		if (spec.mode !== 'test' || isOver(spec, now)) continue;
		const quizSpec = quizSpecOf(spec, '', paragraphCount);
		if (spec.variant === 'shared') {
			for (const id of generateQuiz(questions, quizSpec).ids) secret.add(id);
		} else {
			const pool = questions.filter((q) => matchesSpec(q, quizSpec));
			// nothing matched: the generator then draws from the whole article
			for (const q of pool.length ? pool : questions) secret.add(q.id);
		}
	}
	return withRelated(questions, secret);
}

/**
 * The secret questions with every question that would give one away: those asking the same fact,
 * and a question's lead or follow-up (its second part proves the same answer).
 * @param questions the article's questions
 * @param secret ids kept secret
 */
export function withRelated(
	questions: readonly Pick<BankQuestion, 'id' | 'fact' | 'follows'>[],
	secret: Set<string>
): Set<string> {
	if (secret.size === 0) return secret;
	const facts = new Set<string>();
	for (const q of questions) {
		if (!secret.has(q.id)) continue;
		if (q.fact) facts.add(q.fact);
		if (q.follows) secret.add(q.follows);
	}
	for (const q of questions) {
		if ((q.fact && facts.has(q.fact)) || (q.follows && secret.has(q.follows))) secret.add(q.id);
	}
	return secret;
}

/**
 * The tests on some articles that may not be over yet, for `publicQuestions`, in one query: every
 * test without a close time, or whose close time (plus the longest grace) is not long past.
 * `publicQuestions` decides exactly; this only keeps the query small.
 * @param db the database
 * @param slugs the articles
 * @param now the moment (ms)
 */
export async function testsOnArticles(
	db: Kysely<Database>,
	slugs: readonly string[],
	now = Date.now()
): Promise<Map<string, SecretAssignment[]>> {
	const tests = new Map<string, SecretAssignment[]>(slugs.map((slug) => [slug, []]));
	if (slugs.length === 0) return tests;
	const rows = await db
		.selectFrom('assignment')
		.select(['article', 'spec'])
		.where('article', 'in', slugs)
		.where('mode', '=', 'test')
		.where((eb) =>
			eb.or([
				eb('closes_at', 'is', null),
				eb('closes_at', '>=', now - ASSIGNMENT_LIMITS.grace * 1000)
			])
		)
		.execute();
	for (const row of rows) {
		tests.get(row.article)!.push({ spec: assignmentSpec.parse(JSON.parse(row.spec)) });
	}
	return tests;
}

/** The last public article made of each bank article, while its secret questions stay the same. */
const lastPublic = new WeakMap<LoadedArticle, { key: string; article: LoadedArticle }>();

/**
 * Articles as public routes may serve them now, in the order given: each one's questions through
 * `publicQuestions`, with the tests on it and the teachers' "assessment only" marks read from the
 * database (two queries in all; a marked article serves no questions, a marked question is left
 * out). The same object comes back for an article while the same questions are secret, so the
 * quiz caches keyed on the article keep working.
 * @param db the database
 * @param articles the checked articles
 * @param now the moment (ms)
 */
export async function eachPublicArticle(
	db: Kysely<Database>,
	articles: Iterable<LoadedArticle>,
	now = Date.now()
): Promise<LoadedArticle[]> {
	const list = [...articles];
	const slugs = list.map((a) => a.slug);
	const [tests, marks] = await Promise.all([
		testsOnArticles(db, slugs, now),
		marksOnArticles(db, slugs)
	]);
	return list.map((article) => {
		const marked = marks.get(article.slug)!;
		const questions = publicQuestions(
			marked.article ? { ...article, assessment: true } : article,
			tests.get(article.slug)!,
			now,
			marked.questions
		);
		return servedAs(article, questions);
	});
}

/** The article with only `questions`: the one made last time if they are the same. */
function servedAs(article: LoadedArticle, questions: BankQuestion[]): LoadedArticle {
	if (questions.length === article.questions.length) return article;
	const key = questions.map((q) => q.id).join(',');
	const last = lastPublic.get(article);
	if (last?.key === key) return last.article;
	const shown: LoadedArticle = { ...article, questions };
	lastPublic.set(article, { key, article: shown });
	return shown;
}

/**
 * The article as public routes may serve it now (see `eachPublicArticle`).
 * @param db the database
 * @param article the checked article
 * @param now the moment (ms)
 */
export async function publicArticle(
	db: Kysely<Database>,
	article: LoadedArticle,
	now = Date.now()
): Promise<LoadedArticle> {
	const [served] = await eachPublicArticle(db, [article], now);
	return served;
}

/**
 * The articles self-study lists: each as public routes may serve it now, without those that have
 * no question to serve (an article kept for assessment only, or every question of it secret).
 * @param db the database
 * @param articles the bank's checked articles, in the bank's order
 * @param now the moment (ms)
 */
export async function publicArticles(
	db: Kysely<Database>,
	articles: Iterable<LoadedArticle>,
	now = Date.now()
): Promise<LoadedArticle[]> {
	return (await eachPublicArticle(db, articles, now)).filter((a) => a.questions.length > 0);
}
