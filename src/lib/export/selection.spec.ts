import { describe, expect, it } from 'vitest';
import { fixtureInput } from './fixtures';
import { readExportRequest } from './request';
import { readSelection, updateSelection, writeSelection, SELECTION_MAX_CHARS } from './selection';

const known = (id: string) => id !== 'gone';

describe('selection', () => {
	it('reads and writes the cookie value, dropping what is not an id', () => {
		expect(readSelection('a.b.a.<script>.c-1')).toEqual(['a', 'b', 'c-1']);
		expect(readSelection(undefined)).toEqual([]);
		expect(writeSelection(['a', 'b', 'a'])).toBe('a.b');
		expect(writeSelection(Array.from({ length: 1000 }, (_, i) => `question-${i}`))).toBeUndefined();
		expect(SELECTION_MAX_CHARS).toBeLessThan(4096);
	});

	it('saves the ticked among the shown, keeps the rest, adds or removes all shown, clears', () => {
		const current = ['a', 'x'];
		const form = { shown: ['a', 'b', 'c'], id: ['b', 'gone'] };
		expect(updateSelection(current, 'save', form, known)).toEqual(['x', 'b']);
		expect(updateSelection(current, 'all', { ...form, shown: ['a', 'b', 'gone'] }, known)).toEqual([
			'a',
			'x',
			'b'
		]);
		expect(updateSelection(current, 'none', form, known)).toEqual(['x']);
		expect(updateSelection(current, 'clear', form, known)).toEqual([]);
	});
});

describe('export request', () => {
	const { questions } = fixtureInput();
	it('takes the selection, in bank order, or the filter when the query has one', () => {
		const r = readExportRequest(new URLSearchParams('format=gift'), questions, [
			'tf-true',
			'single-where'
		]);
		expect(r.ok && r.questions.map((q) => q.id)).toEqual(['single-where', 'tf-true']);
		const f = readExportRequest(new URLSearchParams('format=csv&type=cloze'), questions, []);
		expect(f.ok && f.from).toBe('filter');
		expect(f.ok && f.questions.map((q) => q.id)).toEqual(['cloze-one', 'cloze-two']);
	});

	it('refuses bad input, naming the fields that are wrong', () => {
		const r = readExportRequest(new URLSearchParams('format=pdf'), questions, []);
		expect(r).toEqual({ ok: false, fields: ['format'] });
		const s = readExportRequest(
			new URLSearchParams('format=html&seed=a b&copies=2'),
			questions,
			[]
		);
		expect(s).toEqual({ ok: false, fields: ['seed'] });
		const c = readExportRequest(
			new URLSearchParams('format=html&seed=x&copies=999'),
			questions,
			[]
		);
		expect(c).toEqual({ ok: false, fields: ['copies'] });
		const t = readExportRequest(new URLSearchParams('format=gift&difficulty=7'), questions, []);
		expect(t).toEqual({ ok: false, fields: ['difficulty'] });
	});
});
