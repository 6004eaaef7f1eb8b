import { error, redirect } from '@sveltejs/kit';
import { strings } from '$lib/i18n';
import { assignmentById } from '$lib/server/assignments';
import { auditOf } from '$lib/server/audit';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/** Nothing to operate: a list to read. */
export const csr = false;

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!locals.user) redirect(303, '/teacher/sign-in');
	const assignment = await assignmentById(db(), params.id);
	if (!assignment || assignment.teacherId !== locals.user.id) {
		error(404, strings(locals.locale).assign.notFound);
	}
	const entries = await auditOf(db(), assignment.id);
	return {
		t: strings(locals.locale).review,
		verdictNames: strings(locals.locale).verdictNames,
		title: assignment.spec.title,
		entries: entries.map((e) => ({
			id: e.id,
			at: e.at,
			who: e.actorName,
			kind: e.actorKind,
			action: e.action,
			detail: e.detail ?? {}
		}))
	};
};
