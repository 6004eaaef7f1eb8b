/**
 * Clitics: the forms a folded Arabic token may stand for without its conjunction, preposition
 * and article.
 * Pure TypeScript: no DOM, no Node.
 */

/**
 * The forms a folded Arabic token may stand for once its clitics are taken off, longest first:
 * conjunction و/ف, then preposition ب/ك/ل, then the article ال (لل = ل + ال). Each step is
 * optional, and a step is only taken when a real stem (3+ letters, 2+ after the article) is left,
 * so "وزير" still offers itself, and "الليبيين" meets "ليبيين".
 * @param token one folded token
 */
export function stemVariants(token: string): string[] {
	let out = STEMS.get(token);
	if (out === undefined) {
		out = stems(token);
		// bounded: a bank's or a class's vocabulary fits many times over
		if (STEMS.size >= 50_000) STEMS.clear();
		STEMS.set(token, out);
	}
	return out;
}

/** Tokens seen before and their variants (shared arrays: callers only read them). */
const STEMS = new Map<string, string[]>();

function stems(token: string): string[] {
	const out = [token];
	if (!/^[\u0621-\u064A]/.test(token)) return out;
	const afterConj = [token];
	if (/^[وف]/.test(token) && token.length >= 4) afterConj.push(token.slice(1));
	for (const a of afterConj) {
		const afterPrep = [a];
		if (a.startsWith('لل') && a.length >= 4) afterPrep.push(a.slice(2));
		else if (/^[بكل]/.test(a) && a.length >= 4) afterPrep.push(a.slice(1));
		for (const b of afterPrep) {
			if (!out.includes(b)) out.push(b);
			if (b.startsWith('ال') && b.length >= 4) {
				const c = b.slice(2);
				if (!out.includes(c)) out.push(c);
			}
		}
	}
	return out;
}
