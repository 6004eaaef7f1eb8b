/**
 * Interface strings, all in one place, in Arabic and English. Article text is never translated
 * here: it carries its own language.
 */

export const LOCALES = ['ar', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const ar = {
	appName: 'دليل',
	tagline: 'أسئلة فهم المقروء، كل إجابة بدليلها من النص',
	articles: 'المقالات',
	paragraphs: 'فقرات',
	questions: 'أسئلة',
	language: 'اللغة',
	source: 'المصدر',
	date: 'التاريخ',
	attribution: 'الحقوق',
	paragraph: 'الفقرة',
	home: 'الرئيسية',
	bankCheck: 'فحص بنك الأسئلة',
	switchLanguage: 'English',
	switchLanguageCode: 'en',
	skipToContent: 'انتقل إلى المحتوى',
	failedQuestions: 'أسئلة لم تجتز الفحص',
	noFailed: 'كل الأسئلة مثبتة من النص.',
	warnings: 'تنبيهات',
	notFound: 'غير موجود'
};

export type Strings = typeof ar;

const en: Strings = {
	appName: 'Dalil',
	tagline: 'Reading-comprehension quizzes: every answer proven by the text',
	articles: 'Articles',
	paragraphs: 'paragraphs',
	questions: 'questions',
	language: 'Language',
	source: 'Source',
	date: 'Date',
	attribution: 'Attribution',
	paragraph: 'Paragraph',
	home: 'Home',
	bankCheck: 'Bank check',
	switchLanguage: 'العربية',
	switchLanguageCode: 'ar',
	skipToContent: 'Skip to content',
	failedQuestions: 'Questions that failed the check',
	noFailed: 'Every question is proven by the text.',
	warnings: 'Warnings',
	notFound: 'Not found'
};

const STRINGS: Record<Locale, Strings> = { ar, en };

/**
 * The interface strings of a locale.
 * @param locale ar or en
 */
export function strings(locale: Locale): Strings {
	return STRINGS[locale];
}

/** Whether a value names a locale the interface has. */
export function isLocale(value: unknown): value is Locale {
	return (LOCALES as readonly unknown[]).includes(value);
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
