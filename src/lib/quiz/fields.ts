/**
 * What the question controls and the quiz page's script need of the form protocol (see form.ts),
 * kept apart from the reader of posts: `readAnswers` belongs to the server and the study page's
 * on-device practice, not to every bundle that shows a control.
 */
import type { Word } from './types';

/**
 * Splits a paragraph into words (runs of non-space) with their offsets. An evidence word's field
 * value is its paragraph and its index here (`p3:7`): the control and the reader of the post both
 * cut the paragraph's text this way, so an index names the same word on both sides.
 * @param text a paragraph's stored text
 */
export function words(text: string): Word[] {
	return [...text.matchAll(/\S+/g)].map((m) => [m[0], m.index, m.index + m[0].length]);
}

/**
 * The positions (1-based) to show for an ordering answer, one per item as shown.
 * @param items the items as shown
 * @param order the student's order, if any
 */
export function orderingPositions(items: readonly string[], order: readonly string[] | undefined) {
	return items.map((item) => {
		const at = order?.indexOf(item) ?? -1;
		return at < 0 ? '' : String(at + 1);
	});
}

/**
 * Whether the k-th word of a paragraph lies in a marked phrase.
 * @param word the word
 * @param paragraph its paragraph
 * @param marked the saved answer, if any
 */
export function wordMarked(
	word: readonly [string, number, number],
	paragraph: string,
	marked: { paragraph: string; start: number; end: number } | undefined
): boolean {
	return (
		marked !== undefined &&
		marked.paragraph === paragraph &&
		word[1] >= marked.start &&
		word[2] <= marked.end
	);
}

/**
 * An ordering after one item moves: `item` taken out of `shown` and put back at position `to`
 * (1-based; past the end means last). The ordering control and the quiz page's script both move
 * items this way, so the positions they number stay distinct.
 * @param shown the items (any ids) in the order shown
 * @param item the item that moves
 * @param to its new position, 1-based
 */
export function moveItem<T>(shown: readonly T[], item: T, to: number): T[] {
	const order = shown.filter((x) => x !== item);
	order.splice(Math.max(0, to - 1), 0, item);
	return order;
}
