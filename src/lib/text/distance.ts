/**
 * How far apart two words are, for forgiving small typos.
 * Pure TypeScript: no DOM, no Node.
 */

/**
 * Optimal string alignment distance (Levenshtein with adjacent transpositions), or `max + 1` as
 * soon as it is known to exceed `max`.
 * @param a one word
 * @param b the other
 * @param max the largest distance of interest
 */
export function editDistance(a: string, b: string, max = Infinity): number {
	if (a === b) return 0;
	if (Math.abs(a.length - b.length) > max) return max + 1;
	const n = b.length;
	if (n + 1 > rows[0].length) rows = newRows(n + 1);
	// the rows of the two steps before this one, and this one's
	let prev2 = rows[0];
	let prev = rows[1];
	let cur = rows[2];
	for (let j = 0; j <= n; j++) prev[j] = j;
	for (let i = 1; i <= a.length; i++) {
		cur[0] = i;
		let rowMin = i;
		const ai = a.charCodeAt(i - 1);
		for (let j = 1; j <= n; j++) {
			const bj = b.charCodeAt(j - 1);
			let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1));
			if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
				v = Math.min(v, prev2[j - 2] + 1);
			}
			cur[j] = v;
			if (v < rowMin) rowMin = v;
		}
		if (rowMin > max) return max + 1;
		const t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[n];
}

/** Three rows of `length` for `editDistance`. */
function newRows(length: number): Int32Array[] {
	return [new Int32Array(length), new Int32Array(length), new Int32Array(length)];
}

/**
 * Scratch rows of `editDistance`, reused (words are short; grown if ever needed). Only ever read
 * inside one call, which calls nothing back: no caller sees them.
 */
let rows = newRows(64);
