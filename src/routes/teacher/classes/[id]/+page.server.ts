import type { RequestEvent } from '@sveltejs/kit';
import { scheduleOf, localTime, readOffset } from '$lib/assign/schedule';
import { studentNameSchema } from '$lib/classes/schema';
import { strings } from '$lib/i18n';
import { classAssignments } from '$lib/server/assignments';
import { getBank } from '$lib/server/bank';
import { issueReentry, removeStudent, renameStudent, roster } from '$lib/server/classes';
import { db } from '$lib/server/db';
import { parseForm, refuse } from '$lib/server/forms';
import { z } from 'zod';
import { ownClass, TZ_COOKIE } from './own-class';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { found } = await ownClass(event);
	const { locale } = event.locals;
	const offset = readOffset(event.cookies.get(TZ_COOKIE)) ?? 0;
	const bank = getBank();
	const now = Date.now();
	const assignments = (await classAssignments(db(), found.id)).map(({ id, spec }) => {
		const article = bank.articles.get(spec.article);
		return {
			id,
			title: spec.title,
			article: article
				? { title: article.title, language: article.language, direction: article.direction }
				: { title: spec.article, language: 'en', direction: 'ltr' as const },
			mode: spec.mode,
			schedule: scheduleOf(spec, now),
			opens: localTime(spec.opensAt, offset, locale),
			closes: spec.closesAt === null ? null : localTime(spec.closesAt, offset, locale)
		};
	});
	const assigned = event.url.searchParams.get('assigned');
	return {
		t: strings(locale).classes,
		ta: strings(locale).teacherAssign,
		tAssign: strings(locale).assign,
		class: found,
		joinLink: `${event.url.origin}/join?code=${found.joinCode}`,
		students: await roster(db(), found.id),
		assignments,
		assigned: assignments.find((a) => a.id === assigned)?.title ?? null
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
