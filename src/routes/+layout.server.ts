import { strings } from '$lib/i18n';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	const t = strings(locals.locale);
	return {
		locale: locals.locale,
		// who is signed in: the header offers their pages (and signing out)
		teacherName: locals.user?.name ?? null,
		isStudent: !!locals.student,
		// The shell's few strings travel as data, so the string table stays out of every page's
		// JavaScript (the quiz page counts its kilobytes).
		shell: {
			appName: t.appName,
			skipToContent: t.skipToContent,
			study: t.study.nav,
			teacher: t.teacherBank,
			classes: t.classes.nav,
			studentHome: t.classes.studentNav,
			join: t.classes.joinTitle,
			signOut: t.classes.signOut,
			signedInAs: t.classes.signedInAs,
			switchLanguage: t.switchLanguage,
			switchLanguageCode: t.switchLanguageCode,
			// the error page (+error.svelte) has only the layout's data
			error: t.errorPage
		}
	};
};
