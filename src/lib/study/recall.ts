/**
 * What the pages that only look at progress need of FSRS: whether an item is due, and how likely
 * the learner is to recall it now.
 *
 * The forgetting curve is written out here (three lines) instead of imported, so /study and the
 * mastery map do not ship ts-fsrs (about 9 KB gzipped): bundlers split by module, and ts-fsrs is
 * one module. recall.spec.ts holds it equal to ts-fsrs's get_retrievability, so the library stays
 * the reference.
 */
import type { ItemRecord } from './progress';

/** FSRS-6's default decay, -w[20] of ts-fsrs's default parameters (checked in the tests). */
export const DECAY = -0.1542;
/** Chosen so that recall is 90% after `stability` days. */
const FACTOR = Math.round((Math.exp(Math.log(0.9) / DECAY) - 1) * 1e8) / 1e8;
const DAY = 24 * 3600_000;

/**
 * Whether an item seen before is due for review.
 * @param record the item's record
 * @param now the time
 */
export function isDue(record: ItemRecord, now = new Date()): boolean {
	return Date.parse(record.card.due) <= now.getTime();
}

/**
 * The probability (0–1) that the learner recalls an item now: FSRS's forgetting curve over whole
 * days since the last review, as ts-fsrs computes it (a new card: 0).
 * @param record the item's record
 * @param now the time
 */
export function retrievability(record: ItemRecord, now = new Date()): number {
	const card = record.card;
	if (card.state === 0 || !card.last_review) return 0;
	const days = Math.max(Math.floor((now.getTime() - Date.parse(card.last_review)) / DAY), 0);
	const r = Math.pow(1 + (FACTOR * days) / +card.stability.toFixed(8), DECAY);
	return Math.round(r * 1e8) / 1e8;
}
