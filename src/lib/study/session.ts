/**
 * Practice sessions: which items to ask ("due now", "new", or one paragraph), in which order, and
 * what happens after each answer.
 */
import type { Progress, Verdict } from './progress';
import { isDue, retrievability } from './recall';
import type { StudyItem } from './set';

export const SESSION_MODES = ['due', 'new', 'paragraph'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

/** What a session practises; no article means all articles. */
export interface SessionSpec {
	mode: SessionMode;
	article?: string;
	paragraph?: string;
}

/** How many items to take at most in one sitting. */
export const SESSION_LIMITS = { due: 30, new: 10 } as const;

/** Counts of items for the /study page. */
export interface Counts {
	/** seen before and due now */
	due: number;
	/** never practised */
	new: number;
	/** practised at least once */
	seen: number;
	total: number;
	/** the earliest due date of an item not due yet (ISO), if any */
	nextDue?: string;
}

/**
 * Counts items by their state.
 * @param items the items to count
 * @param progress the learner's progress
 * @param now the time
 */
export function countItems(items: StudyItem[], progress: Progress, now = new Date()): Counts {
	const counts: Counts = { due: 0, new: 0, seen: 0, total: items.length };
	for (const item of items) {
		const record = progress.items[item.key];
		if (!record) {
			counts.new++;
			continue;
		}
		counts.seen++;
		if (isDue(record, now)) counts.due++;
		else if (!counts.nextDue || record.card.due < counts.nextDue) counts.nextDue = record.card.due;
	}
	return counts;
}

/**
 * The items a session asks, in order.
 * - due: items seen before whose time has come, most overdue first;
 * - new: items never practised, in reading order;
 * - paragraph: every item keyed to the paragraph: due ones, then new ones, then the least known.
 * @param items all items (of every article)
 * @param progress the learner's progress
 * @param spec what to practise
 * @param now the time
 */
export function pickItems(
	items: StudyItem[],
	progress: Progress,
	spec: SessionSpec,
	now = new Date()
): StudyItem[] {
	const pool = items.filter((i) => !spec.article || i.article === spec.article);
	const dueTime = (i: StudyItem) => Date.parse(progress.items[i.key].card.due);
	const due = pool.filter((i) => progress.items[i.key] && isDue(progress.items[i.key], now));
	due.sort((a, b) => dueTime(a) - dueTime(b) || a.order - b.order);
	const fresh = pool.filter((i) => !progress.items[i.key]);
	switch (spec.mode) {
		case 'due':
			return due.slice(0, SESSION_LIMITS.due);
		case 'new':
			return fresh.slice(0, SESSION_LIMITS.new);
		case 'paragraph': {
			const here = (i: StudyItem) => !spec.paragraph || i.paragraphs.includes(spec.paragraph);
			const rest = pool
				.filter((i) => here(i) && progress.items[i.key] && !isDue(progress.items[i.key], now))
				.map((i) => ({ i, r: retrievability(progress.items[i.key], now) }))
				.sort((a, b) => a.r - b.r || a.i.order - b.i.order)
				.map((x) => x.i);
			return [...due.filter(here), ...fresh.filter(here), ...rest];
		}
	}
}

/** A sitting in progress: the queue of item keys and what has been answered. */
export interface Session {
	queue: string[];
	position: number;
	/** items already put back once in this sitting */
	requeued: string[];
	answers: { item: string; question: string; verdict: Verdict }[];
}

/**
 * A new sitting over the given items.
 * @param items the items, in order
 */
export function startSession(items: StudyItem[]): Session {
	return { queue: items.map((i) => i.key), position: 0, requeued: [], answers: [] };
}

/**
 * The sitting after an answer. A missed item is put back at the end of the queue, once: after the
 * learner has reread its evidence it is asked again later in the sitting, in its next form.
 * @param session the sitting
 * @param item the key of the item answered
 * @param question the id of the question (form) answered
 * @param verdict the verdict
 */
export function answered(
	session: Session,
	item: string,
	question: string,
	verdict: Verdict
): Session {
	const again = verdict !== 'correct' && !session.requeued.includes(item);
	return {
		queue: again ? [...session.queue, item] : session.queue,
		position: session.position,
		requeued: again ? [...session.requeued, item] : session.requeued,
		answers: [...session.answers, { item, question, verdict }]
	};
}

/**
 * The sitting moved on to its next item.
 * @param session the sitting
 */
export function advance(session: Session): Session {
	return { ...session, position: session.position + 1 };
}

/**
 * Whether the sitting has no item left to ask.
 * @param session the sitting
 */
export function finished(session: Session): boolean {
	return session.position >= session.queue.length;
}

/**
 * Reads a session spec from URL parameters (?mode=due|new|paragraph&article=…&paragraph=p3);
 * anything unknown falls back to "due now" over all articles.
 * @param params the URL's search parameters
 */
export function specFromParams(params: URLSearchParams): SessionSpec {
	const mode = params.get('mode');
	const article = params.get('article') || undefined;
	const paragraph = params.get('paragraph') ?? undefined;
	if (paragraph && /^p[1-9][0-9]*$/.test(paragraph))
		return { mode: 'paragraph', article, paragraph };
	return { mode: mode === 'new' ? 'new' : 'due', article };
}

/**
 * The query of a practice sitting's URL: /study/practice?<this>.
 * @param spec what to practise
 */
export function practiceQuery(spec: SessionSpec): string {
	const params = new URLSearchParams({ mode: spec.mode });
	if (spec.article) params.set('article', spec.article);
	if (spec.paragraph) params.set('paragraph', spec.paragraph);
	return params.toString();
}
