/**
 * How well the learner knows each paragraph of an article, for the picture that shades the text
 * by mastery and shows which part to reread.
 */
import type { Paragraph } from '../bank/article';
import type { Progress } from './progress';
import { retrievability } from './recall';
import type { StudyItem } from './set';

export type MasteryLevel = 'none' | 'unseen' | 'weak' | 'fair' | 'strong';

/** A paragraph's mastery. */
export interface ParagraphMastery {
	paragraph: string;
	/** items (facts) keyed to the paragraph */
	items: number;
	/** of them, practised at least once */
	practised: number;
	/** of them, known now (mastery at least KNOWN) */
	known: number;
	/**
	 * mean mastery of its practised items: how well what was practised is known (how much is
	 * practised at all is `practised`; an unpractised item is not a weakness to reread)
	 */
	score: number;
	level: MasteryLevel;
}

/** The mastery from which an item counts as known. */
export const KNOWN = 0.8;

/**
 * How well an item is known now (0–1), or null when never practised: the probability of recall
 * (FSRS) weighed by how the last answer went, since a just-missed item is freshly reviewed yet not
 * known.
 * @param item the item
 * @param progress the learner's progress
 * @param now the time
 */
export function itemMastery(item: StudyItem, progress: Progress, now = new Date()): number | null {
	const record = progress.items[item.key];
	if (!record) return null;
	let last: { at: string; verdict: string } | undefined;
	for (const q of item.ladder) {
		const r = progress.questions[q.id];
		if (r && (!last || r.lastAt > last.at)) last = { at: r.lastAt, verdict: r.last };
	}
	const weight = !last || last.verdict === 'correct' ? 1 : last.verdict === 'partial' ? 0.5 : 0;
	return retrievability(record, now) * weight;
}

/**
 * The mastery of each paragraph of an article.
 * @param paragraphs the article's paragraphs
 * @param items the article's items
 * @param progress the learner's progress
 * @param now the time
 */
export function paragraphMastery(
	paragraphs: Paragraph[],
	items: StudyItem[],
	progress: Progress,
	now = new Date()
): ParagraphMastery[] {
	const scores = new Map(items.map((i) => [i.key, itemMastery(i, progress, now)]));
	return paragraphs.map((p) => {
		const here = items.filter((i) => i.paragraphs.includes(p.id));
		const values = here.map((i) => scores.get(i.key) ?? null);
		const practised = values.filter((v) => v !== null).length;
		const known = values.filter((v) => v !== null && v >= KNOWN).length;
		const score = practised ? values.reduce<number>((s, v) => s + (v ?? 0), 0) / practised : 0;
		const level = masteryLevel(here.length, practised, score);
		return { paragraph: p.id, items: here.length, practised, known, score, level };
	});
}

/**
 * The level a paragraph is shaded at (shared with a class's mastery on the results page).
 * @param items how many items (questions) the paragraph has
 * @param practised how many of them were practised (answered)
 * @param score the mean mastery (score) of those practised, 0–1
 */
export function masteryLevel(items: number, practised: number, score: number): MasteryLevel {
	if (items === 0) return 'none';
	if (practised === 0) return 'unseen';
	return score >= KNOWN ? 'strong' : score >= 0.4 ? 'fair' : 'weak';
}
