/**
 * Spaced review with FSRS (ts-fsrs): a wrong answer comes back within minutes, a right one after
 * days, then weeks. This module turns a graded answer into the next state of the learner's
 * progress.
 */
import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';
import type { BankQuestion } from '../bank/check';
import { own, records, type CardRecord, type Progress, type Verdict } from './progress';
import type { StudyItem } from './set';

// Default FSRS parameters (90% retention). One short learning step: a miss is due again in ten
// minutes (the same sitting), while a first right answer waits days; the learner has just read
// the text, and drilling a fact they got right at once would only waste their time.
const scheduler = fsrs({ learning_steps: ['10m'], relearning_steps: ['10m'] });

/**
 * A stored card as ts-fsrs wants it.
 * @param r the stored card
 */
export function toCard(r: CardRecord): Card {
	return {
		...r,
		due: new Date(r.due),
		last_review: r.last_review ? new Date(r.last_review) : undefined
	};
}

/**
 * A ts-fsrs card as stored.
 * @param c the card
 */
export function fromCard(c: Card): CardRecord {
	return {
		due: c.due.toISOString(),
		stability: c.stability,
		difficulty: c.difficulty,
		elapsed_days: c.elapsed_days,
		scheduled_days: c.scheduled_days,
		learning_steps: c.learning_steps,
		reps: c.reps,
		lapses: c.lapses,
		state: c.state,
		...(c.last_review ? { last_review: c.last_review.toISOString() } : {})
	};
}

/**
 * The FSRS rating of a verdict: wrong is Again, partial is Hard, correct is Good. (Easy is never
 * inferred: a correct answer says nothing about how easy it felt.)
 * @param verdict the grader's verdict
 */
export function ratingFor(verdict: Verdict): Grade {
	return verdict === 'correct' ? Rating.Good : verdict === 'partial' ? Rating.Hard : Rating.Again;
}

/**
 * Records an answer: the question's attempts and last verdict, the item's next due date, and one
 * step up the ladder of forms. Returns new progress; the given one is not changed.
 *
 * Every answer climbs the ladder: after a right answer the fact is next asked in a harder form;
 * after a wrong one the learner has reread the evidence, so asking the same choice again would
 * only test whether they remember what they just saw; a harder form tests the fact.
 * @param progress the progress so far
 * @param item the item asked
 * @param question the form it was asked in
 * @param verdict the grader's verdict
 * @param now the time of the answer
 */
export function recordAnswer(
	progress: Progress,
	item: StudyItem,
	question: BankQuestion,
	verdict: Verdict,
	now = new Date()
): Progress {
	const before = own(progress.questions, question.id);
	const record = own(progress.items, item.key);
	const card = record ? toCard(record.card) : createEmptyCard(now);
	const next = scheduler.next(card, now, ratingFor(verdict)).card;
	const step = Math.min((record?.step ?? 0) + 1, item.ladder.length - 1);
	return {
		...progress,
		questions: records(progress.questions, {
			[question.id]: {
				article: question.article,
				attempts: (before?.attempts ?? 0) + 1,
				correct: (before?.correct ?? 0) + (verdict === 'correct' ? 1 : 0),
				last: verdict,
				lastAt: now.toISOString()
			}
		}),
		items: records(progress.items, { [item.key]: { step, card: fromCard(next) } })
	};
}
