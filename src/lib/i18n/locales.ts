/**
 * The interface languages alone, without their string tables: for code that must stay small and
 * needs only the names (the service worker). `$lib/i18n` re-exports them.
 */

/** The interface languages, the first the default. */
export const LOCALES = ['ar', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Whether a value names a locale the interface has. */
export function isLocale(value: unknown): value is Locale {
	return (LOCALES as readonly unknown[]).includes(value);
}
