/**
 * The interface strings the study pages use, for one locale. Pages get them in their data rather
 * than importing $lib/i18n, so their JavaScript does not carry every string of the app in both
 * languages (the quiz pages do the same). Server-side only: pages import the type.
 */
import { strings, type Locale, type Strings } from '../i18n';
import { quizStrings, type QuizStrings } from '../quiz/strings';

/** Self-study's strings, plus the quiz's for its question controls. */
export type StudyStrings = QuizStrings & Pick<Strings, 'study' | 'progressImport'>;

/**
 * The study pages' strings in a locale.
 * @param locale ar or en
 */
export function studyStrings(locale: Locale): StudyStrings {
	const { study, progressImport } = strings(locale);
	return { ...quizStrings(locale), study, progressImport };
}
