/**
 * The language and direction of each piece of bank text: the one place that decides. The text of
 * the article and what is quoted from it (prompts, options, keys, evidence, cloze text) is in the
 * article's language; explanations and translations are in the language the article's front matter
 * names for them (`explanationLanguage`, `translationLanguage`), for a bank that explains an English
 * text in Arabic. Views mark every piece with its own `lang` and `dir`, so the browser neither
 * guesses nor scrambles a sentence set in the other direction.
 */

/** A language (BCP 47) and the direction its text runs. */
export interface TextLanguage {
	lang: string;
	dir: 'rtl' | 'ltr';
}

/** The fields of an article's front matter that name languages. */
export interface LanguageMeta {
	language: string;
	direction: 'rtl' | 'ltr';
	/** the language of the questions' explanations (default: the article's) */
	explanationLanguage?: string;
	/** the language of the translations of the title and prompts (default: see `fieldLanguage`) */
	translationLanguage?: string;
}

/** Each kind of bank text, by whose language it is written in. */
export type BankField = 'text' | 'explanation' | 'translation';

/** Scripts written right to left, by their languages' primary subtags. */
const RTL = new Set([
	'ar',
	'arc',
	'ckb',
	'dv',
	'fa',
	'he',
	'ks',
	'ku',
	'ps',
	'sd',
	'syr',
	'ug',
	'ur',
	'yi'
]);

/**
 * The direction a language is written in (its script's, by its primary subtag).
 * @param lang a BCP 47 tag
 */
export function directionOf(lang: string): 'rtl' | 'ltr' {
	const base = lang.toLowerCase().split('-');
	if (base.includes('latn')) return 'ltr';
	if (base.includes('arab') || base.includes('hebr')) return 'rtl';
	return RTL.has(base[0]) ? 'rtl' : 'ltr';
}

/**
 * The language of one kind of bank text of an article. The article's text and quotes from it are
 * in the article's language and direction. Explanations are in `explanationLanguage` when the bank
 * names one, else the article's. Translations are in `translationLanguage` when named, else in the
 * interface language that is not the article's: English, or Arabic for an English article.
 * @param article the article's front matter
 * @param field which kind of text
 */
export function fieldLanguage(article: LanguageMeta, field: BankField): TextLanguage {
	const own = { lang: article.language, dir: article.direction };
	if (field === 'explanation') {
		return article.explanationLanguage ? languageOf(article.explanationLanguage) : own;
	}
	if (field === 'translation') {
		const base = article.language.split('-')[0];
		return languageOf(article.translationLanguage ?? (base === 'en' ? 'ar' : 'en'));
	}
	return own;
}

/** A tag with its direction. */
function languageOf(lang: string): TextLanguage {
	return { lang, dir: directionOf(lang) };
}

/** The languages of every kind of text of an article's questions, worked out once per article. */
export interface QuestionLanguages {
	text: TextLanguage;
	explanation: TextLanguage;
	translation: TextLanguage;
}

/**
 * The languages of an article's question texts.
 * @param article the article's front matter
 */
export function questionLanguages(article: LanguageMeta): QuestionLanguages {
	return {
		text: fieldLanguage(article, 'text'),
		explanation: fieldLanguage(article, 'explanation'),
		translation: fieldLanguage(article, 'translation')
	};
}

/**
 * Whether a reader sees a prompt's translation: when it is written in the interface language and
 * the prompt is not (the English interface shows an Arabic question's English translation; the
 * Arabic interface, an English question's Arabic one).
 * @param text the prompt's language
 * @param translation the translation's language
 * @param ui the interface language
 */
export function showsTranslation(
	text: TextLanguage,
	translation: TextLanguage,
	ui: string
): boolean {
	const base = (tag: string) => tag.toLowerCase().split('-')[0];
	return base(translation.lang) === base(ui) && base(text.lang) !== base(ui);
}
