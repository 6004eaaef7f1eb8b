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
	notFound: 'غير موجود',
	// teacher: bank browser and exports (issue 5)
	teacher: 'المعلم',
	teacherBank: 'بنك الأسئلة',
	filters: 'تصفية',
	filterArticle: 'المقالة',
	filterType: 'النوع',
	filterSkill: 'المهارة',
	filterDifficulty: 'الصعوبة',
	filterTag: 'الوسم',
	search: 'بحث',
	searchHint: 'كلمة من السؤال أو الإجابة أو الدليل',
	any: 'الكل',
	applyFilters: 'طبّق التصفية',
	clearFilters: 'امسح التصفية',
	shown: 'معروضة',
	selected: 'مختارة',
	selectQuestion: 'اختر السؤال',
	saveSelection: 'احفظ الاختيار',
	selectAllShown: 'اختر كل المعروضة',
	unselectShown: 'ألغِ اختيار المعروضة',
	clearSelection: 'امسح الاختيار',
	selectionTooLarge: 'الاختيار أكبر من أن يُحفظ؛ صدّر بالتصفية بدلًا منه.',
	answerKey: 'مفتاح الإجابة',
	evidence: 'الدليل',
	explanation: 'الشرح',
	tags: 'الوسوم',
	exportTitle: 'تصدير الأسئلة',
	exportFormat: 'الصيغة',
	exportSelection: 'صدّر المختارة',
	exportSeed: 'البذرة (نسخة مختلفة لكل طالب)',
	exportCopies: 'عدد النسخ',
	download: 'تنزيل',
	openWorksheet: 'افتح ورقة العمل للطباعة',
	exported: 'صُدّرت',
	converted: 'حُوّلت',
	omitted: 'لم تُصدّر',
	notes: 'ملاحظات',
	nothingSelected: 'لم تختر أي سؤال بعد.',
	noMatch: 'لا أسئلة تطابق التصفية.',
	backToBank: 'عودة إلى بنك الأسئلة',
	failedHint: 'هذه الأسئلة لا تظهر في الاختبارات إلى أن تُصلح:',
	typeNames: {
		single: 'اختيار من متعدد',
		multiple: 'اختيارات متعددة',
		truefalse: 'صح أو خطأ',
		short: 'إجابة قصيرة',
		numeric: 'عددي',
		cloze: 'املأ الفراغ',
		matching: 'توصيل',
		ordering: 'ترتيب',
		evidence: 'حدّد الدليل'
	},
	skillNames: {
		who: 'من',
		what: 'ماذا',
		where: 'أين',
		when: 'متى',
		quantity: 'كم',
		direction: 'الاتجاه',
		quote: 'القائل',
		vocabulary: 'المفردات',
		inference: 'الاستنتاج'
	},
	// inside exports and worksheets, in the article's language
	exportTrue: 'صح',
	exportFalse: 'خطأ',
	wsName: 'الاسم',
	wsVersion: 'النموذج',
	wsQuestions: 'الأسئلة',
	wsChooseAll: 'اختر كل ما ينطبق.',
	wsCorrectIt: 'إن كانت العبارة خاطئة فصحّحها:',
	wsMatch: 'اكتب أمام كل عبارة حرف ما يناسبها.',
	wsOrder: 'رتّب بكتابة الرقم في المربع.',
	wsEvidence: 'انقل من النص العبارة التي تدل على ذلك.',
	wsUnit: 'الوحدة',
	wsPrint: 'اطبع'
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
	notFound: 'Not found',
	// teacher: bank browser and exports (issue 5)
	teacher: 'Teacher',
	teacherBank: 'Question bank',
	filters: 'Filters',
	filterArticle: 'Article',
	filterType: 'Type',
	filterSkill: 'Skill',
	filterDifficulty: 'Difficulty',
	filterTag: 'Tag',
	search: 'Search',
	searchHint: 'a word of the question, answer or evidence',
	any: 'Any',
	applyFilters: 'Apply filters',
	clearFilters: 'Clear filters',
	shown: 'shown',
	selected: 'selected',
	selectQuestion: 'Select question',
	saveSelection: 'Save selection',
	selectAllShown: 'Select all shown',
	unselectShown: 'Unselect shown',
	clearSelection: 'Clear selection',
	selectionTooLarge: 'The selection is too large to remember; export with filters instead.',
	answerKey: 'Answer key',
	evidence: 'Evidence',
	explanation: 'Explanation',
	tags: 'Tags',
	exportTitle: 'Export questions',
	exportFormat: 'Format',
	exportSelection: 'Export selection',
	exportSeed: 'Seed (a different version per student)',
	exportCopies: 'Copies',
	download: 'Download',
	openWorksheet: 'Open the printable worksheet',
	exported: 'Exported',
	converted: 'Converted',
	omitted: 'Left out',
	notes: 'Notes',
	nothingSelected: 'No question selected yet.',
	noMatch: 'No question matches the filters.',
	backToBank: 'Back to the question bank',
	failedHint: 'These questions stay out of quizzes until they are fixed:',
	typeNames: {
		single: 'Single choice',
		multiple: 'Multiple choice',
		truefalse: 'True or false',
		short: 'Short answer',
		numeric: 'Numeric',
		cloze: 'Fill in the blanks',
		matching: 'Matching',
		ordering: 'Ordering',
		evidence: 'Find the evidence'
	},
	skillNames: {
		who: 'Who',
		what: 'What',
		where: 'Where',
		when: 'When',
		quantity: 'How many',
		direction: 'Direction',
		quote: 'Who said it',
		vocabulary: 'Vocabulary',
		inference: 'Inference'
	},
	// inside exports and worksheets, in the article's language
	exportTrue: 'True',
	exportFalse: 'False',
	wsName: 'Name',
	wsVersion: 'Version',
	wsQuestions: 'Questions',
	wsChooseAll: 'Choose all that apply.',
	wsCorrectIt: 'If the statement is false, correct it:',
	wsMatch: 'Write the letter of the match beside each item.',
	wsOrder: 'Put them in order: write a number in each box.',
	wsEvidence: 'Copy the words of the text that show it.',
	wsUnit: 'Unit',
	wsPrint: 'Print'
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
