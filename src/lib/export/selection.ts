/**
 * The teacher's selection of questions, kept in a cookie so it survives a reload and works
 * without JavaScript (each change is a form post). Pure: the route reads and writes the cookie.
 */
import { z } from 'zod';
import { questionId } from '../bank/schema';

export const SELECTION_COOKIE = 'dalil-selection';

/** Browsers keep at least 4096 bytes a cookie (RFC 6265 §6.1); name and attributes need some. */
export const SELECTION_MAX_CHARS = 3800;

/**
 * The ids in a cookie value, in order, without duplicates; ids that do not look like ids are
 * dropped (a cookie is input like any other).
 * @param value the cookie value, if any
 */
export function readSelection(value: string | undefined): string[] {
	if (!value) return [];
	const ids = value.split('.').filter((id) => questionId.safeParse(id).success);
	return [...new Set(ids)];
}

/**
 * The cookie value of a selection (ids joined by `.`, which ids never hold and cookies allow
 * unescaped), or undefined when it is too long to keep.
 * @param ids the selected ids
 */
export function writeSelection(ids: string[]): string | undefined {
	const value = [...new Set(ids)].join('.');
	return value.length > SELECTION_MAX_CHARS ? undefined : value;
}

/** What a selection form posts: the ids shown on the page and those ticked among them. */
export const selectionForm = z.object({
	shown: z.array(questionId).max(10_000),
	id: z.array(questionId).max(10_000)
});

export type SelectionAction = 'save' | 'all' | 'none' | 'clear';

/**
 * The selection after a form post.
 * - save: the shown questions become exactly the ticked ones; others stay as they were.
 * - all: every shown question is added. none: every shown question is removed. clear: nothing.
 * @param current the selection before
 * @param action what the teacher pressed
 * @param form the posted ids
 * @param known whether an id is a question of the bank
 */
export function updateSelection(
	current: string[],
	action: SelectionAction,
	form: z.output<typeof selectionForm>,
	known: (id: string) => boolean
): string[] {
	const shown = new Set(form.shown);
	switch (action) {
		case 'clear':
			return [];
		case 'all':
			return [...new Set([...current, ...form.shown.filter(known)])];
		case 'none':
			return current.filter((id) => !shown.has(id));
		case 'save':
			return [
				...new Set([
					...current.filter((id) => !shown.has(id)),
					...form.id.filter((id) => shown.has(id) && known(id))
				])
			];
	}
}
