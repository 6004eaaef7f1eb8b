/**
 * Counts with their nouns, in each language's grammar. Arabic has six plural forms (zero, one,
 * two, few for 3–10, many for 11–99, other for 100 and up): «3 أسئلة» but «12 سؤالًا» and
 * «100 سؤال». `Intl.PluralRules` picks the form; the string tables hold the words, all six forms
 * in every language (English fills them with its one and other), so the tables keep the same keys.
 */
import type { Locale } from './index';
import { fmtParts, type TemplatePart } from '../quiz/format';

/** The words of a count in every plural form; `{n}` stands for the number. */
export type PluralForms = Record<Intl.LDMLPluralRule, string>;

const rules = new Map<Locale, Intl.PluralRules>();

/** The plural rules of a locale, made once (they are not free to build). */
function rulesOf(locale: Locale): Intl.PluralRules {
	let r = rules.get(locale);
	if (!r) rules.set(locale, (r = new Intl.PluralRules(locale)));
	return r;
}

/**
 * The form of the words a count takes.
 * @param locale the interface language
 * @param forms the words, from the string tables
 * @param n the count
 */
export function pluralForm(locale: Locale, forms: PluralForms, n: number): string {
	return forms[rulesOf(locale).select(n)];
}

/**
 * A count with its noun, as text: «12 سؤالًا», "12 questions".
 * @param locale the interface language
 * @param forms the words, from the string tables
 * @param n the count
 */
export function plural(locale: Locale, forms: PluralForms, n: number): string {
	return pluralForm(locale, forms, n).replaceAll('{n}', String(n));
}

/**
 * A count with its noun in pieces, so a view can isolate the number in a <bdi>.
 * @param locale the interface language
 * @param forms the words, from the string tables
 * @param n the count
 */
export function pluralParts(locale: Locale, forms: PluralForms, n: number): TemplatePart[] {
	return fmtParts(pluralForm(locale, forms, n), { n });
}
