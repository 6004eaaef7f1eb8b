import { readOffset, STUDENT_TZ_COOKIE } from '$lib/assign/schedule';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { MAX_ANSWER_LENGTH } from '$lib/grading/response';
import { strings } from '$lib/i18n';
import type { Answers, FormProblem } from '$lib/quiz/form';
import { quizPageStrings } from '$lib/quiz/strings';
import { articleOr404 } from '$lib/server/articles';
import { checksFeedback } from '$lib/server/quiz';
import {
	attemptsOfStudent,
	checkWork,
	openAttempt,
	saveWork,
	startOrResume,
	startRefusal,
	submitWork
} from '$lib/server/assignment-attempts';
import { db } from '$lib/server/db';
import {
	assignmentOfStudent,
	attemptOfStudent,
	attemptViews,
	postedAnswers
} from '$lib/server/student-work';
import type { Actions, PageServerLoad } from './$types';

/** The assignment of the route, if this device's student belongs to its class; else a 404. */
async function mine({ params, locals }: Pick<RequestEvent, 'params' | 'locals'>) {
	const found = await assignmentOfStudent(db(), locals.student?.memberships, params.id ?? '');
	if (!found) error(404, strings(locals.locale).assign.notFound);
	return found;
}

export const load: PageServerLoad = async (event) => {
	const { locale } = event.locals;
	const found = await mine(event);
	const { assignment, studentId } = found;
	const { spec } = assignment;
	const article = articleOr404(spec.article, locale);
	const attempt = await openAttempt(db(), assignment.id, studentId);
	const attempts = await attemptsOfStudent(db(), assignment.id, studentId);
	const now = Date.now();
	const refusal = attempt ? null : startRefusal(spec, attempts.length, now);
	return {
		// only the keys the page and its questions show, as on the quiz page
		t: quizPageStrings(locale),
		a: strings(locale).assign,
		w: strings(locale).work,
		questionCount: strings(locale).counts.questions,
		locale,
		// the student's time zone, as their browser last said (null: UTC, named)
		offset: readOffset(event.cookies.get(STUDENT_TZ_COOKIE)) ?? null,
		className: found.className,
		assignment: {
			id: assignment.id,
			title: spec.title,
			mode: spec.mode,
			n: spec.n,
			timeLimit: spec.mode === 'test' ? spec.timeLimit : 0,
			opensAt: spec.opensAt,
			closesAt: spec.closesAt,
			attemptsAllowed: spec.attemptsAllowed,
			late: spec.late
		},
		article: {
			title: article.title,
			language: article.language,
			direction: article.direction,
			paragraphs: article.paragraphs
		},
		// only the questions of an attempt under way, as a student sees them: no key
		attempt: attempt
			? {
					id: attempt.id,
					number: attempt.number,
					answers: attempt.answers,
					deadline: attempt.deadline ?? null,
					views: attemptViews(found, article, attempt.ids),
					// practice shows each checked answer's verdict, key and evidence as it goes; a
					// test shows nothing before it is submitted (and checks nothing)
					feedback: spec.mode === 'practice' ? checksFeedback(article, attempt.checks, locale) : {}
				}
			: null,
		attempts: attempts
			.filter((t) => t.submittedAt !== null)
			.map((t) => ({ id: t.id, number: t.number, submittedAt: t.submittedAt!, late: t.late })),
		attemptsLeft: Math.max(0, spec.attemptsAllowed - attempts.length),
		refusal: refusal && strings(locale).assign.refusals[refusal],
		maxAnswer: MAX_ANSWER_LENGTH
	};
};

/** A refused post: its message, and the answers that could not be read with what to show in them. */
const refused = (
	status: number,
	message: string,
	problems: FormProblem[] = [],
	echo: Answers = {}
) => fail(status, { message, problems, echo });

