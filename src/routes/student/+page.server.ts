import { strings } from '$lib/i18n';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	t: strings(locals.locale).classes,
	memberships: locals.student?.memberships ?? []
});
