import { strings } from '$lib/i18n';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	const t = strings(locals.locale);
	return {
		locale: locals.locale,
		// The shell's few strings travel as data, so the string table stays out of every page's
		// JavaScript (the quiz page counts its kilobytes).
		shell: {
			appName: t.appName,
			skipToContent: t.skipToContent,
			study: t.study.nav,
			teacher: t.teacherBank,
			switchLanguage: t.switchLanguage,
			switchLanguageCode: t.switchLanguageCode
		}
	};
};
