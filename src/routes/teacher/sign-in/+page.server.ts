import { redirect } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { signInSchema } from '$lib/classes/schema';
import { strings } from '$lib/i18n';
import { authFor, noTeacherYet } from '$lib/server/auth';
import { db } from '$lib/server/db';
import { limitAttempt, parseForm, refuse, safeValues } from '$lib/server/forms';
import { RATE_LIMITS } from '$lib/server/rate-limit';
import type { Actions, PageServerLoad } from './$types';

/** Where to go after signing in: a path of this site only (never //elsewhere). */
function nextPath(url: URL): string {
	const next = url.searchParams.get('next') ?? '';
	return /^\/(?![/\\])/.test(next) ? next : '/teacher/classes';
}

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, nextPath(url));
	// An empty database: /teacher offers to create the first account.
	if (await noTeacherYet(db())) redirect(303, '/teacher/sign-up');
	const t = strings(locals.locale);
	return { t: t.classes, title: t.classes.signInTitle };
};

export const actions: Actions = {
	signIn: async (event) => {
		const parsed = await parseForm(event, signInSchema, ['email', 'password']);
		if (!parsed.ok) return parsed.failure;
		const { email, password } = parsed.data;
		const client = event.getClientAddress();
		const limited =
			(await limitAttempt(
				event,
				'sign-in',
				`${client}|${email.toLowerCase()}`,
				RATE_LIMITS.signIn
			)) ?? (await limitAttempt(event, 'sign-in-any', client, RATE_LIMITS.signInPerClient));
		if (limited) return limited;
		try {
			await authFor(event.url).api.signInEmail({
				body: { email, password },
				headers: event.request.headers
			});
		} catch (e) {
			if (!(e instanceof APIError)) throw e;
			const t = strings(event.locals.locale).classes;
			return refuse(400, t.wrongPassword, 'email', safeValues(parsed.fields));
		}
		redirect(303, nextPath(event.url));
	}
};
