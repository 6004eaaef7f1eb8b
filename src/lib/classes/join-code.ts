/** Join codes: 6 characters from an alphabet without look-alikes. */

/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V). */
export const JOIN_CODE_ALPHABET = '34679ACDEFGHJKMNPQRTWXY';
export const JOIN_CODE_LENGTH = 6;

/**
 * A join code from random integers (one per character, any non-negative integer): 23⁶, about
 * 148 million codes.
 */
export function joinCodeFrom(randomInts: readonly number[]): string {
	return randomInts
		.slice(0, JOIN_CODE_LENGTH)
		.map((n) => JOIN_CODE_ALPHABET[n % JOIN_CODE_ALPHABET.length])
		.join('');
}
