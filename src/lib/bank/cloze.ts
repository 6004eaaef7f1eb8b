/**
 * Cloze texts: a verbatim span of a paragraph with its blanks marked. Apart from the zod schema so
 * that the grader and the quiz pages can read blanks without shipping zod to the browser.
 */

/** `[[answer]]` or `[[answer|other accepted form|…]]` marks a blank in a cloze text. */
export const CLOZE_BLANK = /\[\[([^\]|]+)((?:\|[^\]|]+)*)\]\]/g;

/** A blank of a cloze text: the expected answer and its other accepted forms. */
export interface ClozeBlank {
	answer: string;
	accept: string[];
	/** offsets of the blank in the cloze text with the brackets removed */
	start: number;
	end: number;
}

/**
 * Splits a cloze text into its plain text (brackets removed) and its blanks.
 * @param text a cloze text with `[[…]]` blanks
 */
export function parseCloze(text: string): { plain: string; blanks: ClozeBlank[] } {
	const blanks: ClozeBlank[] = [];
	let plain = '';
	let last = 0;
	for (const m of text.matchAll(CLOZE_BLANK)) {
		plain += text.slice(last, m.index);
		const answer = m[1];
		const accept = m[2] ? m[2].split('|').filter(Boolean) : [];
		blanks.push({ answer, accept, start: plain.length, end: plain.length + answer.length });
		plain += answer;
		last = m.index + m[0].length;
	}
	plain += text.slice(last);
	return { plain, blanks };
}
