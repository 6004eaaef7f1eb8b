/**
 * The light normalization an evidence quote gets: Unicode NFC and white space folded, nothing
 * else, so that a quote stays a real quote of its paragraph.
 * Pure TypeScript: no DOM, no Node.
 */

/** Any run of white space, including no-break and zero-width spaces that pasted text brings. */
const SPACES = /(?:[\s\u00A0\u200B\u200C\u2060\uFEFF]|\u200D)+/gu;

/**
 * Unicode NFC and whitespace folding, trimmed: the only normalization an evidence quote gets.
 * @param text any text
 */
export function normalizeQuote(text: string): string {
	const s = text.normalize('NFC');
	// most quotes have single plain spaces only: no new string then
	return foldsSpaces(s) ? s.replace(SPACES, ' ').trim() : s;
}

/** Whether `normalizeQuote` has spaces to fold or trim in an NFC text. */
function foldsSpaces(s: string): boolean {
	const n = s.length;
	if (n > 0 && (isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(n - 1)))) return true;
	for (let i = 0; i < n; i++) {
		const c = s.charCodeAt(i);
		if (c === 32 ? s.charCodeAt(i + 1) === 32 || isSpace(s.charCodeAt(i + 1)) : isSpace(c)) {
			return true;
		}
	}
	return false;
}

/** The characters `SPACES` matches, by code (a paragraph is scanned character by character). */
function isSpace(c: number): boolean {
	if (c === 32 || (c >= 9 && c <= 13)) return true;
	if (c < 0xa0) return false;
	return (
		c === 0xa0 ||
		c === 0x1680 ||
		(c >= 0x2000 && c <= 0x200d) ||
		c === 0x2028 ||
		c === 0x2029 ||
		c === 0x202f ||
		c === 0x205f ||
		c === 0x2060 ||
		c === 0x3000 ||
		c === 0xfeff
	);
}

/**
 * `normalizeQuote` of a text with, for each character of the result, its offset in the input, so a
 * match found in the folded text can be highlighted in the stored one.
 * Assumes the input is already NFC (stored paragraphs are checked to be).
 * @param text an NFC text
 */
export function normalizeQuoteWithOffsets(text: string): { text: string; offsets: number[] } {
	if (!foldsSpaces(text)) {
		// nothing to fold (most paragraphs): the text itself, each character where it stands
		const offsets = new Array<number>(text.length);
		for (let i = 0; i < text.length; i++) offsets[i] = i;
		return { text, offsets };
	}
	let out = '';
	const offsets: number[] = [];
	let pendingSpace = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (isSpace(text.charCodeAt(i))) {
			pendingSpace = out.length > 0;
			continue;
		}
		if (pendingSpace) {
			out += ' ';
			offsets.push(i - 1);
			pendingSpace = false;
		}
		out += ch;
		offsets.push(i);
	}
	return { text: out, offsets };
}
