/**
 * The guard of a class's pages (the class page and its assign form): the signed-in teacher's class
 * named in the URL, else sign-in for nobody and 404 for anyone else (also another teacher).
 */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { strings } from '$lib/i18n';
import { getClass } from '$lib/server/classes';
import { db } from '$lib/server/db';

/** The signed-in teacher's class of this page, or 404 (also for another teacher's class). */
export async function ownClass({ locals, params }: Pick<RequestEvent, 'locals' | 'params'>) {
	if (!locals.user) redirect(303, '/teacher/sign-in');
	const found = await getClass(db(), locals.user.id, params.id ?? '');
	if (!found) error(404, strings(locals.locale).classes.errors.notFound);
	return { teacherId: locals.user.id, found };
}

/** The cookie that remembers the teacher's time-zone offset (minutes east of UTC) for the forms. */
export const TZ_COOKIE = 'dalil-tz';
