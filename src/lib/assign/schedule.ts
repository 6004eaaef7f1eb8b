/**
 * An assignment's times as the teacher's pages show and read them: the teacher's time-zone offset
 * (a form field, remembered in a cookie, since a form posted without JavaScript cannot tell the
 * server the browser's zone), `datetime-local` values in that offset, dates written out in the
 * interface language, and whether the assignment is upcoming, open or closed.
 */
import type { AssignmentSpec } from './spec';
import { isOver } from './timing';

/**
 * The cookie where a student's browser leaves its time-zone offset (minutes east of UTC, set by
 * the pages' script), so that the server writes the student's dates in their zone.
 */
export const STUDENT_TZ_COOKIE = 'dalil-student-tz';

/** Offsets a teacher may choose, in minutes east of UTC: every half hour, and the few odd ones. */
export const OFFSET_CHOICES: readonly number[] = [
	...Array.from({ length: 53 }, (_, i) => -720 + i * 30),
	345,
	525,
	765
].sort((a, b) => a - b);

/**
 * An offset as written in a time zone's name: UTC+03:00, UTC−05:00, UTC.
 * @param minutes minutes east of UTC
 */
export function offsetLabel(minutes: number): string {
	if (minutes === 0) return 'UTC';
	const abs = Math.abs(minutes);
	const hh = String(Math.floor(abs / 60)).padStart(2, '0');
	const mm = String(abs % 60).padStart(2, '0');
	return `UTC${minutes < 0 ? '\u2212' : '+'}${hh}:${mm}`;
}

/**
 * A posted or stored offset, or undefined when it is not one of the choices.
 * @param raw the form field's or cookie's text
 */
export function readOffset(raw: unknown): number | undefined {
	if (typeof raw !== 'string' || !/^-?\d{1,3}$/.test(raw.trim())) return undefined;
	const minutes = Number(raw.trim());
	return OFFSET_CHOICES.includes(minutes) ? minutes : undefined;
}

/**
 * A moment as a `datetime-local` value in the offset (what the form shows again).
 * @param ms epoch milliseconds
 * @param offsetMinutes the teacher's offset
 */
export function localInputValue(ms: number, offsetMinutes: number): string {
	return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 16);
}

/**
 * A moment written out in the interface language, in the teacher's offset.
 * @param ms epoch milliseconds
 * @param offsetMinutes the teacher's offset
 * @param locale the interface language
 */
export function localTime(ms: number, offsetMinutes: number, locale: string): string {
	// shifted by hand and formatted as UTC: Node 20's Intl knows no "+03:00" zones
	return dateTimeFormat(locale).format(ms + offsetMinutes * 60_000);
}

/**
 * One formatter per language, made once: making one costs far more than formatting with it, and a
 * results page writes out a time per student.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: string): Intl.DateTimeFormat {
	let format = formats.get(locale);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, {
			dateStyle: 'medium',
			timeStyle: 'short',
			timeZone: 'UTC'
		});
		formats.set(locale, format);
	}
	return format;
}

/** An assignment's state for its teacher. */
export type Schedule = 'upcoming' | 'open' | 'closed';

/**
 * Whether the assignment has not opened yet, is open, or is over (close time and grace passed).
 * @param a the assignment
 * @param now the moment (ms)
 */
export function scheduleOf(
	a: Pick<AssignmentSpec, 'opensAt' | 'closesAt' | 'grace'>,
	now: number
): Schedule {
	if (now < a.opensAt) return 'upcoming';
	return isOver(a, now) ? 'closed' : 'open';
}

/**
 * A duration in minutes and seconds, as a stopwatch shows it: 7:05, 72:00.
 * @param seconds whole seconds
 */
export function minutesSeconds(seconds: number): string {
	const s = Math.max(0, Math.round(seconds));
	return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
