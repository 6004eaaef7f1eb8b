/**
 * A count in words with the plural form its language asks for (Arabic has six: zero, one, two,
 * few, many, other), from a string table's forms.
 */
import type { Locale } from './index';

/** A string table's plural forms of one phrase; `{n}` stands for the number. */
export type PluralForms = Record<Intl.LDMLPluralRule, string>;

/**
 * The phrase for `n` in the locale's plural form.
 * @param locale the interface language
 * @param forms the phrase's forms
 * @param n the count
 */
export function plural(locale: Locale, forms: PluralForms, n: number): string {
	return forms[new Intl.PluralRules(locale).select(n)].replaceAll('{n}', String(n));
}
