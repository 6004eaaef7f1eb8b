/**
 * The word classes a fair grader must know, Arabic and English, keyed by folded spelling. The words
 * themselves are data with their sources (./lexicons/*.json); this module only indexes them.
 *
 * - direction, month, weekday, country: facts (a different one is a different answer), each with
 *   a meaning id, so «غرب» = "west", «أيار» = «مايو» = "May", «تونس» = «التونسيون» = "Tunisian";
 * - qualifier: time and quantity qualifiers and seasons (one of a group contradicts another);
 * - period (year, month, week, day, century) and relative-day («أمس»: the day before the article's
 *   date), ago («قبل»، «منذ»): the words of relative times;
 * - hedge, negation, and (list connectors), relation (words that make the next name context);
 * - title (before a name), head (the generic noun before a proper name: lake, conference),
 *   speech (said, added: the verb before a name is not a first name), filler (harmless wrapping).
 *
 * Kept small on purpose: the quiz page ships it.
 */
import { foldArabic } from './fold';
import { stemVariants } from './stems';
import countries from './lexicons/countries.json' with { type: 'json' };
import graderWords from './lexicons/grader-words.json' with { type: 'json' };
import months from './lexicons/months.json' with { type: 'json' };
import weekdays from './lexicons/weekdays.json' with { type: 'json' };

/** What a word is to the grader. */
export type WordClass =
	| 'direction'
	| 'month'
	| 'weekday'
	| 'country'
	| 'qualifier'
	| 'period'
	| 'relative-day'
	| 'ago'
	| 'hedge'
	| 'negation'
	| 'and'
	| 'relation'
	| 'title'
	| 'head'
	| 'speech'
	| 'filler';

export interface Lexeme {
	cls: WordClass;
	/** meaning id: the same for every spelling of one meaning (e.g. "W" for غرب, west) */
	id: string;
	/** a country word that is an adjective or a people («التونسية»), not the country's name */
	nisba?: boolean;
}

const LEXICON = new Map<string, Lexeme>();
/** Folded stems of the adjectives of origin («تونسي»), by country. */
const NISBA_STEMS = new Map<string, string>();

function add(cls: WordClass, id: string, words: string | string[], nisba = false) {
	const list = typeof words === 'string' ? words.trim().split(/\s+/) : words;
	for (const w of list) {
		const key = foldArabic(w.replace(/_/g, ' '));
		if (key && !LEXICON.has(key)) LEXICON.set(key, nisba ? { cls, id, nisba } : { cls, id });
	}
}

// Facts first: a word that is both a fact and something else is the fact.
for (const [id, words] of Object.entries(graderWords.direction)) add('direction', id, words);
months.months.forEach((names, i) => add('month', `M${i + 1}`, names));
weekdays.weekdays.forEach((names, i) => add('weekday', `D${i + 1}`, names));
for (const c of countries.countries) {
	add('country', c.id, c.ar);
	add('country', c.id, c.people, true);
	const [name, ...demonyms] = c.en;
	add('country', c.id, [name]);
	add('country', c.id, demonyms, true);
	for (const stem of c.nisba) NISBA_STEMS.set(foldArabic(stem), c.id);
}
const WORD_CLASSES: WordClass[] = [
	'qualifier',
	'relative-day',
	'period',
	'ago',
	'hedge',
	'negation',
	'and',
	'relation',
	'title',
	'head',
	'speech',
	'filler'
];
for (const cls of WORD_CLASSES) {
	const meanings = (graderWords as unknown as Record<string, Record<string, string>>)[cls];
	for (const [id, words] of Object.entries(meanings)) add(cls, id, words);
}

/** An adjective of origin or a people's name («التونسية»، «التونسيين»), by its folded stem. */
function countryByNisba(variant: string): Lexeme | undefined {
	const m = /^(.{3,}?)(يه|يين|يون|ين|ون|يات|ات|ه)$/.exec(variant);
	const stem = m ? (m[2].startsWith('ي') ? m[1] + 'ي' : m[1]) : variant;
	const id = NISBA_STEMS.get(stem);
	return id ? { cls: 'country', id, nisba: true } : undefined;
}

/**
 * What a folded token is to the grader, clitics aside, or undefined for an ordinary word.
 * @param token a folded token
 * @param variants its `stemVariants`, if already computed
 */
export function lexeme(token: string, variants?: string[]): Lexeme | undefined {
	let found = LEXEMES.get(token);
	if (found === undefined) {
		found = lookUp(token, variants ?? stemVariants(token)) ?? null;
		// bounded: a bank's or a class's vocabulary fits many times over
		if (LEXEMES.size >= 50_000) LEXEMES.clear();
		LEXEMES.set(token, found);
	}
	return found ?? undefined;
}

/** Tokens looked up before (null: an ordinary word). The lexemes are shared: callers only read. */
const LEXEMES = new Map<string, Lexeme | null>();

function lookUp(token: string, variants: string[]): Lexeme | undefined {
	const direct = LEXICON.get(token);
	if (direct) return direct;
	for (const v of variants) {
		const l = LEXICON.get(v);
		// A clitic-stripped hedge or negation ("ولا") still counts, and so does a filler of three
		// letters or more ("وقاعدة"); a shorter one must not turn a real word into filler.
		if (l && l.cls !== 'and' && (l.cls !== 'filler' || v.length >= 3)) return l;
	}
	for (const v of variants) {
		const country = countryByNisba(v);
		if (country) return country;
	}
	return undefined;
}

/** Meaning ids of the lexicon classes that name a fact (a different one is a different answer). */
export const FACT_CLASSES: ReadonlySet<WordClass> = new Set([
	'direction',
	'month',
	'weekday',
	'country'
]);
