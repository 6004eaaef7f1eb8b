import { redirect } from '@sveltejs/kit';
import { joinCodeSchema, studentNameSchema } from '$lib/classes/schema';
import { strings } from '$lib/i18n';
import { classByCode, joinClass } from '$lib/server/classes';
import { db } from '$lib/server/db';
import { limitAttempt, parseForm, refuse, safeValues } from '$lib/server/forms';
import { joinRateLimit } from '$lib/server/rate-limit';
import { setStudentCookie, STUDENT_COOKIE } from '$lib/server/sessions';
import { env } from '$env/dynamic/private';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => ({
	t: strings(locals.locale).classes,
	// a join link (/join?code=…) fills the code in; nothing about the class is told before joining
	code: (url.searchParams.get('code') ?? '').slice(0, 12)
});

const joinSchema = z.object({ code: joinCodeSchema, name: studentNameSchema });

export const actions: Actions = {
	join: async (event) => {
		const limited = await limitAttempt(event, 'join', event.getClientAddress(), joinRateLimit(env));
		if (limited) return limited;
		const parsed = await parseForm(event, joinSchema, ['code', 'name']);
		if (!parsed.ok) return parsed.failure;
		const found = await classByCode(db(), parsed.data.code);
		if (!found) {
			return refuse(
				400,
				strings(event.locals.locale).classes.unknownCode,
				'code',
				safeValues(parsed.fields)
			);
		}
		const joined = await joinClass(
			db(),
			found.id,
			parsed.data.name,
			event.cookies.get(STUDENT_COOKIE)
		);
		setStudentCookie(event.cookies, event.url, joined.deviceToken);
		redirect(303, '/student');
	}
};
