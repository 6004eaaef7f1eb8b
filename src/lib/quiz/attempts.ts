/**
 * In-progress and finished attempts, kept in the server's memory (imported by server code only).
 *
 * An attempt holds a student's saved answers, practice checks, the deadline of a timed test and,
 * once submitted, the grades. Its id is a random UUID, in a cookie and in the form, so a reload or
 * a post without cookies finds it again. Bounded: the least recently used attempts go first past
 * `max`, and none outlives `ttlMs`. A restart of the server forgets them (see the report of issue 4).
 *
 * Grades are kept as `Grade`s, the little the pages show: a whole `GradeResult` (parts, reasons,
 * notes) is several kilobytes per test, and thousands of them held for a day made every garbage
 * collection of a busy server copy them again.
 */
import type { GradeResult } from '../grading/types';
import type { Answers } from './form';

/** What the quiz and results pages show of a grade (see `feedbackView`). */
export type Grade = Pick<GradeResult, 'score' | 'verdict' | 'expected' | 'evidence'>;

/**
 * The part of a grade an attempt keeps (the key and evidence are the bank's own, shared).
 * @param r the grader's result
 */
export function keptGrade(r: GradeResult): Grade {
	return { score: r.score, verdict: r.verdict, expected: r.expected, evidence: r.evidence };
}

export interface Attempt {
	id: string;
	/** the quiz: its canonical query and article */
	slug: string;
	query: string;
	/** question ids in quiz order */
	ids: string[];
	startedAt: number;
	/** a timed test's end, ms since the epoch */
	deadline?: number;
	answers: Answers;
	/** practice: the last check of each question */
	checks: Record<string, Grade>;
	submitted?: { at: number; late: boolean; results: Record<string, Grade> };
	touchedAt: number;
}

export class AttemptStore {
	private attempts = new Map<string, Attempt>();

	constructor(
		private max = 20_000,
		private ttlMs = 24 * 60 * 60 * 1000,
		private now: () => number = Date.now,
		private newId: () => string = () => crypto.randomUUID()
	) {}

	/**
	 * Starts an attempt.
	 * @param init the quiz it belongs to, and a deadline for a timed test
	 */
	create(init: Pick<Attempt, 'slug' | 'query' | 'ids' | 'deadline'>): Attempt {
		const t = this.now();
		const a: Attempt = {
			...init,
			id: this.newId(),
			startedAt: t,
			touchedAt: t,
			answers: {},
			checks: {}
		};
		this.attempts.set(a.id, a);
		this.prune();
		return a;
	}

	/**
	 * The attempt with this id, if it is still kept.
	 * @param id an attempt id (anything: it comes from a cookie or a form)
	 */
	get(id: string | null | undefined): Attempt | undefined {
		if (!id) return undefined;
		const a = this.attempts.get(id);
		if (!a) return undefined;
		if (this.now() - a.touchedAt > this.ttlMs) {
			this.attempts.delete(id);
			return undefined;
		}
		// Most recently used last, so pruning drops the coldest.
		a.touchedAt = this.now();
		this.attempts.delete(id);
		this.attempts.set(id, a);
		return a;
	}

	/** How many attempts are kept. */
	get size(): number {
		return this.attempts.size;
	}

	// The map is in order of last use, so the expired and the coldest are at its front.
	private prune() {
		const t = this.now();
		for (const [id, a] of this.attempts) {
			if (this.attempts.size <= this.max && t - a.touchedAt <= this.ttlMs) break;
			this.attempts.delete(id);
		}
	}
}
