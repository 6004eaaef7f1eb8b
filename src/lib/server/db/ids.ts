/** Ids and secret tokens: random, unguessable; tokens are stored only as their hash. */
import { createHash, randomBytes, randomInt } from 'node:crypto';

/** A row id: 128 random bits, URL-safe (22 characters). */
export function newId(): string {
	return randomBytes(16).toString('base64url');
}

/** A secret for a cookie or a link: 256 random bits, URL-safe (43 characters). */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

/** What the database keeps of a token: its SHA-256, so a stolen database opens no session. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** Join-code letters and digits without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V). */
export const JOIN_CODE_ALPHABET = '34679ACDEFGHJKMNPQRTWXY';
export const JOIN_CODE_LENGTH = 6;

/** A random join code: 6 characters of JOIN_CODE_ALPHABET (23⁶ ≈ 148 million codes). */
export function newJoinCode(): string {
	let code = '';
	for (let i = 0; i < JOIN_CODE_LENGTH; i++) {
		code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
	}
	return code;
}

/**
 * A join code as typed: case and spaces or dashes ignored, look-alikes read as the letter they
 * resemble (o→… is not guessed: only exact alphabet letters are kept). Returns null if it cannot
 * be a code.
 */
export function normalizeJoinCode(typed: string): string | null {
	const code = typed.toUpperCase().replace(/[\s-]/g, '');
	if (code.length !== JOIN_CODE_LENGTH) return null;
	for (const c of code) if (!JOIN_CODE_ALPHABET.includes(c)) return null;
	return code;
}
