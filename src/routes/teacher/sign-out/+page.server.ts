import { redirect } from '@sveltejs/kit';
import { authFor } from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

// Signing out is a post (the header's button); a plain visit goes back to the classes.
export const load: PageServerLoad = () => redirect(303, '/teacher/classes');

export const actions: Actions = {
	signOut: async (event) => {
		await authFor(event.url).api.signOut({ headers: event.request.headers });
		redirect(303, '/teacher/sign-in');
	}
};
