/**
 * Fills `{name}` placeholders of an interface string.
 * @param template a string from the string tables ($lib/i18n)
 * @param values what goes in
 */
export function fmt(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/**
 * The countdown of a timed test as shown: whole seconds left, as m:ss. The server renders it and
 * the quiz page's script ticks it, so both write it this one way.
 * @param deadline when the test ends, in ms since the epoch
 * @param now the time now, in ms since the epoch
 */
export function clockLeft(deadline: number, now: number): { seconds: number; text: string } {
	const seconds = Math.max(0, Math.ceil((deadline - now) / 1000));
	return { seconds, text: `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}` };
}

/** A piece of a filled template: its own words, or a value put in (shown isolated, in <bdi>). */
export type TemplatePart = { text: string } | { value: string };

/**
 * The pieces of an interface string with its `{name}` placeholders filled, so a view can isolate
 * each value (a number, a range, a Latin name) in a <bdi> and keep the sentence's own order.
 * @param template a string from the string tables ($lib/i18n)
 * @param values what goes in
 */
export function fmtParts(
	template: string,
	values: Record<string, string | number>
): TemplatePart[] {
	const parts: TemplatePart[] = [];
	let at = 0;
	for (const m of template.matchAll(/\{(\w+)\}/g)) {
		if (!(m[1] in values)) continue;
		if (m.index > at) parts.push({ text: template.slice(at, m.index) });
		parts.push({ value: String(values[m[1]]) });
		at = m.index + m[0].length;
	}
	if (at < template.length) parts.push({ text: template.slice(at) });
	return parts;
}

/** How many version numbers a quiz link's seed is folded into: small enough to say aloud. */
export const VERSIONS = 99;

/**
 * The number a student sees for a quiz's seed ("version 12 of this quiz"), 1–{@link VERSIONS}:
 * the same seed always gives the same number (FNV-1a of the seed), so a class can tell its
 * versions apart without reading the seed itself. Two seeds may share a number: it names a
 * version, the link (with its seed) is what reproduces one.
 * @param seed the quiz link's seed
 */
export function versionNumber(seed: string): number {
	let hash = 0x811c9dc5;
	for (const unit of seed) {
		hash ^= unit.codePointAt(0)!;
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return (hash % VERSIONS) + 1;
}
