import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	analyze,
	analyzeWithOffsets,
	editDistance,
	foldArabic,
	normalizeQuote,
	normalizeQuoteWithOffsets
} from './normalize';

describe('foldArabic', () => {
	it('folds what students type differently', () => {
		expect(foldArabic('إفريقيا')).toBe(foldArabic('أفريقيا'));
		expect(foldArabic('زُوَارَةُ')).toBe('زواره');
		expect(foldArabic('زوارـــة')).toBe('زواره');
		expect(foldArabic('مستشفى')).toBe('مستشفي');
		expect(foldArabic('کیلومتر')).toBe('كيلومتر');
		expect(foldArabic('١٢٠كم')).toBe('120 كم');
		expect(foldArabic('۱۲۰ km')).toBe('120 km');
		expect(foldArabic('«زوارة»!')).toBe('زواره');
		expect(foldArabic('1,200')).toBe('1200');
		expect(foldArabic('2,5')).toBe('2.5');
		expect(foldArabic('٥٠٪')).toBe('50 %');
		expect(foldArabic('Sirté')).toBe('sirte');
	});

	it('is idempotent', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
				const once = foldArabic(s);
				expect(foldArabic(once)).toBe(once);
			}),
			{ numRuns: 500 }
		);
	});

	it('is idempotent on Arabic-looking text', () => {
		const arabic = fc.string({
			unit: fc.constantFrom(
				...'ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآةىئؤءـًٌٍَُِّْ٠١٢٣٤٥٦٧٨٩۰۱۲ کی،.,- 0123456789'.split('')
			),
			maxLength: 40
		});
		fc.assert(
			fc.property(arabic, (s) => {
				const once = foldArabic(s);
				expect(foldArabic(once)).toBe(once);
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('analyzeWithOffsets', () => {
	it('keeps the tokens of analyze, with offsets into the original', () => {
		const text = 'في مدينة زوارة الواقعة على مسافة 120 كلم غرب طرابلس';
		const a = analyzeWithOffsets(text);
		expect(a.tokens).toEqual(analyze(text).tokens);
		const i = a.tokens.indexOf('زواره');
		expect(text.slice(a.starts[i], a.ends[i])).toBe('زوارة');
	});
});

describe('editDistance', () => {
	it('counts transpositions as one', () => {
		expect(editDistance('زواره', 'زوراه')).toBe(1);
		expect(editDistance('kitten', 'sitting')).toBe(3);
		expect(editDistance('abc', 'xyzabc', 1)).toBe(2);
	});
});

describe('foldArabic fast path', () => {
	it('agrees with the reference definition', async () => {
		const { foldArabicReference } = await import('./normalize');
		const chars = fc.constantFrom(
			...'ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآةىئؤءـًٌٍَُِّْٰ٠١٢٣٤٥٦٧٨٩۰۱۲کیہۀ،؛؟.,%-/ 0123456789aZéÉß²½ﻻﷲ«»\u00A0\u200C\u200D\u0654'.split(
				''
			)
		);
		fc.assert(
			fc.property(fc.string({ unit: chars, maxLength: 30 }), (s) => {
				expect(foldArabic(s)).toBe(foldArabicReference(s));
			}),
			{ numRuns: 3000 }
		);
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
				expect(foldArabic(s)).toBe(foldArabicReference(s));
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('normalizeQuoteWithOffsets', () => {
	it('folds the same spaces as normalizeQuote, and points back into the text', () => {
		const wrong: string[] = [];
		for (let c = 0; c < 0xd800; c++) {
			const text = `ا${String.fromCharCode(c)}ب  ج`;
			if (text.normalize('NFC') !== text) continue;
			const { text: folded, offsets } = normalizeQuoteWithOffsets(text);
			const pointsBack = [...folded].every((ch, i) => ch === ' ' || text[offsets[i]] === ch);
			if (folded !== normalizeQuote(text) || offsets.length !== folded.length || !pointsBack) {
				wrong.push(c.toString(16));
			}
		}
		expect(wrong).toEqual([]);
	});
});

describe('normalizeQuote', () => {
	it('is NFC, one plain space between words, trimmed', () => {
		const reference = (s: string) =>
			s
				.normalize('NFC')
				.replace(/(?:[\s\u00A0\u200B\u200C\u2060\uFEFF]|\u200D)+/gu, ' ')
				.trim();
		const chars = fc.constantFrom(
			...'اب جa \t\n\u00A0\u200B\u200C\u200D\u2060\uFEFF\u3000\u0654'.split('')
		);
		fc.assert(
			fc.property(fc.string({ unit: chars, maxLength: 20 }), (s) => {
				expect(normalizeQuote(s)).toBe(reference(s));
			}),
			{ numRuns: 3000 }
		);
	});
});
