import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { studentNameSchema } from '$lib/classes/schema';
import { strings } from '$lib/i18n';
import { getClass, issueReentry, removeStudent, renameStudent, roster } from '$lib/server/classes';
import { db } from '$lib/server/db';
import { parseForm, refuse } from '$lib/server/forms';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

/** The signed-in teacher's class of this page, or 404 (also for another teacher's class). */
async function ownClass({ locals, params }: Pick<RequestEvent, 'locals' | 'params'>) {
	if (!locals.user) redirect(303, '/teacher/sign-in');
	const found = await getClass(db(), locals.user.id, params.id ?? '');
	if (!found) error(404, strings(locals.locale).classes.errors.notFound);
	return { teacherId: locals.user.id, found };
}

export const load: PageServerLoad = async (event) => {
	const { found } = await ownClass(event);
	return {
		t: strings(event.locals.locale).classes,
		class: found,
		joinLink: `${event.url.origin}/join?code=${found.joinCode}`,
		students: await roster(db(), found.id)
	};
};

const studentSchema = z.object({ student: z.string({ error: 'required' }).min(1).max(64) });
const renameSchema = studentSchema.extend({ name: studentNameSchema });

/** 404 in the interface language when the student is not on this teacher's roster. */
function noSuchStudent(event: RequestEvent) {
	return refuse(404, strings(event.locals.locale).classes.errors.notFound);
}

export const actions: Actions = {
	rename: async (event) => {
		const { teacherId } = await ownClass(event);
		const parsed = await parseForm(event, renameSchema, ['student', 'name']);
		if (!parsed.ok) return parsed.failure;
		const done = await renameStudent(db(), teacherId, parsed.data.student, parsed.data.name);
		if (!done) return noSuchStudent(event);
		return { done: 'renamed' as const, student: parsed.data.student };
	},
	remove: async (event) => {
		const { teacherId } = await ownClass(event);
		const parsed = await parseForm(event, studentSchema, ['student']);
		if (!parsed.ok) return parsed.failure;
		if (!(await removeStudent(db(), teacherId, parsed.data.student))) return noSuchStudent(event);
		return { done: 'removed' as const, student: parsed.data.student };
	},
	reentry: async (event) => {
		const { teacherId } = await ownClass(event);
		const parsed = await parseForm(event, studentSchema, ['student']);
		if (!parsed.ok) return parsed.failure;
		const token = await issueReentry(db(), teacherId, parsed.data.student);
		if (!token) return noSuchStudent(event);
		return {
			student: parsed.data.student,
			reentryLink: `${event.url.origin}/reenter/${token}`
		};
	}
};
