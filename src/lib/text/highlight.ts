/** A piece of a paragraph: plain, or marked as evidence. */
export interface Piece {
	text: string;
	mark: boolean;
}

/**
 * Cuts a paragraph into plain and marked pieces by character spans (evidence offsets into the
 * stored text). Overlapping or touching spans are marked as their union, one piece; spans are
 * clipped to the text, and the pieces always join back to it.
 * @param text the stored paragraph
 * @param spans character offsets to mark, in any order
 */
export function highlightPieces(
	text: string,
	spans: readonly { start: number; end: number }[]
): Piece[] {
	const union: { start: number; end: number }[] = [];
	for (const span of [...spans].sort((a, b) => a.start - b.start)) {
		const start = Math.max(span.start, 0);
		const end = Math.min(span.end, text.length);
		if (end <= start) continue;
		const last = union.at(-1);
		if (last && start <= last.end) last.end = Math.max(last.end, end);
		else union.push({ start, end });
	}
	const out: Piece[] = [];
	let at = 0;
	for (const { start, end } of union) {
		if (start > at) out.push({ text: text.slice(at, start), mark: false });
		out.push({ text: text.slice(start, end), mark: true });
		at = end;
	}
	if (at < text.length) out.push({ text: text.slice(at), mark: false });
	return out;
}
