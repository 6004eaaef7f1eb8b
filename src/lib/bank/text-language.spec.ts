import { describe, expect, it } from 'vitest';
import { directionOf, fieldLanguage, questionLanguages, showsTranslation } from './text-language';

const arabic = { language: 'ar', direction: 'rtl' as const };
const english = { language: 'en', direction: 'ltr' as const };
/** an English text explained in Arabic, as the harbour-library article is */
const explainedInArabic = { ...english, explanationLanguage: 'ar', translationLanguage: 'ar' };

describe('directionOf', () => {
	it('knows the right-to-left languages and scripts', () => {
		expect(directionOf('ar')).toBe('rtl');
		expect(directionOf('ar-EG')).toBe('rtl');
		expect(directionOf('fa')).toBe('rtl');
		expect(directionOf('he')).toBe('rtl');
		expect(directionOf('en')).toBe('ltr');
		expect(directionOf('fr-CA')).toBe('ltr');
		expect(directionOf('ar-Latn')).toBe('ltr');
		expect(directionOf('az-Arab')).toBe('rtl');
	});
});

describe('fieldLanguage', () => {
	it("puts the article's text and quotes in the article's language", () => {
		expect(fieldLanguage(arabic, 'text')).toEqual({ lang: 'ar', dir: 'rtl' });
		expect(fieldLanguage(explainedInArabic, 'text')).toEqual({ lang: 'en', dir: 'ltr' });
	});

	it('puts explanations in the language the bank names, else the article’s', () => {
		expect(fieldLanguage(explainedInArabic, 'explanation')).toEqual({ lang: 'ar', dir: 'rtl' });
		expect(fieldLanguage(english, 'explanation')).toEqual({ lang: 'en', dir: 'ltr' });
		expect(fieldLanguage(arabic, 'explanation')).toEqual({ lang: 'ar', dir: 'rtl' });
	});

	it('puts translations in the named language, else the other interface language', () => {
		expect(fieldLanguage(arabic, 'translation')).toEqual({ lang: 'en', dir: 'ltr' });
		expect(fieldLanguage(english, 'translation')).toEqual({ lang: 'ar', dir: 'rtl' });
		expect(fieldLanguage({ ...arabic, translationLanguage: 'fr' }, 'translation')).toEqual({
			lang: 'fr',
			dir: 'ltr'
		});
	});
});

describe('showsTranslation', () => {
	const ar = questionLanguages(arabic);
	const en = questionLanguages(explainedInArabic);

	it('shows an Arabic question’s English translation in the English interface only', () => {
		expect(showsTranslation(ar.text, ar.translation, 'en')).toBe(true);
		expect(showsTranslation(ar.text, ar.translation, 'ar')).toBe(false);
	});

	it('shows an English question’s Arabic translation in the Arabic interface only', () => {
		expect(showsTranslation(en.text, en.translation, 'ar')).toBe(true);
		expect(showsTranslation(en.text, en.translation, 'en')).toBe(false);
	});

	it('never shows a translation in the prompt’s own language', () => {
		const same = questionLanguages({ ...arabic, translationLanguage: 'ar' });
		expect(showsTranslation(same.text, same.translation, 'ar')).toBe(false);
	});
});
