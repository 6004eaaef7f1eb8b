/**
 * A small seeded pseudo-random generator: the same seed gives the same quiz, on any machine.
 * (mulberry32 over a 32-bit FNV-1a hash of the seed text: plenty for picking and shuffling.)
 */

/** A generator of floats in [0, 1). */
export type Random = () => number;

/**
 * A 32-bit hash of a text (FNV-1a), to turn any seed text into a generator seed.
 * @param text any text
 */
export function hashText(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/**
 * A seeded generator of floats in [0, 1).
 * @param seed a number or a text (texts are hashed)
 */
export function seededRandom(seed: number | string): Random {
	let a = (typeof seed === 'string' ? hashText(seed) : seed) >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * A shuffled copy (Fisher–Yates); the input is left as it was.
 * @param items what to shuffle
 * @param random a seeded generator
 */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
	const out = items.slice();
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/**
 * A short random seed for a new quiz variant (letters and digits), from `Math.random`: only used
 * when a link has no seed, and the page then shows the one it chose.
 */
export function newSeed(): string {
	return Math.floor(Math.random() * 36 ** 6)
		.toString(36)
		.padStart(6, '0');
}
