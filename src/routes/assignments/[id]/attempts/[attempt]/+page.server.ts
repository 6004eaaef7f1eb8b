import { readOffset, STUDENT_TZ_COOKIE } from '$lib/assign/schedule';
import { error, redirect } from '@sveltejs/kit';
import { citedParagraphs } from '$lib/quiz/evidence';
import { strings } from '$lib/i18n';
import { quizStrings } from '$lib/quiz/strings';
import { articleOr404 } from '$lib/server/articles';
import { db } from '$lib/server/db';
import { assignmentOfStudent, attemptOfStudent, attemptResults } from '$lib/server/student-work';
import type { PageServerLoad } from './$types';

// A report with nothing to operate: rendered on the server only, it needs no JavaScript at all.
export const csr = false;

export const load: PageServerLoad = async ({ params, locals, cookies }) => {
	const t = strings(locals.locale);
	const found = await assignmentOfStudent(db(), locals.student?.memberships, params.id);
	// another class's assignment, or another student's attempt: not there, as far as this device knows
	const attempt = found && (await attemptOfStudent(db(), found, params.attempt));
	if (!found || !attempt) error(404, t.assign.notFound);
	// an attempt under way has no results yet: it is taken on the assignment's page
	if (!attempt.submitted) redirect(303, `/assignments/${found.assignment.id}`);
	const { spec } = found.assignment;
	const article = articleOr404(spec.article, locals.locale);
	const results = await attemptResults(db(), found, article, attempt, [
		t.answerTrue,
		t.answerFalse
	]);
	return {
		t: quizStrings(locals.locale),
		a: t.assign,
		w: t.work,
		reviewedByTeacher: t.review.reviewedByTeacher,
		locale: locals.locale,
		// the student's time zone, as their browser last said (null: UTC, named)
		offset: readOffset(cookies.get(STUDENT_TZ_COOKIE)) ?? null,
		assignment: {
			id: found.assignment.id,
			title: spec.title,
			release: spec.release,
			show: spec.show
		},
		className: found.className,
		article: { title: article.title, language: article.language, direction: article.direction },
		number: attempt.number,
		...results,
		// the paragraphs of the evidence released with the answers (none when only the score is)
		paragraphs: citedParagraphs(
			article.paragraphs,
			results.questions.flatMap((q) => q.feedback.evidence)
		)
	};
};
