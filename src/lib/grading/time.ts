/**
 * The time rule: relative and absolute times agree through the article's date. "Last year" in an
 * article of 2024 is 2023; «قبل عشرين عامًا» is 2004; «آذار الماضي» in November 2024 is March
 * 2024; «أمس» in an article of a Thursday is Wednesday. An answer that gives the key's time in the
 * other form is rewritten into the key's form; one that gives another time contradicts the key.
 */
import { lexeme, type Lexeme } from '../text/lexicon';
import { analyze, type Analyzed } from '../text/analyze';
import { findNumbers, type FoundNumber } from '../text/units';

/** The times a text names, resolved against a date. */
export interface Times {
	year?: number;
	/** token indices that gave the year */
	yearTokens: number[];
	/** weekday id (D1 = Sunday … D7 = Saturday) */
	weekday?: string;
	weekdayTokens: number[];
}

const QUALIFIER_YEARS: Record<string, number> = { past: -1, current: 0, next: 1 };
const isYear = (n: { value: number; unit?: string }) =>
	!n.unit && Number.isInteger(n.value) && n.value >= 1000 && n.value <= 2100;

/** The year of a month named with «الماضي»/«المقبل» (or none: the article's year). */
function yearOfMonth(month: number, qualifier: string | undefined, date: Date): number {
	const year = date.getUTCFullYear();
	const now = date.getUTCMonth() + 1;
	if (qualifier === 'past') return month < now ? year : year - 1;
	if (qualifier === 'next') return month > now ? year : year + 1;
	return year;
}

/** A text being read for its times: its words' lexemes, its numbers by token, the date. */
interface TimeReader {
	a: Analyzed;
	lex: (Lexeme | undefined)[];
	numberAt: Map<number, FoundNumber>;
	date: Date;
	year: number;
	times: Times;
}

/**
 * Reads the times of an analyzed text.
 * @param a the text
 * @param numbers `findNumbers(a)`, when already known
 * @param date the article's date
 */
export function readTimes(a: Analyzed, numbers: FoundNumber[], date: Date): Times {
	const reader: TimeReader = {
		a,
		lex: a.tokens.map((t, i) => lexeme(t, a.variants[i])),
		numberAt: new Map(numbers.map((n) => [n.index, n])),
		date,
		year: date.getUTCFullYear(),
		times: { yearTokens: [], weekdayTokens: [] }
	};
	for (let i = 0; i < a.tokens.length; i++) readTimeAt(reader, i);
	return reader.times;
}

/** The time that token `i` starts, if any. */
function readTimeAt(reader: TimeReader, i: number) {
	const { lex, times } = reader;
	const n = reader.numberAt.get(i);
	const l = lex[i];
	if (n?.unit === 'year' && lex[i + (n.length ?? 1)]?.cls === 'ago') {
		// "84 years ago"
		times.year = reader.year - n.value;
		for (let k = i; k <= i + (n.length ?? 1); k++) times.yearTokens.push(k);
	} else if (n && isYear(n)) {
		times.year = n.value;
		times.yearTokens.push(i);
	} else if (l?.cls === 'ago') readAgo(reader, i);
	else if (l?.cls === 'period' && l.id === 'year') readQualifiedYear(reader, i);
	else if (l?.cls === 'month' && times.year === undefined) readMonthsYear(reader, i, l);
	else if (l?.cls === 'weekday') {
		times.weekday = l.id;
		times.weekdayTokens.push(i);
	} else if (l?.cls === 'relative-day') {
		const day = new Date(reader.date.getTime() + Number(l.id) * 86_400_000);
		times.weekday = `D${day.getUTCDay() + 1}`;
		times.weekdayTokens.push(i);
	}
}

/** «قبل عشرين عامًا», «منذ نحو 20 سنة», «قبل عام»: years before the article's. */
function readAgo(reader: TimeReader, i: number) {
	const { lex, times } = reader;
	let j = i + 1;
	while (j < reader.a.tokens.length && (lex[j]?.cls === 'filler' || lex[j]?.cls === 'relation'))
		j++;
	const m = reader.numberAt.get(j);
	if (m?.unit === 'year') {
		times.year = reader.year - m.value;
		for (let k = i; k < j + (m.length ?? 1); k++) times.yearTokens.push(k);
	} else if (lex[j]?.cls === 'period' && lex[j]!.id === 'year') {
		times.year = reader.year - 1;
		for (let k = i; k <= j; k++) times.yearTokens.push(k);
	}
}

