import { describe, expect, it } from 'vitest';
import { foldArabic, stemVariants } from './normalize';
import { arabicSkeleton, latinSkeletons, spellingSkeleton } from './names';

const lat = (s: string) => latinSkeletons(foldArabic(s));
const ar = (s: string) => stemVariants(foldArabic(s)).map(arabicSkeleton);
const meet = (a: string[], b: string[]) => a.some((x) => b.includes(x));

describe('transliteration skeletons', () => {
	it.each([
		['Zuwara', 'Zwara'],
		['Zuwara', 'Zuwarah'],
		['Serraj', 'Sarraj'],
		['Sarradj', 'Sarraj'],
		['Haftar', 'Hifter'],
		['Jufra', 'Jofra'],
		['Sirte', 'Surt'],
		['Steven', 'Stephen'],
		['Gaddafi', 'Qaddafi']
	])('%s ~ %s', (a, b) => expect(meet(lat(a), lat(b))).toBe(true));

	it.each([
		['Haftar', 'Sarraj'],
		['Sirte', 'Sarraj'],
		['Jufra', 'Zuwara'],
		['Townsend', 'Norland']
	])('%s ≁ %s', (a, b) => expect(meet(lat(a), lat(b))).toBe(false));

	it.each([
		['زوارة', 'Zuwara'],
		['السراج', 'Sarraj'],
		['حفتر', 'Haftar'],
		['الجفرة', 'Jufra'],
		['سرت', 'Sirte'],
		['تاونسند', 'Townsend'],
		['نورلاند', 'Norland'],
		['ستيفن', 'Stephen'],
		['باشاغا', 'Bashagha'],
		['أفريكوم', 'AFRICOM'],
		['ليبيا', 'Libya']
	])('%s ~ %s', (a, b) => expect(meet(ar(a), lat(b))).toBe(true));

	it('keeps different names apart', () => {
		expect(meet(ar('حفتر'), lat('Sarraj'))).toBe(false);
		expect(meet(ar('طرابلس'), lat('Zuwara'))).toBe(false);
	});
});

describe('Arabic spelling skeleton', () => {
	it('joins the spellings of foreign names', () => {
		expect(spellingSkeleton('امريكيه')).toBe(spellingSkeleton('اميركيه'));
		expect(spellingSkeleton('طرابلس')).toBe(spellingSkeleton('طرابلوس'));
	});
});
