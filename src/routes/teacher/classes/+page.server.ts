import { redirect } from '@sveltejs/kit';
import { classNameSchema } from '$lib/classes/schema';
import { strings } from '$lib/i18n';
import { createInvite } from '$lib/server/auth';
import { createClass, listClasses } from '$lib/server/classes';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	// The hook lets no signed-out request reach a teacher page; this narrows the type.
	if (!locals.user) redirect(303, '/teacher/sign-in');
	return {
		t: strings(locals.locale).classes,
		classes: await listClasses(db(), locals.user.id)
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = event.locals.user;
		if (!user) redirect(303, '/teacher/sign-in');
		const parsed = await parseForm(event, z.object({ name: classNameSchema }), ['name']);
		if (!parsed.ok) return parsed.failure;
		const created = await createClass(db(), user.id, parsed.data.name);
		redirect(303, `/teacher/classes/${created.id}`);
	},
	invite: async ({ locals, url }) => {
		if (!locals.user) redirect(303, '/teacher/sign-in');
		const token = await createInvite(db(), locals.user.id);
		return { inviteLink: `${url.origin}/teacher/sign-up?invite=${token}` };
	}
};
