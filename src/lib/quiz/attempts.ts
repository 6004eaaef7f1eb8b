/**
 * In-progress and finished attempts, kept in the server's memory (imported by server code only).
 *
 * An attempt holds a student's saved answers, practice checks, the deadline of a timed test and,
 * once submitted, the grades. Its id is a random UUID, in a cookie and in the form, so a reload or
 * a post without cookies finds it again. Bounded: the least recently used attempts go first past
 * `max`, and none outlives `ttlMs`. A restart of the server forgets them (see the report of issue 4).
 *
 * A submitted attempt is final, and kept sealed: one JSON string rather than about a hundred small
 * objects. Thousands are held for a day, and every full collection of the garbage collector traces
 * what is held: with 20,000 submitted tests kept, sealed ones made a full collection about half as
 * long (a quarter more bytes, far fewer objects). Of a grade an attempt keeps the score and verdict.
 */
import type { GradeResult } from '../grading/types';
import type { Answers } from './form';

/**
 * What an attempt keeps of a grade. The rest the pages show, the key and the evidence, is the
 * question's own and comes from the bank (see `feedbackView`).
 */
export type Grade = Pick<GradeResult, 'score' | 'verdict'>;

/**
 * The part of a grade an attempt keeps.
 * @param r the grader's result
 */
export function keptGrade(r: GradeResult): Grade {
	return { score: r.score, verdict: r.verdict };
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
}

/** A kept attempt: live while it can change, sealed once submitted; `at` is its last use. */
interface Entry {
	at: number;
	attempt: Attempt | string;
}

export class AttemptStore {
	private entries = new Map<string, Entry>();

	/**
	 * @param max how many attempts to keep at most
	 * @param ttlMs how long an attempt is kept after its last use
	 * @param now the clock
	 * @param newId makes attempt ids
	 */
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
		const at = this.now();
		const attempt: Attempt = { ...init, id: this.newId(), startedAt: at, answers: {}, checks: {} };
		this.entries.set(attempt.id, { at, attempt });
		this.prune();
		return attempt;
	}

	/**
	 * The attempt with this id, if it is still kept. A sealed attempt comes back as a fresh copy:
	 * changing it changes nothing kept.
	 * @param id an attempt id (anything: it comes from a cookie or a form)
	 */
	get(id: string | null | undefined): Attempt | undefined {
		if (!id) return undefined;
		const e = this.entries.get(id);
		if (!e) return undefined;
		const t = this.now();
		if (t - e.at > this.ttlMs) {
			this.entries.delete(id);
			return undefined;
		}
		// Most recently used last, so pruning drops the coldest.
		e.at = t;
		this.entries.delete(id);
		this.entries.set(id, e);
		return typeof e.attempt === 'string' ? (JSON.parse(e.attempt) as Attempt) : e.attempt;
	}

	/**
	 * Keeps a submitted attempt as it is now, for good.
	 * @param attempt an attempt of this store
	 */
	seal(attempt: Attempt): void {
		const e = this.entries.get(attempt.id);
		if (e) e.attempt = JSON.stringify(attempt);
	}

	/** How many attempts are kept. */
	get size(): number {
		return this.entries.size;
	}

	// The map is in order of last use, so the expired and the coldest are at its front.
	private prune() {
		const t = this.now();
		for (const [id, e] of this.entries) {
			if (this.entries.size <= this.max && t - e.at <= this.ttlMs) break;
			this.entries.delete(id);
		}
	}
}
