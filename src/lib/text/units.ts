import { foldArabic, type Analyzed } from './normalize';

/**
 * Units a numeric answer may carry, each with the spellings students and texts use (folded by
 * `foldArabic`, so hamza, taa marbuta and case do not matter here).
 */
export const UNITS: Record<string, string[]> = {
	km: ['km', 'kms', 'kilometer', 'kilometers', 'kilometre', 'kilometres', 'كم', 'كلم', 'كيلو', 'كيلومتر', 'كيلومترا', 'كيلومترات', 'كيلومترًا'],
	m: ['m', 'meter', 'meters', 'metre', 'metres', 'م', 'متر', 'مترا', 'أمتار', 'امتار'],
	day: ['day', 'days', 'يوم', 'يوما', 'أيام', 'ايام', 'يومين'],
	week: ['week', 'weeks', 'أسبوع', 'اسبوع', 'أسبوعا', 'أسابيع', 'اسابيع', 'أسبوعين', 'اسبوعين'],
	month: ['month', 'months', 'شهر', 'شهرا', 'أشهر', 'شهور', 'شهرين'],
	year: ['year', 'years', 'سنة', 'سنوات', 'عام', 'عاما', 'أعوام', 'اعوام', 'عامين', 'سنتين'],
	percent: ['%', 'percent', 'per cent', 'بالمئة', 'بالمائة', 'في المئة', 'في المائة'],
	person: ['people', 'persons', 'شخص', 'أشخاص', 'اشخاص', 'شخصا'],
	paragraph: ['paragraph', 'paragraphs', 'فقرة', 'فقرات'],
	item: ['items', 'عنصر', 'عناصر']
};

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

/** A number found in a text, with the unit written right after it (if any). */
export interface FoundNumber {
	value: number;
	unit?: string;
	/** token index of the number */
	index: number;
}

/**
 * Numbers written in digits (any script, already folded by `analyze`) and the unit that follows
 * each, if it is a known one.
 * @param text an analyzed text
 */
export function findNumbers(text: Analyzed): FoundNumber[] {
	const found: FoundNumber[] = [];
	for (let i = 0; i < text.tokens.length; i++) {
		const t = text.tokens[i];
		if (!/^\d+(\.\d+)?$/.test(t)) continue;
		const next = text.tokens[i + 1];
		const nextTwo = next && text.tokens[i + 2] ? `${next} ${text.tokens[i + 2]}` : undefined;
		const unit =
			(nextTwo && ALIAS_TO_UNIT.get(nextTwo)) || (next ? ALIAS_TO_UNIT.get(next) : undefined);
		found.push({ value: Number(t), unit, index: i });
	}
	return found;
}
