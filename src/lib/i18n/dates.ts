/**
 * An article's date as a reader expects it: written out in the interface language ("22 June 2020",
 * "22 يونيو 2020"), with the ISO date kept for `<time datetime>`. Formatted on the server, so the
 * page reads the same with or without JavaScript.
 */
import type { Locale } from './index';

/** A date to show: `iso` for `<time datetime>`, `text` for the reader. */
export interface ShownDate {
	iso: string;
	text: string;
}

/**
 * The article's date in the interface language. A bank date that is not a calendar day
 * (YYYY-MM-DD) is shown as written.
 * @param date the front matter's date
 * @param locale the interface language
 */
export function articleDate(date: string, locale: Locale): ShownDate {
	const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	const when = day ? new Date(Date.UTC(+day[1], +day[2] - 1, +day[3])) : undefined;
	if (!when || Number.isNaN(when.getTime()) || when.getUTCDate() !== +day![3]) {
		return { iso: date, text: date };
	}
	return { iso: date, text: longDate(locale).format(when) };
}

/**
 * One formatter per language, made when first asked for: making one costs far more than
 * formatting (a tenth of a millisecond and more, on every page that shows a date).
 */
const formatters = new Map<Locale, Intl.DateTimeFormat>();

/**
 * The long date format of a language, in UTC both ways: a calendar day has no time zone, and the
 * server's own must not shift it.
 */
function longDate(locale: Locale): Intl.DateTimeFormat {
	let format = formatters.get(locale);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
		formatters.set(locale, format);
	}
	return format;
}
