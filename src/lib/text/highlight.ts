/** A piece of a paragraph: plain, or marked as evidence. */
export interface Piece {
	text: string;
	mark: boolean;
}

/**
 * Cuts a paragraph into plain and marked pieces by character spans (evidence offsets into the
 * stored text). Overlapping spans keep the first; the pieces always join back to the text.
 * @param text the stored paragraph
 * @param spans character offsets to mark, in any order
 */
export function highlightPieces(text: string, spans: { start: number; end: number }[]): Piece[] {
	const out: Piece[] = [];
	let at = 0;
	for (const m of [...spans].sort((a, b) => a.start - b.start)) {
		if (m.start < at) continue;
		if (m.start > at) out.push({ text: text.slice(at, m.start), mark: false });
		out.push({ text: text.slice(m.start, m.end), mark: true });
		at = m.end;
	}
	if (at < text.length) out.push({ text: text.slice(at), mark: false });
	return out;
}
