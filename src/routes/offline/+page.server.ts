import { error } from '@sveltejs/kit';
import { isLocale, strings } from '$lib/i18n';
import type { PageServerLoad } from './$types';

/**
 * The app's own page for a page it cannot fetch offline (issue 17), one per interface language
 * (/offline/ar, /offline/en; the hook takes the language from the path). The service worker keeps
 * both at install, fetched without cookies, and shows one in place of any page it has no copy of.
 * It holds nothing but these few strings and the signed-out header: no question, no key.
 */
export const load: PageServerLoad = ({ params, locals }) => {
	if (!isLocale(params.lang)) error(404, strings(locals.locale).errorPage.notFound);
	return { t: strings(locals.locale).offline };
};
