/**
 * Where self-study progress is kept: the one module that touches the device's storage.
 *
 * localStorage rather than IndexedDB: the progress of a learner is a few hundred small records,
 * read once and written after each answer; a synchronous string store keeps the code (and the
 * JavaScript shipped) small. Progress never lives in the service worker's cache, so a new deploy,
 * which replaces that cache, cannot lose it.
 */

/** A place to read and write the progress document as text. */
export interface ProgressStorage {
	/** the stored text, or null when nothing is stored (or storage is unavailable) */
	read(): string | null;
	/** stores the text; throws when the device refuses (quota, private mode) */
	write(text: string): void;
	/** keeps a copy of text that could not be read, so a damaged store is never silently lost */
	quarantine(text: string): void;
}

/** The key of the progress document in localStorage. */
export const STORAGE_KEY = 'dalil.progress';
const QUARANTINE_KEY = 'dalil.progress.unreadable';

/**
 * The browser's localStorage, or an empty in-memory store where it is unavailable (server
 * rendering, storage disabled), so callers never have to check.
 */
export function browserStorage(): ProgressStorage {
	let ls: Storage | undefined;
	try {
		ls = globalThis.localStorage;
	} catch {
		// Accessing localStorage throws when the browser blocks storage for the site.
		ls = undefined;
	}
	if (!ls) return memoryStorage();
	const store = ls;
	return {
		read: () => store.getItem(STORAGE_KEY),
		write: (text) => store.setItem(STORAGE_KEY, text),
		quarantine: (text) => store.setItem(QUARANTINE_KEY, text)
	};
}

/**
 * A store in memory, for tests and for browsers without storage.
 * @param initial the text already stored, if any
 */
export function memoryStorage(initial: string | null = null): ProgressStorage & {
	quarantined: string[];
} {
	let text = initial;
	const quarantined: string[] = [];
	return {
		quarantined,
		read: () => text,
		write: (t) => {
			text = t;
		},
		quarantine: (t) => {
			quarantined.push(t);
		}
	};
}
