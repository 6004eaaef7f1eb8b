import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	analyze,
	analyzedSpan,
	analyzeWithOffsets,
	analyzeWords,
	editDistance,
	foldArabic,
	normalizeQuote,
	normalizeQuoteWithOffsets
} from './normalize';

import { ARABIC_MARKS, LATIN_MARKS, LETTER_FOLDS } from './normalize';

/**
 * The reference definition of `foldArabic`, as a chain of regular expressions: slower, kept to
 * test the fast one against.
 * @param text any text
 */
function foldArabicReference(text: string): string {
	let s = text.normalize('NFKC').toLowerCase();
	s = s.normalize('NFD').replace(LATIN_MARKS, '').normalize('NFC');
	s = s.replace(ARABIC_MARKS, '').replace(/\u0640/g, '');
	let out = '';
	for (const ch of s) {
		const code = ch.charCodeAt(0);
		if (code >= 0x0660 && code <= 0x0669) out += String.fromCharCode(code - 0x0660 + 48);
		else if (code >= 0x06f0 && code <= 0x06f9) out += String.fromCharCode(code - 0x06f0 + 48);
		else out += LETTER_FOLDS[ch] ?? ch;
	}
	out = out.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
	out = out.replace(/(\d)[.,](?=\d)/g, '$1\uE000');
	out = out.replace(/[^\p{L}\p{N}\uE000%]+/gu, ' ');
	out = out.replace(/\uE000/g, '.');
	out = out.replace(/%/g, ' % ');
	out = out.replace(/(\d)(?=\p{L})/gu, '$1 ').replace(/(\p{L})(?=\d)/gu, '$1 ');
	return out.replace(/ +/g, ' ').trim();
}

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

describe('analyzeWords', () => {
	const chars = fc.constantFrom(
		...'ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآةىئؤءـًٌٍَُِّْٰ٠١٢٣٤٥٦٧٨٩۰۱۲کیہ،؛؟.,%٫٬٪-/«» 0123456789aZéß²½ﻻﷺ\u00A0\u200C\u200D\u0654'.split(
			''
		)
	);
	const text = fc
		.oneof(
			fc.string({ unit: chars, maxLength: 40 }),
			fc.string({ unit: plainChars, maxLength: 80 })
		)
		.map(normalizeQuote);

	it('has the tokens of analyze, and a span sliced from it is that span analyzed', () => {
		let sliced = 0;
		fc.assert(
			fc.property(text, fc.nat(), fc.nat(), fc.nat(), fc.nat(), (t, i, j, a, b) => {
				const words = analyzeWords(t);
				const { folded, tokens, variants } = analyze(t);
				expect({ folded: words.folded, tokens: words.tokens, variants: words.variants }).toEqual({
					folded,
					tokens,
					variants
				});
				if (t === '') return;
				// whole words: always sliced, and the same as the quote analyzed as written
				// (decomposed, with more spaces)
				const parts = t.split(' ');
				const first = i % parts.length;
				const last = first + (j % (parts.length - first));
				const quote = parts.slice(first, last + 1).join(' ');
				const at = parts.slice(0, first).join(' ').length + (first > 0 ? 1 : 0);
				const written = `  ${quote.normalize('NFD').replace(/ /g, '\u00A0 ')} `;
				expect(analyzedSpan(words, at, quote.length)).toEqual(analyze(written));
				// any span: sliced only when that is what analyzing it gives
				const start = a % t.length;
				const length = 1 + (b % (t.length - start));
				const span = analyzedSpan(words, start, length);
				if (span) {
					sliced++;
					expect(span).toEqual(analyze(t.slice(start, start + length)));
				}
			}),
			{ numRuns: 4000 }
		);
		expect(sliced).toBeGreaterThan(1500);
	});

	it('will not slice a span that cuts a word or a number', () => {
		const t = 'في مدينة زوارة، على بعد 1,200 كلم';
		const words = analyzeWords(t);
		const span = (s: string) => analyzedSpan(words, t.indexOf(s), s.length);
		expect(span('مدينة زوارة')?.tokens).toEqual(['مدينه', 'زواره']);
		expect(span('زوارة')?.tokens).toEqual(['زواره']);
		expect(span('1,200 كلم')?.tokens).toEqual(['1200', 'كلم']);
		expect(span('دينة')).toBeUndefined();
		expect(span('زوا')).toBeUndefined();
		expect(span('1,2')).toBeUndefined();
		expect(span('200 كلم')).toBeUndefined();
	});
});

describe('editDistance', () => {
	it('counts transpositions as one', () => {
		expect(editDistance('زواره', 'زوراه')).toBe(1);
		expect(editDistance('kitten', 'sitting')).toBe(3);
		expect(editDistance('abc', 'xyzabc', 1)).toBe(2);
	});
});

/** ASCII, Arabic and the spaces pasted text brings: what folds without Unicode normalization. */
const plainChars = fc.constantFrom(
	...'ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآٱةىئؤءـًٌٍَُِّْٰ٠١٢٣٤٥٦٧٨٩۰۱۲٫٬٪کیہۀۓ،؛؟.,%-/ 0123456789aZ\t\n\u00A0\u200B\u200C\u200D\u2060\uFEFF'.split(
		''
	)
);

describe('foldArabic fast path', () => {
	it('agrees with the reference definition', () => {
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
		// text of ASCII and Arabic only takes the path without Unicode normalization
		fc.assert(
			fc.property(fc.string({ unit: plainChars, maxLength: 200 }), (s) => {
				expect(foldArabic(s)).toBe(foldArabicReference(s));
			}),
			{ numRuns: 2000 }
		);
	});

	it('folds texts longer than its buffers, and shorter ones after them', () => {
		const long = 'في مدينة زوارة، على مسافة ١٢٠ كلم (1,200م) غرب طرابلس ٪50. '.repeat(400);
		expect(foldArabic(long)).toBe(foldArabicReference(long));
		expect(foldArabic('Zuwara 120كم')).toBe('zuwara 120 كم');
		expect(analyzeWords(long).tokens).toEqual(analyze(long).tokens);
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
