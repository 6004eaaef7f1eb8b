/**
 * Interface strings: one file per locale (ar.ts, en.ts), both of the type `Strings`. Article text is
 * never translated here: it carries its own language.
 */
import { ar, type Strings } from './ar';
import { en } from './en';
import { isLocale, type Locale } from './locales';

export type { Strings };
export { LOCALES, isLocale, type Locale } from './locales';

const STRINGS: Record<Locale, Strings> = { ar, en };

/**
 * The interface strings of a locale.
 * @param locale ar or en
 */
export function strings(locale: Locale): Strings {
	return STRINGS[locale];
}

/**
 * The interface language: an explicit choice, else the article's language when the interface has
 * it, else Arabic (the language of the product's first readers).
 * @param choice ?ui= or the `ui` cookie
 * @param articleLanguage the language of the article shown, if any
 */
export function chooseLocale(choice: string | null | undefined, articleLanguage?: string): Locale {
	if (isLocale(choice)) return choice;
	const base = articleLanguage?.split('-')[0];
	if (isLocale(base)) return base;
	return 'ar';
}

/** Direction of the interface language. */
export function localeDir(locale: Locale): 'rtl' | 'ltr' {
	return locale === 'ar' ? 'rtl' : 'ltr';
}
