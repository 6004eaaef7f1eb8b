import { strings } from '$lib/i18n';
import { auditOf } from '$lib/server/audit';
import { db } from '$lib/server/db';
import { ownAssignment } from '../own-assignment';
import type { PageServerLoad } from './$types';

/** Nothing to operate: a list to read. */
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const { locals } = event;
	const { assignment } = await ownAssignment(event);
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
