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

	it('marks the union of overlapping spans and leaves a text without spans whole', () => {
		expect(highlightPieces(text, [])).toEqual([{ text, mark: false }]);
		const pieces = highlightPieces(text, [
			{ start: 4, end: 20 },
			{ start: 0, end: 12 },
			{ start: 6, end: 9 }
		]);
		expect(pieces).toEqual([
			{ text: text.slice(0, 20), mark: true },
			{ text: text.slice(20), mark: false }
		]);
	});

	it('marks touching spans as one and clips spans to the text', () => {
		const pieces = highlightPieces(text, [
			{ start: 4, end: 8 },
			{ start: 8, end: 12 },
			{ start: 30, end: 999 },
			{ start: 2, end: 2 }
		]);
		expect(pieces).toEqual([
			{ text: text.slice(0, 4), mark: false },
			{ text: text.slice(4, 12), mark: true },
			{ text: text.slice(12, 30), mark: false },
			{ text: text.slice(30), mark: true }
		]);
	});
});
