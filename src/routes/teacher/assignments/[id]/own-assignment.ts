/**
 * The guard of an assignment's pages (results, review, audit) and grades download: the signed-in
 * teacher's assignment named in the URL, else sign-in for nobody and 404 for anyone else (another
 * teacher too: the page does not tell them it exists).
 */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { strings } from '$lib/i18n';
import { assignmentById } from '$lib/server/assignments';
import { db } from '$lib/server/db';

/** The signed-in teacher's assignment of this page, or 404 (also for another teacher's). */
export async function ownAssignment({ locals, params }: Pick<RequestEvent, 'locals' | 'params'>) {
	if (!locals.user) redirect(303, '/teacher/sign-in');
	const assignment = await assignmentById(db(), params.id ?? '');
	if (!assignment || assignment.teacherId !== locals.user.id) {
		error(404, strings(locals.locale).assign.notFound);
	}
	return { teacherId: locals.user.id, assignment };
}
