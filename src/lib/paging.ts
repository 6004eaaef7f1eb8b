/**
 * Long lists shown a page at a time (the teacher's bank): which slice a `?page=` asks for.
 */
import { z } from 'zod';

/** Questions on one page of the teacher's bank: short enough for a phone, long enough to scan. */
export const PAGE_SIZE = 25;

/** `?page=`: a whole number from 1; absent means the first page. */
export const pageParam = z.coerce
	.number({ error: 'page is a whole number from 1' })
	.int({ error: 'page is a whole number from 1' })
	.min(1, { error: 'page is a whole number from 1' })
	.max(100_000, { error: 'page is a whole number from 1' })
	.default(1);

/** One page of a list, and where it sits in the whole. */
export interface Paged<T> {
	items: T[];
	/** the page shown, from 1 (a page past the end shows the last one) */
	page: number;
	pageCount: number;
	/** positions (from 1) of the first and last item shown; 0 and 0 for an empty list */
	first: number;
	last: number;
}

/**
 * The items of one page.
 * @param all the whole list, in order
 * @param requested the page asked for, from 1
 * @param size items per page
 */
export function pageOf<T>(all: readonly T[], requested: number, size = PAGE_SIZE): Paged<T> {
	const pageCount = Math.max(1, Math.ceil(all.length / size));
	const page = Math.min(Math.max(1, Math.floor(requested)), pageCount);
	const start = (page - 1) * size;
	const items = all.slice(start, start + size);
	return {
		items,
		page,
		pageCount,
		first: items.length ? start + 1 : 0,
		last: start + items.length
	};
}
