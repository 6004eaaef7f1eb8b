/**
 * A small least-recently-used cache. The bank does not change while the server runs, so a quiz
 * generated (or a page rendered) for a normalized spec can be served again as it is.
 */
export class LruCache<V> {
	private map = new Map<string, V>();

	/** @param max how many entries to keep */
	constructor(private max = 500) {}

	/**
	 * The cached value, or the one `make` gives (then cached).
	 * @param key the normalized key
	 * @param make computes the value on a miss
	 */
	get(key: string, make: () => V): V {
		const hit = this.map.get(key);
		if (hit !== undefined) {
			this.map.delete(key);
			this.map.set(key, hit);
			return hit;
		}
		const v = make();
		this.set(key, v);
		return v;
	}

	/** The cached value, if any. */
	peek(key: string): V | undefined {
		return this.map.get(key);
	}

	/** Caches a value, dropping the least recently used past `max`. */
	set(key: string, v: V): void {
		this.map.delete(key);
		this.map.set(key, v);
		if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
	}

	get size(): number {
		return this.map.size;
	}
}
