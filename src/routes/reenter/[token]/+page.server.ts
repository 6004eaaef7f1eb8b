import { redirect } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { strings } from '$lib/i18n';
import { reenter, reentryValid } from '$lib/server/classes';
import { db } from '$lib/server/db';
import { limitAttempt, refuse } from '$lib/server/forms';
import { joinRateLimit } from '$lib/server/rate-limit';
import { setStudentCookie, STUDENT_COOKIE } from '$lib/server/sessions';
import type { Actions, PageServerLoad } from './$types';

// A GET only shows whose link it is; the link is spent by the button's post, so a link preview
// or a prefetch cannot use it up.
export const load: PageServerLoad = async ({ locals, params }) => ({
	t: strings(locals.locale).classes,
	link: await reentryValid(db(), params.token)
});

export const actions: Actions = {
	enter: async (event) => {
		const limited = await limitAttempt(event, 'join', event.getClientAddress(), joinRateLimit(env));
		if (limited) return limited;
		const entered = await reenter(db(), event.params.token, event.cookies.get(STUDENT_COOKIE));
		if (!entered) {
			return refuse(400, strings(event.locals.locale).classes.reenterInvalid);
		}
		setStudentCookie(event.cookies, event.url, entered.deviceToken);
		redirect(303, '/student');
	}
};
