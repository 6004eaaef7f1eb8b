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
	// self-study: progress on the device, spaced review, offline (issue 6)
	study: {
		nav: 'تدرّب',
		title: 'الدراسة الذاتية',
		intro:
			'تدرّب وحدك على أسئلة المقالات. يبقى تقدّمك على هذا الجهاز، وتعود إليك الأسئلة التي أخطأت فيها قريبًا، والتي أصبت فيها بعد حين.',
		needsJs:
			'الدراسة الذاتية تحفظ تقدّمك وتصحّح إجاباتك داخل متصفحك، ولذلك تحتاج إلى جافاسكربت. من دونها يمكنك حلّ اختبار تدريبي يصحّحه الخادم:',
		practiceQuiz: 'اختبار تدريبي',
		loading: 'جارٍ التحميل…',
		allArticles: 'كل المقالات',
		due: 'للمراجعة الآن',
		new: 'جديدة',
		seen: 'تدرّبت عليها',
		startDue: 'راجع المستحق',
		startNew: 'ابدأ أسئلة جديدة',
		nothingDue: 'لا شيء مستحق للمراجعة الآن.',
		nextDue: 'المراجعة القادمة:',
		mastery: 'خريطة الإتقان',
		masteryHint:
			'كل فقرة مظللة بقدر معرفتك بأسئلتها: الأغمق هو ما يحتاج إلى إعادة قراءة. انقر فقرة لتتدرّب عليها.',
		levels: {
			none: 'لا أسئلة',
			unseen: 'لم تتدرّب عليها',
			weak: 'ضعيفة',
			fair: 'متوسطة',
			strong: 'متقنة'
		},
		known: 'معروفة',
		practiseParagraph: 'تدرّب على الفقرة',
		progressFile: 'ملف التقدّم',
		progressFileHint:
			'صدّر تقدّمك إلى ملف لتنقله إلى جهاز آخر، ثم استورده هناك. عند الاستيراد يُؤخذ الأحدث من كل سؤال.',
		exportProgress: 'صدّر التقدّم',
		importProgress: 'استورد ملف تقدّم',
		imported: 'استُورد التقدّم. سجلات مأخوذة من الملف:',
		refused: 'رُفض الملف ولم يتغيّر تقدّمك.',
		problems: {
			'too-big': 'الملف أكبر من أن يكون ملف تقدّم.',
			'not-json': 'الملف تالف: ليس JSON صالحًا.',
			foreign: 'هذا ليس ملف تقدّم من دليل.',
			newer: 'هذا الملف من إصدار أحدث من دليل.',
			damaged: 'الملف تالف:'
		},
		recovered: 'تعذّرت قراءة التقدّم المحفوظ على هذا الجهاز، فحُفظت نسخته جانبًا وبدأت من جديد.',
		offlineReady: 'جاهز للتدرّب دون اتصال.',
		offline: 'أنت غير متصل. التدرّب مستمر، ويُحفظ تقدّمك على الجهاز.',
		unavailable: 'تعذّر تحميل أسئلة هذه المقالات (غير متصل ولم تُحفظ بعد):',
		session: {
			due: 'مراجعة',
			new: 'أسئلة جديدة',
			paragraph: 'تدرّب على الفقرة'
		},
		progressOf: 'من',
		check: 'تحقّق',
		next: 'التالي',
		verdicts: { correct: 'صحيحة', partial: 'صحيحة جزئيًا', wrong: 'خاطئة' },
		expected: 'الإجابة:',
		reread: 'أعد قراءة الفقرة',
		rereadHint:
			'الدليل مظلل في النص. اقرأه ثم تابع؛ سيعود إليك هذا السؤال لاحقًا بصيغة أصعب إن وُجدت.',
		reread_done: 'قرأتها، تابع',
		harder: 'الصيغة نفسها بشكل أصعب',
		done: 'انتهت الجلسة',
		answered: 'أجبت عن',
		right: 'صحيحة',
		empty: 'لا أسئلة في هذه الجلسة.',
		back: 'العودة إلى الدراسة',
		map: 'خريطة الإتقان',
		controlsMissing: 'لا يمكن عرض هذا النوع من الأسئلة بعد.'
	},
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
	// self-study: progress on the device, spaced review, offline (issue 6)
	study: {
		nav: 'Study',
		title: 'Self-study',
		intro:
			'Practise the articles’ questions on your own. Your progress stays on this device; what you miss comes back soon, what you know comes back later.',
		needsJs:
			'Self-study keeps your progress and grades your answers in your browser, so it needs JavaScript. Without it, take a practice quiz graded by the server:',
		practiceQuiz: 'Practice quiz',
		loading: 'Loading…',
		allArticles: 'All articles',
		due: 'Due now',
		new: 'New',
		seen: 'Practised',
		startDue: 'Review what is due',
		startNew: 'Start new questions',
		nothingDue: 'Nothing is due for review now.',
		nextDue: 'Next review:',
		mastery: 'Mastery map',
		masteryHint:
			'Each paragraph is shaded by how well you know its questions: the weakest need rereading. Click a paragraph to practise it.',
		levels: {
			none: 'no questions',
			unseen: 'not practised',
			weak: 'weak',
			fair: 'fair',
			strong: 'known'
		},
		known: 'known',
		practiseParagraph: 'Practise this paragraph',
		progressFile: 'Progress file',
		progressFileHint:
			'Export your progress to a file to take it to another device, and import it there. Importing keeps the latest practice of each question.',
		exportProgress: 'Export progress',
		importProgress: 'Import a progress file',
		imported: 'Progress imported. Records taken from the file:',
		refused: 'The file was refused; your progress is unchanged.',
		problems: {
			'too-big': 'The file is too large to be a progress file.',
			'not-json': 'The file is damaged: it is not valid JSON.',
			foreign: 'This is not a Dalil progress file.',
			newer: 'This file comes from a newer version of Dalil.',
			damaged: 'The file is damaged:'
		},
		recovered:
			'The progress stored on this device could not be read; a copy was kept aside and you start afresh.',
		offlineReady: 'Ready to practise offline.',
		offline: 'You are offline. Practice goes on and your progress is kept on this device.',
		unavailable: 'Could not load these articles’ questions (offline and not cached yet):',
		session: {
			due: 'Review',
			new: 'New questions',
			paragraph: 'Practise a paragraph'
		},
		progressOf: 'of',
		check: 'Check',
		next: 'Next',
		verdicts: { correct: 'Correct', partial: 'Partly correct', wrong: 'Wrong' },
		expected: 'Answer:',
		reread: 'Reread the paragraph',
		rereadHint:
			'The evidence is highlighted in the text. Read it, then go on; this question comes back later, in a harder form where there is one.',
		reread_done: 'I have reread it, go on',
		harder: 'The same fact, in a harder form',
		done: 'Session finished',
		answered: 'Answered',
		right: 'right',
		empty: 'No questions in this session.',
		back: 'Back to self-study',
		map: 'Mastery map',
		controlsMissing: 'This type of question cannot be shown yet.'
	},
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
