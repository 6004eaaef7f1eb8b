/**
 * Reads the YAML of the bank (question files and article front matter) with js-yaml, the
 * project's one YAML library. js-yaml parses a text into a flat list of events that carry their
 * offsets in the text, then builds values from them (`load` does just that). The events are kept,
 * so a diagnostic is placed at its line and column without reading the file again.
 */
import {
	COLLECTION_STYLE,
	constructFromEvents,
	EVENT_ID,
	getScalarValue,
	parseEvents,
	SCALAR_STYLE,
	YAMLException,
	type Event
} from 'js-yaml';

/**
 * Deepest nesting of lists and maps a bank file may have: a question needs six levels (file,
 * questions, question, pairs, pair, side); anything near this limit is a mistake or an attack.
 */
export const MAX_YAML_DEPTH = 32;

/** A line and column, both 1-based, as editors count them. */
export interface Position {
	line: number;
	column: number;
}

/**
 * Finds the position of a path (["questions", 3, "answer"]): a field's key, a list's item, or the
 * nearest of its parents that exists.
 */
export type Locate = (path: PropertyKey[]) => Position;

/** A YAML text read: its value, and where its nodes stand. */
export interface YamlSource {
	ok: true;
	/** the document's value; undefined for an empty text */
	value: unknown;
	locate: Locate;
	/** where each item of the list at `path` starts (none when there is no list there) */
	itemPositions: (path: PropertyKey[]) => Position[];
	/** the text the node at `path` covers, for edits that keep the rest of the file as it is */
	span: (path: PropertyKey[]) => Span | undefined;
}

/** Offsets of a node in the text (end exclusive), and for a list or map its style and items. */
export interface Span {
	start: number;
	end: number;
	/** a flow collection (`[a, b]`, `{a: 1}`) rather than a block one */
	flow: boolean;
	/** a list's items (a map's values), in order */
	items: Span[];
}

/** A YAML text that cannot be read, and why. */
export interface YamlError extends Position {
	ok: false;
	reason: string;
}

/**
 * Reads one YAML document.
 * @param text the YAML text
 * @param firstLine the line of the file the text starts on (front matter starts on line 2)
 */
export function readYaml(text: string, firstLine = 1): YamlSource | YamlError {
	let events: Event[];
	let documents: unknown[];
	try {
		events = parseEvents(text, { maxDepth: MAX_YAML_DEPTH });
		documents = constructFromEvents(events, { source: text });
	} catch (e) {
		// js-yaml asks its callers to catch every exception; its own carry a position
		const mark = e instanceof YAMLException ? e.mark : undefined;
		return {
			ok: false,
			reason: e instanceof YAMLException ? e.reason : String(e),
			line: (mark?.line ?? 0) + firstLine,
			column: (mark?.column ?? 0) + 1
		};
	}
	const positions = new Positions(text, events, firstLine);
	if (documents.length > 1) {
		const second = events.findIndex((e, i) => i > 0 && e.type === EVENT_ID.DOCUMENT);
		return {
			ok: false,
			reason: 'one document per file (a second starts here)',
			...positions.at(Math.max(0, positions.offsetOf(second + 1)))
		};
	}
	return {
		ok: true,
		value: documents[0],
		locate: (path) => positions.locate(path),
		itemPositions: (path) => positions.items(path),
		span: (path) => {
			const { node } = positions.find(path);
			return node === undefined ? undefined : positions.span(node);
		}
	};
}

/** Positions of nodes, found by walking js-yaml's events; worked out on first use. */
class Positions {
	/** for each event that opens a node, the index of the event after the node */
	#ends: Int32Array | undefined;
	/** offset of the start of each line */
	#lineStarts: number[] | undefined;

	constructor(
		readonly text: string,
		readonly events: Event[],
		readonly firstLine: number
	) {}

