import { describe, expect, it } from 'vitest';
import { highlightPieces } from './highlight';

describe('highlightPieces', () => {
	const text = 'عقد الاجتماع في مدينة زوارة غرب طرابلس';

	it('marks spans in order and joins back to the text', () => {
		const start = text.indexOf('زوارة');
		const pieces = highlightPieces(text, [
			{ start: text.indexOf('غرب'), end: text.length },
			{ start, end: start + 5 }
		]);
		expect(pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(['زوارة', 'غرب طرابلس']);
		expect(pieces.map((p) => p.text).join('')).toBe(text);
	});

	it('keeps the first of overlapping spans and leaves a text without spans whole', () => {
		expect(highlightPieces(text, [])).toEqual([{ text, mark: false }]);
		const pieces = highlightPieces(text, [
			{ start: 0, end: 12 },
			{ start: 4, end: 20 }
		]);
		expect(pieces).toEqual([
			{ text: text.slice(0, 12), mark: true },
			{ text: text.slice(12), mark: false }
		]);
	});
});
