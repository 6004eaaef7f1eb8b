/**
 * The interface strings the quiz pages use, for one locale. Pages get them in their data rather
 * than importing $lib/i18n, so the quiz page's JavaScript does not carry every string of the app in
 * both languages.
 */
import { strings, type Locale, type Strings } from '../i18n';

export type QuizStrings = Pick<
	Strings,
	| 'quiz'
	| 'locale'
	| 'answerTooLong'
	| 'counts'
	| 'linkParams'
	| 'appName'
	| 'paragraph'
	| 'explanation'
	| 'exportTrue'
	| 'exportFalse'
	| 'skillNames'
	| 'wsQuestions'
	| 'source'
	| 'date'
>;

/**
 * The quiz pages' strings in a locale.
 * @param locale ar or en
 */
export function quizStrings(locale: Locale): QuizStrings {
	const t = strings(locale);
	return {
		quiz: t.quiz,
		locale: t.locale,
		answerTooLong: t.answerTooLong,
		counts: t.counts,
		linkParams: t.linkParams,
		appName: t.appName,
		paragraph: t.paragraph,
		explanation: t.explanation,
		exportTrue: t.exportTrue,
		exportFalse: t.exportFalse,
		skillNames: t.skillNames,
		wsQuestions: t.wsQuestions,
		source: t.source,
		date: t.date
	};
}
