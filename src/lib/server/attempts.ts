/**
 * Where attempts are kept. The quiz route reaches them only through `AttemptStore`, whose methods
 * are asynchronous and pass plain data in and out (no object is shared with the store), so a store
 * on a database can take the place of the one in memory without the route changing.
 *
 * `MemoryAttempts` keeps them in the server's memory: bounded (the least recently used go first
 * past `max`, and none outlives `ttlMs`), and forgotten when the server restarts.
 */
import type { Attempt, NewAttempt } from '../quiz/attempts';

export interface AttemptStore {
	/** Starts an attempt and gives it back with its new id. */
	create(init: NewAttempt): Promise<Attempt>;
	/** The attempt with this id, if it is kept (anything may be asked: ids come from cookies). */
	get(id: string | null | undefined): Promise<Attempt | undefined>;
	/** Keeps an attempt as it is now (answers, checks, submission). */
	put(attempt: Attempt): Promise<void>;
}

/** Attempts in the server's memory; what goes in and comes out is a copy. */
export class MemoryAttempts implements AttemptStore {
	private entries = new Map<string, { at: number; attempt: Attempt }>();

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

	async create(init: NewAttempt): Promise<Attempt> {
		const attempt: Attempt = {
			...init,
			id: this.newId(),
			startedAt: this.now(),
			answers: {},
			checks: {}
		};
		this.keep(attempt);
		this.prune();
		return structuredClone(attempt);
	}

	async get(id: string | null | undefined): Promise<Attempt | undefined> {
		const entry = id ? this.entries.get(id) : undefined;
		if (!id || !entry) return undefined;
		if (this.now() - entry.at > this.ttlMs) {
			this.entries.delete(id);
			return undefined;
		}
		this.keep(entry.attempt);
		return structuredClone(entry.attempt);
	}

	async put(attempt: Attempt): Promise<void> {
		this.keep(structuredClone(attempt));
	}

	/** How many attempts are kept. */
	get size(): number {
		return this.entries.size;
	}

	/** Most recently used last, so pruning drops the coldest first. */
	private keep(attempt: Attempt) {
		this.entries.delete(attempt.id);
		this.entries.set(attempt.id, { at: this.now(), attempt });
	}

	private prune() {
		const t = this.now();
		for (const [id, e] of this.entries) {
			if (this.entries.size <= this.max && t - e.at <= this.ttlMs) break;
			this.entries.delete(id);
		}
	}
}

/** The server's attempts. */
export const attempts: AttemptStore = new MemoryAttempts();
