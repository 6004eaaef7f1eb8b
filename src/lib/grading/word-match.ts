/**
 * One key word against one answer token: exactly (clitics aside, facts by meaning), or loosely
 * (a known spelling, a transliteration, an inflection, a small typo in a long word).
 * Pure TypeScript: no DOM, no Node.
 */
import { editDistance } from '../text/distance';
import { sameWord } from '../text/analyze';
import { arabicSkeleton, isArabic, latinSkeletons, spellingSkeleton } from '../text/names';
import { type RTok } from './answer-tokens';
import { type PreparedContext } from './context';
import { type KeyWord } from './keys';

type How = 'exact' | 'clitic' | 'variant' | 'spelling' | 'translit' | 'inflection' | 'typo';

/** An Arabic word without one plural, dual, gender or nisba ending, if a stem of 3+ letters is left. */
export function bareStem(word: string): string | undefined {
	const m = /^(.{3,}?)(ون|ين|ان|ات|يه|يا|ه|ي|ا)$/.exec(word);
	return m ? m[1] : word.length >= 3 ? word : undefined;
}

export interface TokenMatch {
	how: How;
	/** edit distance and the distance allowed, for typos */
	dist?: number;
	allowed?: number;
}

/** Typos allowed in a word of this length: none in short words. */
export function allowedTypos(length: number): number {
	return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

export function matchExact(k: KeyWord, r: RTok): TokenMatch | undefined {
	if (r.num !== undefined) return undefined;
	if (k.role === 'fact' || k.lex?.cls === 'qualifier' || k.lex?.cls === 'period') {
		if (r.lex && k.lex && r.lex.cls === k.lex.cls && r.lex.id === k.lex.id) {
			return { how: sameWord(k.variants, r.variants) ? 'exact' : 'variant' };
		}
		return undefined;
	}
	if (k.token === r.token) return { how: 'exact' };
	if (sameWord(k.variants, r.variants)) return { how: 'clitic' };
	return undefined;
}

/**
 * A key word named loosely by an answer token: another spelling or a transliteration of a name,
 * another form of the word, or a typo (with its distance, however far: the caller judges it).
 * A word of the text itself is that word, not a misspelling of the key.
 * @param k the key word
 * @param r the answer token (its derived forms are worked out once, on it)
 * @param ctx the text around the answer, if known
 * @param arabicKey whether the key has an Arabic form, so a Latin name is not read from Arabic letters
 */
export function matchLoose(
	k: KeyWord,
	r: RTok,
	ctx?: PreparedContext,
	arabicKey = false
): TokenMatch | undefined {
	if (r.num !== undefined || r.lex || k.role !== 'word') return undefined;
	if (ctx) {
		r.inVocab ??= r.variants.some((v) => ctx.vocabulary.has(v));
		if (r.inVocab) return undefined;
	}
	if (r.latin && r.token.length < 4) return undefined;
	const spelled = spelledAsTheKey(k, r, arabicKey);
	if (spelled) return spelled;
	if (r.latin !== k.latin) return undefined;
	if (!r.latin && k.inflected.length > 0) {
		r.bare ??= r.variants.map(bareStem).filter((b): b is string => b !== undefined);
		for (const b of r.bare) if (k.inflected.includes(b)) return { how: 'inflection' };
	}
	return closestTypo(k, r);
}

/** A name in another script or spelling: Latin for Arabic, «هولت» for Holt, ص for س. */
function spelledAsTheKey(k: KeyWord, r: RTok, arabicKey: boolean): TokenMatch | undefined {
	if (r.latin) {
		const sk = (r.latinSk ??= latinSkeletons(r.token));
		if (k.skeletons.some((s) => s.length >= 2 && sk.includes(s))) return { how: 'translit' };
		return undefined;
	}
	if (isArabic(r.token) && k.spelling.length > 0) {
		r.spell ??= r.variants.filter((v) => v.length >= 5).map(spellingSkeleton);
		for (const sk of r.spell) if (k.spelling.includes(sk)) return { how: 'spelling' };
	}
	// a Latin name written in Arabic letters (هولت for Holt), when the key has no Arabic form
	if (k.latin && !arabicKey && isArabic(r.token)) {
		const sk = (r.arabicSk ??= r.variants.map(arabicSkeleton));
		if (k.skeletons.some((s) => s.length >= 2 && sk.includes(s))) return { how: 'translit' };
	}
	return undefined;
}

/** The key form nearest the token, by edit distance beyond what its length allows. */
function closestTypo(k: KeyWord, r: RTok): TokenMatch | undefined {
	let best: TokenMatch | undefined;
	r.fuzzy ??= r.variants.filter((v) => v.length >= 4).map((v) => ({ v, mask: letterMask(v) }));
	for (const keyForm of k.fuzzy) {
		for (const typed of r.fuzzy) {
			if (Math.abs(keyForm.v.length - typed.v.length) > keyForm.allowed + 1) continue;
			// each edit changes at most two letters of the letter set: a cheap bound first
			const bound = keyForm.allowed + 1;
			const distance =
				popcount(keyForm.mask ^ typed.mask) > 2 * bound
					? bound + 1
					: editDistance(keyForm.v, typed.v, bound);
			if (!best || distance - keyForm.allowed < best.dist! - best.allowed!)
				best = { how: 'typo', dist: distance, allowed: keyForm.allowed };
		}
	}
	return best;
}

/** A 32-bit set of the letters of a word (hashed), to bound the edit distance cheaply. */
export function letterMask(word: string): number {
	let m = 0;
	for (let i = 0; i < word.length; i++)
		m |= 1 << (Math.imul(word.charCodeAt(i), 0x9e3779b1) >>> 27);
	return m;
}

function popcount(x: number): number {
	x -= (x >>> 1) & 0x55555555;
	x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
	return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}
