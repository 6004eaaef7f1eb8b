import { strings } from '$lib/i18n';
import type { PageServerLoad } from './$types';

/**
 * The app's own page for a page it cannot fetch offline (issue 17), in the language its address
 * names (/offline?ui=ar, /offline?ui=en, as every page names it). The service worker keeps both at
 * install, fetched without cookies, and shows one in place of any page it has no copy of. It holds
 * nothing but these few strings and the signed-out header: no question, no key.
 */
export const load: PageServerLoad = ({ locals }) => {
	return { t: strings(locals.locale).offline };
};
