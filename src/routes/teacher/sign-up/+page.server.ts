import { redirect } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { env } from '$env/dynamic/private';
import { signUpSchema } from '$lib/classes/schema';
import { strings } from '$lib/i18n';
import { authFor, signUpPolicy, signUpUnder } from '$lib/server/auth';
import { db } from '$lib/server/db';
import { limitAttempt, parseForm, refuse, safeValues } from '$lib/server/forms';
import { RATE_LIMITS } from '$lib/server/rate-limit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, '/teacher/classes');
	const policy = await signUpPolicy(db(), env, url.searchParams.get('invite'));
	return { t: strings(locals.locale).classes, policy };
};

export const actions: Actions = {
	signUp: async (event) => {
		const t = strings(event.locals.locale).classes;
		const limited = await limitAttempt(
			event,
			'sign-up',
			event.getClientAddress(),
			RATE_LIMITS.signInPerClient
		);
		if (limited) return limited;
		const invite = event.url.searchParams.get('invite');
		const policy = await signUpPolicy(db(), env, invite);
		if (policy === 'closed') return refuse(403, t.signUpClosed);
		const parsed = await parseForm(event, signUpSchema, ['name', 'email', 'password']);
		if (!parsed.ok) return parsed.failure;
		// the invitation, or the claim of the first account, is spent first (sign-ups racing for it
		// get one account), and given back if the account cannot be made
		let made: boolean;
		try {
			made = await signUpUnder(db(), policy, env, invite, () =>
				authFor(event.url).api.signUpEmail({
					body: parsed.data,
					headers: event.request.headers
				})
			);
		} catch (e) {
			if (!(e instanceof APIError)) throw e;
			const taken = e.body?.code === 'USER_ALREADY_EXISTS' || e.status === 'UNPROCESSABLE_ENTITY';
			return refuse(
				400,
				taken ? t.emailTaken : t.errors.shortPassword,
				taken ? 'email' : 'password',
				safeValues(parsed.fields)
			);
		}
		if (!made) return refuse(403, t.signUpClosed);
		redirect(303, '/teacher/classes');
	}
};
