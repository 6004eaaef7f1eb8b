import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../bank/article';
import { citedParagraphs, markedParagraphs } from './evidence';

const paragraphs = [
	{ id: 'p1', n: 1, text: 'The library opened on Monday.' },
	{ id: 'p2', n: 2, text: 'It stands north of the harbour, by the old gate.' },
	{ id: 'p3', n: 3, text: 'Nobody asked about this one.' }
] as Paragraph[];

describe('citedParagraphs', () => {
	it('keeps only the paragraphs the evidence cites, in the article’s order', () => {
		const cited = citedParagraphs(paragraphs, [{ paragraph: 'p2' }, { paragraph: 'p1' }]);
		expect(cited.map((p) => p.id)).toEqual(['p1', 'p2']);
		expect(cited[1]).toEqual({ id: 'p2', n: 2, text: paragraphs[1].text });
	});

	it('sends nothing when no evidence is shown', () => {
		expect(citedParagraphs(paragraphs, [])).toEqual([]);
	});
});

describe('markedParagraphs', () => {
	const cited = citedParagraphs(paragraphs, [{ paragraph: 'p1' }, { paragraph: 'p2' }]);
	const text = (id: string) => paragraphs.find((p) => p.id === id)!.text;
	const span = (id: string, quote: string) => {
		const start = text(id).indexOf(quote);
		return { paragraph: id, start, end: start + quote.length };
	};

	it('shows the whole paragraph with the quote marked', () => {
		const [p] = markedParagraphs([span('p2', 'north of the harbour')], cited);
		expect(p.id).toBe('p2');
		expect(p.n).toBe(2);
		expect(p.runs).toEqual([
			{ text: 'It stands ', mark: false },
			{ text: 'north of the harbour', mark: true },
			{ text: ', by the old gate.', mark: false }
		]);
		expect(p.runs.map((r) => r.text).join('')).toBe(text('p2'));
	});

	it('marks two quotes of one paragraph in one copy of it, overlapping ones as one', () => {
		const marked = markedParagraphs(
			[span('p2', 'the old gate'), span('p2', 'north of'), span('p2', 'of the harbour')],
			cited
		);
		expect(marked).toHaveLength(1);
		expect(marked[0].runs.filter((r) => r.mark).map((r) => r.text)).toEqual([
			'north of the harbour',
			'the old gate'
		]);
		expect(marked[0].runs.map((r) => r.text).join('')).toBe(text('p2'));
	});

	it('keeps the order the evidence cites, and leaves out a paragraph not sent', () => {
		const marked = markedParagraphs(
			[span('p2', 'north'), span('p1', 'Monday'), span('p3', 'Nobody')],
			cited
		);
		expect(marked.map((p) => p.id)).toEqual(['p2', 'p1']);
	});
});
