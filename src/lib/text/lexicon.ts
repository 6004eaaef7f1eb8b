/**
 * The few word classes a fair grader must know, Arabic and English, keyed by folded spelling:
 * directions, months, weekdays and qualifiers (each with a meaning id, so "غرب" = "west" and
 * "أيار" = "مايو" = "May"), hedges, negations, list connectors, relation words, titles, and the
 * harmless filler a student wraps an answer in ("مدينة", "the city of").
 *
 * Kept small on purpose: the quiz page ships it.
 */
import { foldArabic, stemVariants } from './normalize';

/** What a word is to the grader. */
export type WordClass =
	| 'direction'
	| 'month'
	| 'weekday'
	| 'qualifier'
	| 'hedge'
	| 'negation'
	| 'and'
	| 'relation'
	| 'title'
	| 'filler';

export interface Lexeme {
	cls: WordClass;
	/** meaning id: the same for every spelling of one meaning (e.g. "W" for غرب, west) */
	id: string;
}

const LEXICON = new Map<string, Lexeme>();

function add(cls: WordClass, id: string, words: string) {
	for (const w of words.trim().split(/\s+/)) {
		const key = foldArabic(w.replace(/_/g, ' '));
		if (key && !LEXICON.has(key)) LEXICON.set(key, { cls, id });
	}
}

// Directions: the word, its adjective and adverb forms, English.
add('direction', 'W', 'غرب غربا غربي غربية غربيّ الغرب west western westward westwards');
add('direction', 'E', 'شرق شرقا شرقي شرقية الشرق east eastern eastward eastwards');
add('direction', 'N', 'شمال شمالا شمالي شمالية الشمال north northern northward');
add('direction', 'S', 'جنوب جنوبا جنوبي جنوبية الجنوب south southern southward');

// Months: Levantine/Iraqi, Egyptian/Maghrebi names, English.
const MONTHS = [
	'كانون_الثاني يناير جانفي january jan',
	'شباط فبراير فيفري february feb',
	'آذار مارس march mar',
	'نيسان أبريل ابريل افريل april apr',
	'أيار آيار مايو ماي may',
	'حزيران يونيو يونيه جوان june jun',
	'تموز يوليو يوليه جويلية july jul',
	'آب أغسطس اغسطس أوت august aug',
	'أيلول سبتمبر september sep sept',
	'تشرين_الأول أكتوبر اكتوبر october oct',
	'تشرين_الثاني نوفمبر نونبر november nov',
	'كانون_الأول ديسمبر دجنبر december dec'
];
MONTHS.forEach((words, i) => add('month', `M${i + 1}`, words));

const WEEKDAYS = [
	'الأحد sunday',
	'الاثنين الإثنين monday',
	'الثلاثاء ثلاثاء tuesday',
	'الأربعاء أربعاء wednesday',
	'الخميس thursday',
	'الجمعة friday',
	'السبت saturday'
];
WEEKDAYS.forEach((words, i) => add('weekday', `D${i + 1}`, words));

// Qualifiers of time and quantity: a different one contradicts, none is only less precise.
add('qualifier', 'start', 'أوائل مطلع بداية بدايات أول early beginning start');
add('qualifier', 'mid', 'منتصف أواسط وسط mid middle');
add('qualifier', 'end', 'أواخر نهاية آخر اواخر late end');
add('qualifier', 'more', 'أكثر أزيد فوق يزيد more over above exceeding');
add('qualifier', 'past', 'الماضي الماضية السابق السابقة المنصرم last past previous');
add('qualifier', 'next', 'المقبل المقبلة القادم القادمة next coming');
add('qualifier', 'current', 'الجاري الجارية الحالي الحالية current this');
add('qualifier', 'all', 'جميع كل كافة all every');
add('qualifier', 'less', 'أقل دون يقل less under below fewer');

add('hedge', 'or', 'أو او أم ربما إما يمكن لعل or either maybe perhaps possibly probably might');
add('negation', 'not', 'لا ليس ليست لم لن ما غير not no never none isnt wasnt');
add('and', 'and', 'و and & plus كذلك أيضا وأيضا also');
// Words that make the next name context ("غرب طرابلس", "far from Tripoli"), not a second answer.
add(
	'relation',
	'rel',
	'من عن قرب بالقرب قريبا قريب بعيدا بعيد بعد حول ضواحي إلى الى نحو باتجاه تجاه بين of from near to towards outside'
);
// Honorifics: a title before a name is not part of what must be named.
add(
	'title',
	'title',
	'السيد السيدة الجنرال جنرال المشير مشير الدكتور د العقيد اللواء الشيخ الرئيس رئيس الوزير وزير السفير سفير القائد قائد mr mrs ms dr general gen marshal field sir colonel col president minister ambassador commander'
);
// Harmless wrapping: articles, prepositions, pronouns, place nouns, "the answer is".
add(
	'filler',
	'filler',
	`في فى على عند لدى هو هي وهو وهي هم هما كان كانت تم ذلك هذا هذه التي الذي اللذان اللتين اللتان
	 مدينة المدينة بمدينة مدينه بلدة البلدة منطقة المنطقة قاعدة القاعدة قاعدتي قاعدتا قاعدتين قواعد
	 عاصمة العاصمة دولة الدولة بلد البلد مسافة بمسافة مسافه حوالي تقريبا قرابة نحوا زهاء
	 عام العام سنة السنة شهر الشهر يوم اليوم أسبوع الأسبوع year month week day
	 عقد عقدت انعقد الاجتماع اجتماع اللقاء لقاء الجواب الإجابة الاجابة إجابة
	 the a an in at on is was were it its city town base bases capital about around approximately roughly some
	 مع عبر كما أن إن ان لكن بل ثم حيث منذ خلال إنه انه إنها انها تلك
	 answer al el`
);

/**
 * What a folded token is to the grader, clitics aside, or undefined for an ordinary word.
 * @param token a folded token
 * @param variants its `stemVariants`, if already computed
 */
export function lexeme(token: string, variants?: string[]): Lexeme | undefined {
	const direct = LEXICON.get(token);
	if (direct) return direct;
	for (const v of variants ?? stemVariants(token)) {
		const l = LEXICON.get(v);
		// A clitic-stripped hedge or negation ("ولا") still counts, and so does a filler of three
		// letters or more ("وقاعدة"); a shorter one must not turn a real word into filler.
		if (l && l.cls !== 'and' && (l.cls !== 'filler' || v.length >= 3)) return l;
	}
	return undefined;
}

/** Meaning ids of the lexicon classes that name a fact (a different one is a different answer). */
export const FACT_CLASSES: ReadonlySet<WordClass> = new Set(['direction', 'month', 'weekday']);