/** «العام الماضي», «هذا العام», "last year". */
function readQualifiedYear(reader: TimeReader, i: number) {
	for (const j of [i - 1, i + 1]) {
		const q = reader.lex[j];
		if (q?.cls === 'qualifier' && q.id in QUALIFIER_YEARS) {
			reader.times.year = reader.year + QUALIFIER_YEARS[q.id];
			reader.times.yearTokens.push(Math.min(i, j), Math.max(i, j));
		}
	}
}

/** «مايو الماضي»: the year of a month the article places before or after its date. */
function readMonthsYear(reader: TimeReader, i: number, month: Lexeme) {
	const next = reader.lex[i + 1];
	const q = next?.cls === 'qualifier' ? next.id : undefined;
	if (q !== 'past' && q !== 'next') return;
	reader.times.year = yearOfMonth(Number(month.id.slice(1)), q, reader.date);
	reader.times.yearTokens.push(i + 1);
}

/** A key form's times against one date, worked out once. */
interface KeyTimes {
	key: Analyzed;
	times: Times;
}

/** Key forms' times by key text and date (the bank's keys and dates do not change). */
const keyTimesCache = new Map<string, KeyTimes>();

function keyTimes(keyText: string, date: Date, isoDate: string): KeyTimes {
	const id = `${isoDate} ${keyText}`;
	let found = keyTimesCache.get(id);
	if (!found) {
		const key = analyze(keyText);
		found = { key, times: readTimes(key, findNumbers(key), date) };
		// bounded: the CLI's quick keys are arbitrary texts
		if (keyTimesCache.size >= 5000) keyTimesCache.clear();
		keyTimesCache.set(id, found);
	}
	return found;
}

/** What the time rule makes of an answer. */
export type TimeReading =
	| { kind: 'none' }
	| { kind: 'contradicts'; reason: string }
	/** the answer in the key's terms, and what was read */
	| { kind: 'agrees'; text: string; note: string };

/** Article dates read once (a bank has few). */
const middays = new Map<string, Date | null>();

/** Midday UTC of a YYYY-MM-DD date, or null if it is not one. */
function middayOf(isoDate: string): Date | null {
	let date = middays.get(isoDate);
	if (date === undefined) {
		date = new Date(`${isoDate}T12:00:00Z`);
		if (Number.isNaN(date.getTime())) date = null;
		if (middays.size >= 1000) middays.clear();
		middays.set(isoDate, date);
	}
	return date;
}

/** An answer's times, read once and then held against each accepted form of a key. */
export interface AnswerTimes {
	answer: Analyzed;
	times: Times;
	date: Date;
	isoDate: string;
}

/**
 * Reads an answer's times through the article's date, or undefined when it names none (then the
 * time rule has nothing to say about it).
 * @param answer the answer, analyzed
 * @param numbers `findNumbers(answer)`
 * @param isoDate the article's date (YYYY-MM-DD)
 */
export function readAnswerTimes(
	answer: Analyzed,
	numbers: FoundNumber[],
	isoDate: string
): AnswerTimes | undefined {
	const date = middayOf(isoDate);
	if (!date) return undefined;
	const times = readTimes(answer, numbers, date);
	if (times.year === undefined && times.weekday === undefined) return undefined;
	return { answer, times, date, isoDate };
}

/**
 * Reads an answer's times against a key's, through the article's date.
 * @param keyText one accepted form of the key
 * @param given the answer's times (`readAnswerTimes`)
 */
export function readTimeAgainstKey(keyText: string, given: AnswerTimes): TimeReading {
	const { key: keyA, times: key } = keyTimes(keyText, given.date, given.isoDate);
	const { answer, times } = given;
	const tokens = [...answer.tokens];
	const notes: string[] = [];
	if (key.year !== undefined && times.year !== undefined) {
		if (key.year !== times.year)
			return {
				kind: 'contradicts',
				reason: `the year is ${key.year} by the text, not ${times.year}`
			};
		const keyWords = key.yearTokens.length
			? key.yearTokens.map((i) => keyA.tokens[i]).join(' ')
			: String(key.year);
		const [first, ...rest] = [...new Set(times.yearTokens)].sort((x, y) => x - y);
		tokens[first] = keyWords;
		for (const i of rest) tokens[i] = '';
		notes.push(`the year read through the article's date (${key.year})`);
	}
	if (key.weekday !== undefined && times.weekday !== undefined) {
		if (key.weekday !== times.weekday)
			return { kind: 'contradicts', reason: 'another day than the text’s' };
		for (const i of times.weekdayTokens) tokens[i] = keyA.tokens[key.weekdayTokens[0]];
		notes.push('the day read through the article’s date');
	}
	if (!notes.length) return { kind: 'none' };
	return { kind: 'agrees', text: tokens.filter(Boolean).join(' '), note: notes.join('; ') };
}
