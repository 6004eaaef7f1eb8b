/**
 * The interface strings the quiz pages use, for one locale. Pages get them in their data rather
 * than importing $lib/i18n, so the quiz page's JavaScript does not carry every string of the app in
 * both languages.
 *
 * The quiz page itself (where every student starts, on a phone) gets only the keys it and its
 * components show: `quizPageStrings`. The lists below are those keys; the components' prop types
 * are made from them, so a component that used a key left off a list would not compile.
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
	| 'answerTrue'
	| 'answerFalse'
	| 'skillNames'
	| 'questionsHeading'
	| 'source'
	| 'date'
>;

/**
 * The quiz pages' strings in a locale, whole blocks: the results, assignment and study pages.
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
		answerTrue: t.answerTrue,
		answerFalse: t.answerFalse,
		skillNames: t.skillNames,
		questionsHeading: t.questionsHeading,
		source: t.source,
		date: t.date
	};
}

type QuizKey = keyof Strings['quiz'];

/** The quiz block's keys a verdict shows (Feedback.svelte). */
const FEEDBACK_KEYS = [
	'correct',
	'partial',
	'wrong',
	'unanswered',
	'unsure',
	'yourAnswer',
	'expected',
	'evidenceIn'
] as const satisfies readonly QuizKey[];

/** The quiz block's keys a question and its controls show (Question.svelte), a verdict's among them. */
const QUESTION_KEYS = [
	...FEEDBACK_KEYS,
	'chooseAll',
	'orderHint',
	'evidenceHint',
	'problemOption',
	'problemDuplicate',
	'problemMalformed',
	'optionRight',
	'typeAnswer',
	'numberHint',
	'blank',
	'choose',
	'position',
	'orderDrag',
	'evidencePhrase',
	'evidenceKeys'
] as const satisfies readonly QuizKey[];

/** The quiz block's keys the quiz page shows: its questions', its own and its notes'. */
const QUIZ_PAGE_KEYS = [
	...QUESTION_KEYS,
	'title',
	'practice',
	'test',
	'check',
	'save',
	'saved',
	'submit',
	'submitOnce',
	'finish',
	'start',
	'timeLimit',
	'timeLeft',
	'timeUp',
	'text',
	'showText',
	'closedBook',
	'noQuestions',
	'badPost',
	'answerFirst',
	'versionOf',
	'answered',
	'shareExact',
	'shareHint',
	'offline',
	// QuizNotes
	'noteParam',
	'noteFewer',
	'noteNone',
	'noteMissing',
	'openBook',
	'closedBookShort'
] as const satisfies readonly QuizKey[];

/** The counts the quiz page says: an answer's length, a time limit, how many questions matched. */
const QUIZ_PAGE_COUNTS = [
	'characters',
	'minutes',
	'questions'
] as const satisfies readonly (keyof Strings['counts'])[];

/** What a verdict says. */
export type FeedbackStrings = {
	quiz: Pick<Strings['quiz'], (typeof FEEDBACK_KEYS)[number]>;
} & Pick<Strings, 'explanation'>;

/** What a question says: its hints, labels and problems, and its verdict. */
export type QuestionStrings = {
	quiz: Pick<Strings['quiz'], (typeof QUESTION_KEYS)[number]>;
	counts: Pick<Strings['counts'], 'characters'>;
} & Pick<Strings, 'locale' | 'answerTooLong' | 'answerTrue' | 'answerFalse' | 'explanation'>;

/** The keys of `from` named in `keys`, and no others. */
function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
	return Object.fromEntries(keys.map((k) => [k, from[k]])) as Pick<T, K>;
}

/**
 * The quiz page's strings in a locale: only what the page and its components show.
 * @param locale ar or en
 */
export function quizPageStrings(locale: Locale) {
	const t = strings(locale);
	return {
		quiz: pick(t.quiz, QUIZ_PAGE_KEYS),
		counts: pick(t.counts, QUIZ_PAGE_COUNTS),
		// a note names any of the link's settings
		linkParams: t.linkParams,
		locale: t.locale,
		answerTooLong: t.answerTooLong,
		appName: t.appName,
		paragraph: t.paragraph,
		explanation: t.explanation,
		answerTrue: t.answerTrue,
		answerFalse: t.answerFalse,
		source: t.source,
		date: t.date
	};
}

/** The quiz page's strings (see `quizPageStrings`). */
export type QuizPageStrings = ReturnType<typeof quizPageStrings>;
