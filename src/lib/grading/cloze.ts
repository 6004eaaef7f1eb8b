/**
 * Cloze blanks, read the way `parseCloze` in bank/schema.ts reads them. Repeated here so that the
 * grader does not pull the bank's zod schemas into the quiz page; cloze.spec.ts checks that the two
 * agree.
 */

/** `[[answer]]` or `[[answer|other accepted form|…]]` marks a blank. */
const BLANK = /\[\[([^\]|]+)((?:\|[^\]|]+)*)\]\]/g;

/** A blank: its answer and other accepted forms. */
export interface Blank {
	answer: string;
	accept: string[];
}

/**
 * The blanks of a cloze text, in order.
 * @param text a cloze text
 */
export function parseCloze(text: string): { blanks: Blank[] } {
	const blanks: Blank[] = [];
	for (const m of text.matchAll(BLANK)) {
		blanks.push({ answer: m[1], accept: m[2] ? m[2].split('|').filter(Boolean) : [] });
	}
	return { blanks };
}
