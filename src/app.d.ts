// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Locale } from '$lib/i18n';
import type { Membership } from '$lib/server/classes';

declare global {
	namespace App {
		// interface Error {}
		interface Locals {
			locale: Locale;
			/** The signed-in teacher, or null. */
			user: { id: string; name: string; email: string } | null;
			/**
			 * This device's student session: the classes it has joined (one student row each),
			 * or null when it has joined none.
			 */
			student: { memberships: Membership[] } | null;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
