import { foldArabic } from './fold';
import { type Analyzed } from './analyze';
import { readNumber } from './numbers';

/**
 * Units a numeric answer may carry, each with the spellings students and texts use (folded by
 * `foldArabic`, so hamza, taa marbuta and case do not matter here).
 */
export const UNITS: Record<string, string[]> = {
	km: [
		'km',
		'kms',
		'kilometer',
		'kilometers',
		'kilometre',
		'kilometres',
		'كم',
		'كلم',
		'كيلو',
		'كيلومتر',
		'كيلومترا',
		'كيلومترات',
		'كيلومترًا',
		'كيلو متر',
		'كيلو مترا',
		'كيلو مترات',
		'كلمتر'
	],
	m: ['m', 'meter', 'meters', 'metre', 'metres', 'م', 'متر', 'مترا', 'أمتار', 'امتار'],
	mile: ['mi', 'mile', 'miles', 'ميل', 'ميلا', 'أميال'],
	hour: ['h', 'hr', 'hrs', 'hour', 'hours', 'ساعة', 'ساعات', 'ساعتين'],
	minute: ['min', 'mins', 'minute', 'minutes', 'دقيقة', 'دقائق', 'دقيقتين'],
	day: ['day', 'days', 'يوم', 'يوما', 'أيام', 'ايام', 'يومين'],
	week: [
		'week',
		'weeks',
		'أسبوع',
		'اسبوع',
		'أسبوعا',
		'أسابيع',
		'اسابيع',
		'أسبوعين',
		'اسبوعين',
		'أسبوعان'
	],
	month: ['month', 'months', 'شهر', 'شهرا', 'أشهر', 'شهور', 'شهرين'],
	year: ['year', 'years', 'سنة', 'سنوات', 'عام', 'عاما', 'أعوام', 'اعوام', 'عامين', 'سنتين'],
	percent: ['%', 'percent', 'per cent', 'بالمئة', 'بالمائة', 'في المئة', 'في المائة'],
	person: ['people', 'persons', 'شخص', 'أشخاص', 'اشخاص', 'شخصا'],
	paragraph: ['paragraph', 'paragraphs', 'فقرة', 'فقرات'],
	item: ['items', 'عنصر', 'عناصر']
};

/** Dual forms: the word alone means two of the unit. */
const DUALS = new Map<string, string>();
for (const [unit, words] of Object.entries({
	day: 'يومين يومان',
	week: 'أسبوعين أسبوعان',
	month: 'شهرين شهران',
	year: 'عامين عامان سنتين سنتان',
	hour: 'ساعتين ساعتان',
	minute: 'دقيقتين دقيقتان'
})) {
	for (const w of words.split(' ')) DUALS.set(foldArabic(w), unit);
}

const ALIAS_TO_UNIT = new Map<string, string>();
for (const [unit, aliases] of Object.entries(UNITS)) {
	ALIAS_TO_UNIT.set(unit, unit);
	for (const alias of aliases) {
		const key = foldArabic(alias);
		if (key) ALIAS_TO_UNIT.set(key, unit);
	}
}

/**
 * The unit id a spelling names ("كلم" → "km"), or undefined when it names none.
 * @param spelling a unit as written
 */
export function unitOf(spelling: string): string | undefined {
	return ALIAS_TO_UNIT.get(foldArabic(spelling));
}

/**
 * How many of a base unit one unit is, for the units that convert exactly (1 km = 1000 m). Units
 * of different families never compare equal.
 */
const FACTORS: Record<string, [family: string, factor: number]> = {
	km: ['length', 1000],
	m: ['length', 1],
	day: ['time', 1440],
	week: ['time', 10080],
	hour: ['time', 60],
	minute: ['time', 1]
};

/**
 * A value in one unit expressed in another (120 km in m), or undefined when they do not convert.
 * @param value the value
 * @param from its unit id
 * @param to the wanted unit id
 */
export function convert(value: number, from: string, to: string): number | undefined {
	if (from === to) return value;
	const a = FACTORS[from];
	const b = FACTORS[to];
	if (!a || !b || a[0] !== b[0]) return undefined;
	return (value * a[1]) / b[1];
}

/** A number found in a text, with the unit written right after it (if any). */
export interface FoundNumber {
	value: number;
	unit?: string;
	/** token index of the number */
	index: number;
	/** how many tokens the number and its unit take */
	length?: number;
	/** written (partly) in words: "مئة وعشرون" */
	words?: boolean;
}

/**
 * Numbers written in digits (any script, already folded by `analyze`) or in words (Arabic or
 * English: "مئة وعشرون", "one hundred and twenty"), and the unit that follows each, if it is a
 * known one.
 * @param text an analyzed text
 */
export function findNumbers(text: Analyzed): FoundNumber[] {
	const found: FoundNumber[] = [];
	const tokens = text.tokens;
	for (let i = 0; i < tokens.length; i++) {
		const n = readNumber(tokens, i);
		if (!n) {
			// a dual is a number and a unit in one word: أسبوعين = 2 weeks
			const dual = DUALS.get(tokens[i]) ?? DUALS.get(tokens[i].replace(/^[لب]/, ''));
			if (dual) found.push({ value: 2, unit: dual, index: i, length: 1, words: true });
			continue;
		}
		const after = i + n.length;
		const next = tokens[after];
		const nextTwo = next && tokens[after + 1] ? `${next} ${tokens[after + 1]}` : undefined;
		let unit: string | undefined;
		let unitLength = 0;
		if (nextTwo && ALIAS_TO_UNIT.has(nextTwo)) {
			unit = ALIAS_TO_UNIT.get(nextTwo);
			unitLength = 2;
		} else if (next && ALIAS_TO_UNIT.has(next)) {
			unit = ALIAS_TO_UNIT.get(next);
			unitLength = 1;
		}
		found.push({ value: n.value, unit, index: i, length: n.length + unitLength, words: n.words });
		i = after + unitLength - 1;
	}
	return found;
}
