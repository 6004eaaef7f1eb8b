/** Ids and secret tokens: random, unguessable; tokens are stored only as their hash. */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, joinCodeFrom } from '../../classes/join-code';

/** A row id: 128 random bits, URL-safe (22 characters). */
export function newId(): string {
	return randomBytes(16).toString('base64url');
}

/** The shape of an id `newId` made: what a client may hand back as one (a proposed attempt's). */
export const NEW_ID = /^[A-Za-z0-9_-]{22}$/;

/** A secret for a cookie or a link: 256 random bits, URL-safe (43 characters). */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

/** What the database keeps of a token: its SHA-256, so a stolen database opens no session. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** A random join code (see $lib/classes/join-code). */
export function newJoinCode(): string {
	return joinCodeFrom(
		Array.from({ length: JOIN_CODE_LENGTH }, () => randomInt(JOIN_CODE_ALPHABET.length))
	);
}