/** The fields of a post besides the answers: the attempt it is about. */
const workForm = z.object({ _attempt: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

/**
 * What every post about an attempt starts with: the assignment (a 404 when it is not the
 * student's), the attempt the form names (theirs, or a 400), and its answers read.
 */
async function posted(event: RequestEvent) {
	const t = strings(event.locals.locale).assign;
	const found = await mine(event);
	// A body that is not a form was refused before any action ran (hooks.server.ts).
	const form = await event.request.formData();
	const fields = workForm.safeParse({ _attempt: form.get('_attempt') });
	const attempt = fields.success ? await attemptOfStudent(db(), found, fields.data._attempt) : null;
	if (!attempt) return { failure: refused(400, t.badRequest) };
	const article = articleOr404(found.assignment.spec.article, event.locals.locale);
	const read = postedAnswers(form, attemptViews(found, article, attempt.ids), attempt.answers);
	return { found, article, attempt, read, form };
}

const resultsOf = (assignmentId: string, attemptId: string) =>
	`/assignments/${assignmentId}/attempts/${attemptId}`;

export const actions: Actions = {
	start: async (event) => {
		const found = await mine(event);
		const article = articleOr404(found.assignment.spec.article, event.locals.locale);
		// An attempt under way is resumed, deadline and all: starting again never resets it.
		const started = await startOrResume(db(), found.assignment, found.studentId, article);
		if (typeof started === 'string') {
			return refused(409, strings(event.locals.locale).assign.refusals[started]);
		}
		redirect(303, `/assignments/${found.assignment.id}`);
	},

	save: async (event) => {
		const t = strings(event.locals.locale);
		const p = await posted(event);
		if ('failure' in p) return p.failure;
		const { found, article, attempt, read } = p;
		const outcome = await saveWork(db(), found.assignment, article, attempt, read.answers);
		if (outcome.kind === 'too-late') return refused(409, t.assign.tooLate);
		if (outcome.kind === 'already-submitted') {
			return refused(409, t.assign.alreadySubmitted);
		}
		if (!read.ok) {
			return refused(400, t.quiz.badPost, read.problems, read.echo);
		}
		return { saved: true };
	},

	check: async (event) => {
		const t = strings(event.locals.locale);
		const p = await posted(event);
		if ('failure' in p) return p.failure;
		const { found, article, attempt, read, form } = p;
		const asked = form.get('_check');
		const id = typeof asked === 'string' ? asked : '';
		// the readable answers are kept; nothing is checked until every answer can be read
		const outcome = read.ok
			? await checkWork(db(), found.assignment, article, attempt, read.answers, id)
			: await saveWork(db(), found.assignment, article, attempt, read.answers);
		if (outcome.kind === 'too-late') return refused(409, t.assign.tooLate);
		if (outcome.kind === 'already-submitted') return refused(409, t.assign.alreadySubmitted);
		if (outcome.kind === 'not-practice') return refused(400, t.quiz.testChecked);
		if (!read.ok) return refused(400, t.quiz.badPost, read.problems, read.echo);
		// nothing to check: the page says "answer first" at the question, as the quiz page does
		const checked = attempt.ids.includes(id) ? id : null;
		return { checked, empty: checked !== null && read.answers[checked] === undefined };
	},

	submit: async (event) => {
		const t = strings(event.locals.locale);
		const p = await posted(event);
		if ('failure' in p) return p.failure;
		const { found, article, attempt, read } = p;
		if (!read.ok) {
			// the readable answers are kept; nothing is submitted until every answer can be read
			const outcome = await saveWork(db(), found.assignment, article, attempt, read.answers);
			if (outcome.kind === 'saved') {
				return refused(400, t.quiz.badPost, read.problems, read.echo);
			}
			if (outcome.kind === 'too-late') return refused(409, t.assign.tooLate);
			redirect(303, resultsOf(found.assignment.id, attempt.id));
		}
		const outcome = await submitWork(db(), found.assignment, article, attempt, read.answers);
		if (outcome.kind === 'too-late') return refused(409, t.assign.tooLate);
		// submitted now, or before (a double post): the same results either way
		redirect(303, resultsOf(found.assignment.id, attempt.id));
	}
};
