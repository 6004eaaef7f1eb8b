import { describe, expect, it } from 'vitest';
import { fixtureArticle } from './fixtures';
import { readAnswers } from './form';
import { MAX_ANSWER_LENGTH } from '../grading/response';
import { moveItem, orderingPositions, wordMarked, words } from './fields';
import { studentView } from './view';

const article = fixtureArticle();
const views = article.questions.map((q) => studentView(q, 's', article));
const view = (id: string) => views.find((v) => v.id === id)!;
const post = (entries: [string, string][]) => {
	const f = new FormData();
	for (const [k, v] of entries) f.append(k, v);
	return f;
};

describe('readAnswers', () => {
	it('reads one answer of every type', () => {
		const order = view('pier-order');
		const items = order.type === 'ordering' ? order.items : [];
		const rightOrder = [
			'the old pier was removed',
			'the divers surveyed the bed',
			'the concrete was poured'
		];
		const { answers, problems } = readAnswers(
			post([
				['who-met', 'Sara Haddad'],
				['library-facts', '4000 books'],
				['library-facts', 'opened in 1990'],
				['direction', 'false'],
				['where-met', 'Zuwara'],
				['how-far', '١٢٠ كم'],
				['library-cloze.0', '1990'],
				['ferry-days.0', 'Friday'],
				['ferry-days.1', ''],
				...items.map((it, k): [string, string] => [
					`pier-order.${k}`,
					String(rightOrder.indexOf(it) + 1)
				]),
				['first-reader', 'p2:8'],
				['first-reader', 'p2:13']
			]),
			views
		);
		expect(problems).toEqual([]);
		expect(answers['who-met']).toEqual({ type: 'single', choice: 'Sara Haddad' });
		expect(answers['library-facts']).toMatchObject({ type: 'multiple' });
		expect(answers['direction']).toEqual({ type: 'truefalse', value: false });
		expect(answers['how-far']).toEqual({ type: 'numeric', text: '١٢٠ كم' });
		expect(answers['library-cloze']).toEqual({ type: 'cloze', blanks: ['1990'] });
		expect(answers['ferry-days']).toEqual({ type: 'matching', matches: ['Friday', ''] });
		expect(answers['pier-order']).toEqual({ type: 'ordering', order: rightOrder });
		const p2 = article.paragraphs[1].text;
		const ev = answers['first-reader'];
		expect(ev.type === 'evidence' && p2.slice(ev.start, ev.end)).toBe(
			'Its first reader was a fisherman.'
		);
		expect(answers['ferry-where']).toBeUndefined();
	});

	it('asks about two items at one position rather than renumbering them', () => {
		const same = readAnswers(
			post([
				['pier-order.0', '1'],
				['pier-order.1', '1'],
				['pier-order.2', '2']
			]),
			views
		);
		expect(same.problems).toEqual([{ id: 'pier-order', code: 'duplicate-position' }]);
		expect(same.answers['pier-order']).toBeUndefined();
		// an item left unplaced is no duplicate: it goes last
		const unplaced = readAnswers(
			post([
				['pier-order.0', '2'],
				['pier-order.1', ''],
				['pier-order.2', '']
			]),
			views
		);
		expect(unplaced.problems).toEqual([]);
		expect(unplaced.answers['pier-order']).toMatchObject({ type: 'ordering' });
	});

	it('reports tampered and over-long fields, and still reads the rest', () => {
		const { answers, problems, overLong } = readAnswers(
			post([
				['who-met', 'Somebody else'],
				['where-met', 'x'.repeat(MAX_ANSWER_LENGTH + 1)],
				['ferry-where', 'Sirte'],
				['first-reader', 'p9:1'],
				['pier-order.0', 'first']
			]),
			views
		);
		expect(problems).toEqual([
			{ id: 'who-met', code: 'not-an-option' },
			{ id: 'where-met', code: 'too-long' },
			{ id: 'first-reader', code: 'not-an-option' },
			{ id: 'pier-order', code: 'malformed' }
		]);
		expect(answers).toEqual({ 'ferry-where': { type: 'short', text: 'Sirte' } });
		expect(overLong['where-met'][0].length).toBe(MAX_ANSWER_LENGTH + 1);
	});

	it('gives saved answers back to the controls', () => {
		expect(orderingPositions(['b', 'c', 'a'], ['a', 'b', 'c'])).toEqual(['2', '3', '1']);
		expect(orderingPositions(['b', 'a'], undefined)).toEqual(['', '']);
		const marked = { paragraph: 'p2', start: 5, end: 12 };
		expect(wordMarked(['x', 5, 8], 'p2', marked)).toBe(true);
		expect(wordMarked(['x', 13, 15], 'p2', marked)).toBe(false);
		expect(wordMarked(['x', 5, 8], 'p1', marked)).toBe(false);
	});

	it('numbers an evidence paragraph’s words (runs of non-space) with their offsets', () => {
		expect(words(' Its first,  reader\twas.')).toEqual([
			['Its', 1, 4],
			['first,', 5, 11],
			['reader', 13, 19],
			['was.', 20, 24]
		]);
		expect(words('')).toEqual([]);
	});

	it('moves an ordering item to a position, keeping the others in their order', () => {
		expect(moveItem([0, 1, 2, 3], 3, 1)).toEqual([3, 0, 1, 2]);
		expect(moveItem([0, 1, 2, 3], 0, 3)).toEqual([1, 2, 0, 3]);
		expect(moveItem([0, 1, 2, 3], 1, 2)).toEqual([0, 1, 2, 3]);
		// past the end (an unplaced item): last
		expect(moveItem([2, 0, 1], 2, 99)).toEqual([0, 1, 2]);
	});
});
