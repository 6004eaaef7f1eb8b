/**
 * What a student's assignment pages need apart from HTTP: the assignment a device's student may
 * open (a member of its class, or nobody), the questions of their attempt as the page shows them
 * (never a key), reading a post's answers, and what their results page may show (asked of
 * `revealFor`, the one rule of secrecy).
 */
import type { Kysely } from 'kysely';
import type { LoadedArticle } from '../bank/check';
import { scoreOf } from '../assign/results';
import { quizSpecOf } from '../assign/spec';
import { readAnswers, type Answers, type FormProblem } from '../quiz/form';
import { describeResponse, feedbackView } from '../quiz/results';
import { questionOf } from '../quiz/take';
import type { QuestionView } from '../quiz/types';
import { studentView } from '../quiz/view';
import type { StudentResponse } from '../grading/types';
import { assignmentQuiz } from './assignment-attempts';
import { assignmentById, type Assignment } from './assignments';
import type { Membership } from './classes';
import type { Database } from './db/schema';
import { reviewedQuestions } from './review';
import { revealFor, type Reveal } from './secrecy';
import { readAttempt, type StoredAttempt } from './stored-attempts';

/** An assignment as one of its class's students opens it. */
export interface StudentAssignment {
	assignment: Assignment;
	/** the student row of this device in the assignment's class */
	studentId: string;
	className: string;
}

/**
 * The assignment with this id, if this device's student belongs to its class; undefined for an id
 * that names none and for an assignment of another class (the route answers both with a 404).
 * @param db the database
 * @param memberships the device's classes (`locals.student`)
 * @param id the route's `[id]` (anything)
 */
export async function assignmentOfStudent(
	db: Kysely<Database>,
	memberships: readonly Membership[] | undefined,
	id: string
): Promise<StudentAssignment | undefined> {
	if (!memberships?.length) return undefined;
	const assignment = await assignmentById(db, id);
	const member = assignment && memberships.find((m) => m.classId === assignment.classId);
	return member && { assignment, studentId: member.studentId, className: member.className };
}

/**
 * The questions of an attempt, in its order, as the student sees them (no key). They are the
 * student's variant; a question the bank no longer has is left out.
 * @param mine the assignment and the student
 * @param article the checked article
 * @param ids the attempt's question ids
 */
export function attemptViews(
	mine: StudentAssignment,
	article: LoadedArticle,
	ids: readonly string[]
): QuestionView[] {
	const quiz = assignmentQuiz(mine.assignment, mine.studentId, article);
	const shown = new Map(quiz.views.map((v) => [v.id, v]));
	const seed = quizSpecOf(mine.assignment.spec, mine.studentId, article.paragraphs.length).seed;
	return ids.flatMap((id) => {
		const view = shown.get(id);
		if (view) return [view];
		const q = questionOf(article, id);
		return q ? [studentView(q, seed, article)] : [];
	});
}

/**
 * The student's attempt named by a post or a URL, if it is theirs at this assignment.
 * @param db the database
 * @param mine the assignment and the student
 * @param id the attempt's id (anything)
 */
export async function attemptOfStudent(
	db: Kysely<Database>,
	mine: StudentAssignment,
	id: string | null | undefined
): Promise<StoredAttempt | undefined> {
	const attempt = await readAttempt(db, id);
	const { owner } = attempt ?? {};
	return owner?.kind === 'student' &&
		owner.studentId === mine.studentId &&
		owner.assignmentId === mine.assignment.id
		? attempt
		: undefined;
}

/** A post's answers: all of them, or the problems and what to show again in the form. */
export type PostedAnswers =
	| { ok: true; answers: Answers }
	| { ok: false; answers: Answers; problems: FormProblem[]; echo: Answers };

/**
 * Reads a post's answers. A refused answer (too long, not an option, malformed) keeps what was
 * saved before, and its text comes back in `echo` so the student loses nothing.
 * @param form the posted form
 * @param views the attempt's questions
 * @param saved the answers saved before
 */
export function postedAnswers(
	form: FormData,
	views: readonly QuestionView[],
	saved: Answers
): PostedAnswers {
	const { answers, problems, overLong } = readAnswers(form, views);
	if (problems.length === 0) return { ok: true, answers };
	const refused = new Set(problems.map((p) => p.id));
	const kept = Object.fromEntries(Object.entries(saved).filter(([id]) => refused.has(id)));
	const echo: Answers = { ...answers, ...kept };
	for (const [id, texts] of Object.entries(overLong)) {
		const view = views.find((v) => v.id === id)!;
		echo[id] = (
			view.type === 'cloze' ? { type: 'cloze', blanks: texts } : { type: view.type, text: texts[0] }
		) as StudentResponse;
	}
	return { ok: false, answers: { ...answers, ...kept }, problems, echo };
}

/**
 * What a student's results page shows of their attempt, as the release setting allows: nothing
 * yet, the score only, or each answer with its key, explanation and evidence, and which answers
 * the teacher reviewed.
 * @param db the database
 * @param mine the assignment and the student
 * @param article the checked article
 * @param attempt the student's attempt
 * @param trueFalse the interface's words for true and false
 * @param now the moment (ms)
 */
export async function attemptResults(
	db: Kysely<Database>,
	mine: StudentAssignment,
	article: LoadedArticle,
	attempt: StoredAttempt,
	trueFalse: [string, string],
	now = Date.now()
) {
	const submitted = attempt.submitted ?? null;
	const reveal: Reveal = revealFor(
		{ studentId: mine.studentId },
		mine.assignment,
		{ studentId: mine.studentId, clientId: null, submittedAt: submitted?.at ?? null },
		now
	);
	const base = {
		reveal,
		submittedAt: submitted?.at ?? null,
		late: submitted?.late ?? false,
		total: attempt.ids.length
	};
	if (!submitted || reveal === 'nothing') return { ...base, score: null, questions: [] };
	const score = scoreOf({ ids: attempt.ids, grades: submitted.results });
	if (reveal === 'score') return { ...base, score, questions: [] };
	const views = attemptViews(mine, article, attempt.ids);
	const reviewed = new Map((await reviewedQuestions(db, attempt.id)).map((r) => [r.questionId, r]));
	const questions = views.flatMap((view) => {
		const q = questionOf(article, view.id);
		if (!q) return [];
		const given = describeResponse(attempt.answers[view.id], view, article.paragraphs, trueFalse);
		const feedback = feedbackView(
			q,
			submitted.results[view.id],
			article.paragraphs,
			trueFalse,
			given,
			attempt.answers[view.id]
		);
		const review = reviewed.get(view.id);
		return [
			{
				id: view.id,
				prompt: q.prompt,
				feedback,
				reviewed: review ? { note: review.note } : null
			}
		];
	});
	return { ...base, score, questions };
}
