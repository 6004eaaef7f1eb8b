import { describe, expect, it } from 'vitest';
import { parseSpec, RANGE_PATTERN } from './spec';

/** The paragraphs a link's `paragraphs=` gives, on an article of 12. */
const paragraphsOf = (value: string) =>
	parseSpec('a', new URLSearchParams({ paragraphs: value }), 12).spec.paragraphs;

describe('the paragraph range', () => {
	it('takes what the builder field lets through: digits of both scripts, dashes, spaces', () => {
		expect(paragraphsOf('2')).toEqual([2, 2]);
		expect(paragraphsOf('3-5')).toEqual([3, 5]);
		expect(paragraphsOf('٣–٥')).toEqual([3, 5]);
		expect(paragraphsOf(' ۲ - ۴ ')).toEqual([2, 4]);
		expect(paragraphsOf('5-3')).toEqual([3, 5]);
	});

	it('is one pattern for the browser (compiled with the v flag) and the parser', () => {
		// a browser compiles a field's pattern as ^(?:pattern)$ with the v flag
		const field = new RegExp(`^(?:${RANGE_PATTERN})$`, 'v');
		const taken: [string, [number, number]][] = [
			['2', [2, 2]],
			['1-12', [1, 12]],
			['١-١٢', [1, 12]],
			['۳ – ۹', [3, 9]]
		];
		for (const [typed, paragraphs] of taken) {
			expect(field.test(typed), typed).toBe(true);
			expect(paragraphsOf(typed), typed).toEqual(paragraphs);
		}
		for (const typed of ['', 'a', '1-', '1--2', '1234', '1,2']) {
			expect(field.test(typed), typed).toBe(false);
			// refused by the link too: the whole article, with a note
			const { spec, notes } = parseSpec('a', new URLSearchParams({ paragraphs: typed }), 12);
			if (typed !== '') {
				expect(spec.paragraphs).toEqual([1, 12]);
				expect(notes.map((n) => n.param)).toContain('paragraphs');
			}
		}
	});
});
