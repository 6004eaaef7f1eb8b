/**
 * A small seeded shuffle for worksheet variants: the same seed prints the same copies, so a key
 * printed later still matches. (mulberry32, a 32-bit generator: plenty for shuffling a page.)
 */

/**
 * A generator of floats in [0, 1) from a 32-bit seed.
 * @param seed any integer
 */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * A shuffled copy (Fisher–Yates), leaving the input as it was.
 * @param items what to shuffle
 * @param random a generator from `seededRandom`
 */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
	const out = items.slice();
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/**
 * The seed of one student's copy: distinct per copy, the same for the same seed and copy.
 * @param seed the teacher's seed
 * @param copy the copy's number, from 1
 */
export function copySeed(seed: number, copy: number): number {
	return (Math.imul(seed >>> 0, 0x9e3779b1) + copy * 0x85ebca6b) >>> 0;
}
