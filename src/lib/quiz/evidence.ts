/**
 * The evidence of a results page shown where it stands: each paragraph an answer's evidence cites,
 * whole, with its quotes marked. A results page has no article beside it, so a link to the
 * paragraph would lead nowhere; the paragraph comes to the answer instead.
 */
import type { Paragraph } from '../bank/article';
import { highlightPieces, type Piece } from '../text/highlight';
import type { EvidenceExcerpt } from './types';

/** A cited paragraph, cut into runs with its quotes marked. */
export interface MarkedParagraph {
	/** p1, p2, … */
	id: string;
	/** its number */
	n: number;
	runs: Piece[];
}

/** A paragraph as a results page needs it. */
export type CitedParagraph = Pick<Paragraph, 'id' | 'n' | 'text'>;

/**
 * The paragraphs the given evidence cites, in the article's order, for a page to send along with
 * the feedback it already shows (nothing more: a paragraph no shown evidence cites stays out).
 * @param paragraphs the article's paragraphs
 * @param evidence the evidence of every answer the page shows
 */
export function citedParagraphs(
	paragraphs: readonly Paragraph[],
	evidence: Iterable<Pick<EvidenceExcerpt, 'paragraph'>>
): CitedParagraph[] {
	const cited = new Set<string>();
	for (const e of evidence) cited.add(e.paragraph);
	return paragraphs.filter((p) => cited.has(p.id)).map(({ id, n, text }) => ({ id, n, text }));
}

/**
 * An answer's evidence as whole paragraphs: one per cited paragraph (in the order the evidence
 * first cites them), every quote in it marked; overlapping quotes are marked as one.
 * @param evidence the answer's evidence (offsets in the paragraph's stored text)
 * @param paragraphs the cited paragraphs (`citedParagraphs`); evidence of a paragraph not among
 *   them is left out
 */
export function markedParagraphs(
	evidence: readonly Pick<EvidenceExcerpt, 'paragraph' | 'start' | 'end'>[],
	paragraphs: readonly CitedParagraph[]
): MarkedParagraph[] {
	const byId = new Map(paragraphs.map((p) => [p.id, p]));
	const spans = new Map<string, { start: number; end: number }[]>();
	for (const e of evidence) {
		if (!byId.has(e.paragraph)) continue;
		const list = spans.get(e.paragraph);
		if (list) list.push(e);
		else spans.set(e.paragraph, [e]);
	}
	return [...spans].map(([id, list]) => {
		const { n, text } = byId.get(id)!;
		return { id, n, runs: highlightPieces(text, list) };
	});
}