	get ends(): Int32Array {
		if (this.#ends) return this.#ends;
		const ends = new Int32Array(this.events.length + 1);
		const open: number[] = [];
		this.events.forEach((e, i) => {
			if (e.type === EVENT_ID.POP) ends[open.pop()!] = i + 1;
			else if (e.type === EVENT_ID.SCALAR || e.type === EVENT_ID.ALIAS) ends[i] = i + 1;
			else open.push(i);
		});
		return (this.#ends = ends);
	}

	/** The text's offset where the node opened by event `i` starts, or -1. */
	offsetOf(i: number): number {
		const e = this.events[i];
		if (!e) return -1;
		switch (e.type) {
			case EVENT_ID.SEQUENCE:
			case EVENT_ID.MAPPING:
				return e.start;
			case EVENT_ID.SCALAR:
				// a quoted scalar starts at its quote
				return e.style === SCALAR_STYLE.SINGLE_QUOTED || e.style === SCALAR_STYLE.DOUBLE_QUOTED
					? e.valueStart - 1
					: e.valueStart;
			case EVENT_ID.ALIAS:
				return e.anchorStart;
			default:
				return -1;
		}
	}

	at(offset: number): Position {
		this.#lineStarts ??= [0, ...[...this.text.matchAll(/\n/g)].map((m) => m.index + 1)];
		const starts = this.#lineStarts;
		let low = 0;
		let high = starts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (starts[mid] <= offset) low = mid;
			else high = mid - 1;
		}
		return { line: low + this.firstLine, column: offset - starts[low] + 1 };
	}

	/** Index of the event that opens the node at `path`, and the nearest one that has a place. */
	find(path: PropertyKey[]): { node: number | undefined; placed: number } {
		const { events, ends } = this;
		// events[0] opens the document; events[1], its contents
		let node = 1;
		let placed = 1;
		for (const key of path) {
			const e = events[node];
			let next = -1;
			if (e?.type === EVENT_ID.MAPPING) {
				for (let k = node + 1; events[k].type !== EVENT_ID.POP; k = ends[ends[k]]) {
					const candidate = events[k];
					const isKey = candidate.type === EVENT_ID.SCALAR;
					if (isKey && getScalarValue(this.text, candidate) === String(key)) {
						// a field is placed at its key (a list's item, at the item)
						placed = k;
						next = ends[k];
						break;
					}
				}
			} else if (e?.type === EVENT_ID.SEQUENCE && typeof key === 'number') {
				let k = node + 1;
				for (let n = 0; n < key && events[k].type !== EVENT_ID.POP; n++) k = ends[k];
				if (events[k].type !== EVENT_ID.POP) next = placed = k;
			}
			if (next < 0) return { node: undefined, placed };
			node = next;
		}
		return { node, placed };
	}

	locate(path: PropertyKey[]): Position {
		return this.at(Math.max(0, this.offsetOf(this.find(path).placed)));
	}

	/** Where the node opened by event `i` stands: from its start to the end of its last character. */
	span(i: number): Span {
		const e = this.events[i];
		const start = this.offsetOf(i);
		if (e.type === EVENT_ID.SCALAR) {
			const quoted =
				e.style === SCALAR_STYLE.SINGLE_QUOTED || e.style === SCALAR_STYLE.DOUBLE_QUOTED;
			return { start, end: e.valueEnd + (quoted ? 1 : 0), flow: false, items: [] };
		}
		if (e.type !== EVENT_ID.SEQUENCE && e.type !== EVENT_ID.MAPPING) {
			return { start, end: Math.max(start, 0), flow: false, items: [] };
		}
		const items: Span[] = [];
		const isMap = e.type === EVENT_ID.MAPPING;
		let last = start;
		for (let k = i + 1, n = 0; this.events[k].type !== EVENT_ID.POP; k = this.ends[k], n++) {
			const child = this.span(k);
			// a map's events alternate key and value: its items are the values
			if (!isMap || n % 2 === 1) items.push(child);
			last = child.end;
		}
		const flow = e.style === COLLECTION_STYLE.FLOW;
		// a flow collection ends after its closing bracket, the first after its last item
		const end = flow ? this.text.indexOf(isMap ? '}' : ']', last) + 1 : last;
		return { start, end, flow, items };
	}

	items(path: PropertyKey[]): Position[] {
		const { node } = this.find(path);
		if (node === undefined || this.events[node].type !== EVENT_ID.SEQUENCE) return [];
		const out: Position[] = [];
		for (let k = node + 1; this.events[k].type !== EVENT_ID.POP; k = this.ends[k]) {
			out.push(this.at(Math.max(0, this.offsetOf(k))));
		}
		return out;
	}
}
