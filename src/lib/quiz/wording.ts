/**
 * The quiz pages' sentences that hold a count, each count with its noun in the grammar of the
 * interface language (`plural`): «المدة: 10 دقائق», «15 دقيقة و3 ثوانٍ». Kept apart from the
 * components so that the Arabic forms are tested without a browser.
 */
import { plural } from '../i18n/plural';
import { fmt } from './format';
import type { Strings } from '../i18n';

/**
 * The strings a sentence needs: its templates of the quiz block, its counts and the language (no
 * more, so the quiz page can send only what it says).
 */
type Wording<Q extends keyof Strings['quiz'], C extends keyof Strings['counts']> = {
	quiz: Pick<Strings['quiz'], Q>;
	counts: Pick<Strings['counts'], C>;
	locale: Strings['locale'];
};

/**
 * A timed test's limit: "Time limit: 10 minutes".
 * @param t the quiz strings
 * @param minutes the limit
 */
export function timeLimitText(t: Wording<'timeLimit', 'minutes'>, minutes: number): string {
	return fmt(t.quiz.timeLimit, { duration: plural(t.locale, t.counts.minutes, minutes) });
}

/**
 * How long an attempt took, in minutes and seconds, or seconds alone under a minute.
 * @param t the quiz strings
 * @param seconds the time taken
 */
export function durationText(
	t: Wording<'minutesSeconds', 'minutes' | 'seconds'>,
	seconds: number
): string {
	const m = Math.floor(seconds / 60);
	const s = plural(t.locale, t.counts.seconds, seconds % 60);
	if (m === 0) return s;
	return fmt(t.quiz.minutesSeconds, { minutes: plural(t.locale, t.counts.minutes, m), seconds: s });
}

/**
 * The note that fewer questions matched than the link asked for.
 * @param t the quiz strings
 * @param n how many matched
 */
export function fewerText(t: Wording<'noteFewer', 'questions'>, n: number): string {
	return fmt(t.quiz.noteFewer, { count: plural(t.locale, t.counts.questions, n) });
}
