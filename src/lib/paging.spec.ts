import { describe, expect, it } from 'vitest';
import { pageOf, pageParam } from './paging';

const list = Array.from({ length: 53 }, (_, i) => i + 1);

describe('pageOf', () => {
	it('cuts a list into pages of the given size', () => {
		expect(pageOf(list, 1, 25)).toMatchObject({ page: 1, pageCount: 3, first: 1, last: 25 });
		expect(pageOf(list, 3, 25).items).toEqual([51, 52, 53]);
		expect(pageOf(list, 3, 25)).toMatchObject({ first: 51, last: 53 });
	});

	it('shows the last page for a page past the end', () => {
		expect(pageOf(list, 9, 25).page).toBe(3);
	});

	it('an empty list is one empty page', () => {
		expect(pageOf([], 1, 25)).toEqual({ items: [], page: 1, pageCount: 1, first: 0, last: 0 });
	});
});

describe('pageParam', () => {
	it('reads a whole number from 1, the first page when absent', () => {
		expect(pageParam.parse('2')).toBe(2);
		expect(pageParam.parse(undefined)).toBe(1);
		for (const bad of ['0', '-1', '1.5', 'two'])
			expect(pageParam.safeParse(bad).success).toBe(false);
	});
});
