/**
 * Fills `{name}` placeholders of an interface string.
 * @param template a string from i18n.ts
 * @param values what goes in
 */
export function fmt(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
