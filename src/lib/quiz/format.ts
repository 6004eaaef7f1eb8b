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
