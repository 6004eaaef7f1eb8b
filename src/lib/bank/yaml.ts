/**
 * Reads a bank file's YAML.
 *
 * js-yaml is the reader of record. Bank files, though, use a small, regular part of YAML: block
 * mappings and sequences, one scalar per line (plain, 'single' or "double" quoted), and flow lists
 * and maps written on one line (`tags: [a, b]`, `answer: { value: 35, unit: km }`), with comments. For
 * that part a line-by-line reader is many times faster than a general YAML parser, which matters
 * when a bank of thousands of questions is checked on every save. Anything beyond it (block
 * scalars, multi-line scalars or flow collections, anchors, tags, tabs, CRLF, odd escapes,
 * duplicate keys, any syntax error) makes the fast reader give up, and js-yaml reads the whole file
 * instead, so results and error messages are js-yaml's. Tests prove the two agree.
 */
import { CORE_SCHEMA, load, NOT_RESOLVED, type ScalarTagDefinition } from 'js-yaml';

/** The fast reader gives up on this file: js-yaml must read it. */
export const UNSUPPORTED: unique symbol = Symbol('unsupported YAML');

/**
 * Parses a YAML document as js-yaml's `load` does (CORE schema), by the fast reader when the text
 * stays within its part of YAML.
 * @param text the file's text
 * @throws YAMLException from js-yaml for invalid YAML
 */
export function loadYaml(text: string): unknown {
	const fast = loadSimpleYaml(text);
	return fast === UNSUPPORTED ? load(text) : fast;
}

/**
 * Tabs, carriage returns, control and non-characters, lone or paired surrogates, BOMs and Unicode
 * line separators: YAML gives these rules of their own (YAML 1.2 §5.1–5.4), so the fast reader
 * leaves such files to js-yaml.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const OUTSIDE = /[\x00-\x09\x0B-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;

/** The implicit scalar types of YAML 1.2's core schema (null, bool, int, float), in order. */
const IMPLICIT = CORE_SCHEMA.tags.filter(
	(t): t is ScalarTagDefinition => t.nodeKind === 'scalar' && t.implicit
);
/** By code: ASCII characters a typed (non-string) plain scalar may begin with. */
const MAYBE_TYPED = new Uint8Array(128);
for (const ch of IMPLICIT.flatMap((t) => t.implicitFirstChars ?? [])) {
	if (ch !== '') MAYBE_TYPED[ch.charCodeAt(0)] = 1;
}

/** Thrown inside the reader to give up; never escapes `loadSimpleYaml`. */
const GIVE_UP = new Error('unsupported YAML');

/** A plain scalar's value: null, a boolean or a number when the core schema says so. */
function plain(source: string): unknown {
	const c = source.charCodeAt(0);
	// (c < 128 is false for NaN, the empty string's code: it may be null)
	if (source !== '' && !(c < 128 && MAYBE_TYPED[c])) return source;
	for (const tag of IMPLICIT) {
		if (tag.implicitFirstChars && !tag.implicitFirstChars.includes(source.charAt(0))) continue;
		const value = tag.resolve(source, false, tag.tagName);
		if (value !== NOT_RESOLVED) return value;
	}
	return source;
}

/** Mapping keys are identifiers whose plain value is the same string ("true" is not one). */
const isKeyStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isDigitOrDash = (c: number) => (c >= 48 && c <= 57) || c === 45;
/**
 * The key as a property name, or undefined when it is not text. A file repeats a few keys
 * thousands of times: each is tested once ("type" or "text" would otherwise go through every
 * implicit type's test, since t, f and n can begin true, false and null), and the same
 * internalized string is given back each time, so storing the property needs no lookup of a new
 * string in the engine's table of names.
 */
function textKey(key: string): string | undefined {
	let name = KEYS_SEEN.get(key);
	if (name === undefined) {
		name = key !== '__proto__' && plain(key) === key ? Object.keys({ [key]: 0 })[0] : null;
		if (KEYS_SEEN.size < 1000) KEYS_SEEN.set(key, name);
	}
	return name ?? undefined;
}
const KEYS_SEEN = new Map<string, string | null>();

/** By code: what cannot begin a plain scalar here (YAML 1.2 §7.3.3 indicators, and more). */
const NOT_PLAIN_FIRST = new Uint8Array(128);
for (const ch of '-?:,[]{}#&*!|>\'"%@`') NOT_PLAIN_FIRST[ch.charCodeAt(0)] = 1;
const notPlainFirst = (c: number) => c < 128 && NOT_PLAIN_FIRST[c] === 1;

/** Flow indicators and the space: what ends a flow scalar, or must follow ":" or "-" as one. */
const isFlowStop = (c: number) => c === 32 || c === 44 || c === 93 || c === 125;

/** The double-quoted escapes the fast reader knows (YAML 1.2 §5.7); others go to js-yaml. */
const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t' };

const SPACE = 32;
const HASH = 35;

/**
 * Reads the text in place, line by line, without splitting it: `at` is the start of the current
 * content line, `eol` its end and `indent` its indentation. Values are sliced from the text.
 */
class Reader {
	at = 0;
	eol = -1;
	indent = 0;
	/** the current line's index (0-based) */
	line = -1;
	constructor(readonly s: string) {
		this.advance();
	}

	get done(): boolean {
		return this.at >= this.s.length;
	}

	/** Moves to the next line with content (blank lines and comment lines are skipped). */
	advance(): void {
		const s = this.s;
		let start = this.eol + 1;
		while (start < s.length) {
			this.line++;
			let end = s.indexOf('\n', start);
			if (end < 0) end = s.length;
			let k = start;
			while (s.charCodeAt(k) === SPACE) k++;
			if (k < end && s.charCodeAt(k) !== HASH) {
				if (k === start && /^(?:---|\.\.\.)(?: |\n|$)|^%/.test(s.slice(start, start + 4))) {
					throw GIVE_UP; // document markers and directives
				}
				this.at = start;
				this.eol = end;
				this.indent = k - start;
				return;
			}
			start = end + 1;
		}
		this.at = this.eol = s.length;
	}

	/** Index just past `key:` at `at` (the colon followed by a space or the line's end), or -1. */
	keyEnd(at: number): number {
		const s = this.s;
		if (!isKeyStart(s.charCodeAt(at))) return -1;
		let colon = at + 1;
		while (isKeyStart(s.charCodeAt(colon)) || isDigitOrDash(s.charCodeAt(colon))) colon++;
		if (colon >= this.eol || this.s.charCodeAt(colon) !== 58) return -1;
		if (colon + 1 < this.eol && this.s.charCodeAt(colon + 1) !== SPACE) return -1;
		return colon + 1;
	}

	isDash(at: number): boolean {
		return (
			this.s.charCodeAt(at) === 45 && (at + 1 === this.eol || this.s.charCodeAt(at + 1) === SPACE)
		);
	}

	skipSpaces(at: number): number {
		while (this.s.charCodeAt(at) === SPACE) at++;
		return at;
	}

	/** Only spaces and perhaps a comment (after a space) from `at` to the end of the line. */
	restIsEmpty(at: number): boolean {
		const k = this.skipSpaces(at);
		return k >= this.eol || (this.s.charCodeAt(k) === HASH && k > at);
	}

	/** A quoted scalar starting at `at`, and the index after its closing quote. */
	quoted(at: number): [string, number] {
		const s = this.s;
		const q = s.charCodeAt(at);
		let out = '';
		let start = at + 1;
		for (let k = start; k < this.eol; k++) {
			const c = s.charCodeAt(k);
			if (q === 39 && c === 39) {
				// 'single': '' is a quote, a lone ' ends it
				out += s.slice(start, k);
				if (s.charCodeAt(k + 1) === 39) {
					out += "'";
					start = ++k + 1;
					continue;
				}
				return [out, k + 1];
			}
			if (q === 34 && c === 34) return [out + s.slice(start, k), k + 1];
			if (q === 34 && c === 92) {
				out += s.slice(start, k);
				const e = s[k + 1];
				if (e === 'u') {
					const hex = s.slice(k + 2, k + 6);
					if (!/^[0-9A-Fa-f]{4}$/.test(hex)) throw GIVE_UP;
					const code = parseInt(hex, 16);
					if (code >= 0xd800 && code <= 0xdfff) throw GIVE_UP;
					out += String.fromCharCode(code);
					k += 5;
				} else {
					const x = ESCAPES[e];
					if (x === undefined) throw GIVE_UP;
					out += x;
					k += 1;
				}
				start = k + 1;
			}
		}
		throw GIVE_UP; // not closed on this line
	}

	/** A node inside a one-line flow collection, and the index after it. */
	flowNode(at: number): [unknown, number] {
		const s = this.s;
		const c = s.charCodeAt(at);
		if (c === 34 || c === 39) return this.quoted(at);
		if (c === 91 || c === 123) return this.flow(at);
		if (at >= this.eol || notPlainFirst(c)) {
			const dashScalar = c === 45 && at + 1 < this.eol && !isFlowStop(s.charCodeAt(at + 1));
			if (!dashScalar) throw GIVE_UP;
		}
		let k = at;
		let last = at - 1;
		for (; k < this.eol; k++) {
			const ch = s.charCodeAt(k);
			if (ch === SPACE) continue;
			if (ch === 44 || ch === 93 || ch === 125) break; // , ] }
			if (ch === 91 || ch === 123) throw GIVE_UP; // [ { : YAML allows them inside; js-yaml decides
			if (ch === HASH && s.charCodeAt(k - 1) === SPACE) throw GIVE_UP;
			if (ch === 58 && (k + 1 === this.eol || isFlowStop(s.charCodeAt(k + 1)))) throw GIVE_UP;
			last = k;
		}
		// trailing spaces are not part of a plain scalar; other white space (U+00A0) is (§7.3.3)
		if (last < at) throw GIVE_UP;
		return [plain(s.slice(at, last + 1)), k];
	}

	/** A one-line flow sequence `[a, b]` or mapping `{ k: v }` at `at`, and the index after it. */
	flow(at: number): [unknown, number] {
		const s = this.s;
		const isMap = s[at] === '{';
		const close = isMap ? '}' : ']';
		const list: unknown[] = [];
		const map: Record<string, unknown> = {};
		let k = this.skipSpaces(at + 1);
		if (s[k] === close) return [isMap ? map : list, k + 1];
		for (;;) {
			if (isMap) {
				const end = this.keyEnd(k);
				if (end < 0 || end >= this.eol) throw GIVE_UP;
				const key = textKey(s.slice(k, end - 1));
				if (key === undefined || Object.hasOwn(map, key)) throw GIVE_UP;
				const [value, after] = this.flowNode(this.skipSpaces(end));
				map[key] = value;
				k = after;
			} else {
				const [value, after] = this.flowNode(k);
				list.push(value);
				k = after;
			}
			k = this.skipSpaces(k);
			if (k >= this.eol) throw GIVE_UP; // not closed on this line
			if (s[k] === close) return [isMap ? map : list, k + 1];
			if (s[k] !== ',') throw GIVE_UP;
			k = this.skipSpaces(k + 1);
			if (s[k] === close || s[k] === ',') throw GIVE_UP; // trailing or empty entry
		}
	}

	/** The value written on the current line from `at` (which is not a space) to its end. */
	inline(at: number): unknown {
		const s = this.s;
		const c = s.charCodeAt(at);
		if (c === 34 || c === 39 || c === 91 || c === 123) {
			const [value, after] = c === 91 || c === 123 ? this.flow(at) : this.quoted(at);
			if (!this.restIsEmpty(after)) throw GIVE_UP;
			return value;
		}
		// "-x" is a plain scalar; "-" before a space or the line's end is a sequence entry
		const dashScalar = c === 45 && at + 1 < this.eol && s.charCodeAt(at + 1) !== SPACE;
		if (notPlainFirst(c) && !dashScalar) throw GIVE_UP;
		// one pass: up to a comment, without trailing spaces, and no ": " (a mapping js-yaml refuses)
		let last = at;
		for (let k = at; k < this.eol; k++) {
			const ch = s.charCodeAt(k);
			if (ch === SPACE) continue;
			if (ch === HASH && s.charCodeAt(k - 1) === SPACE) break;
			if (ch === 58 && (k + 1 === this.eol || s.charCodeAt(k + 1) === SPACE)) throw GIVE_UP;
			last = k;
		}
		return plain(s.slice(at, last + 1));
	}

	/**
	 * The block node at the current line (indented deeper than its parent).
	 * @param record whether a sequence here keeps the lines of its items
	 */
	node(record = false): unknown {
		const at = this.at + this.indent;
		if (this.isDash(at)) return this.sequence(this.indent, record);
		if (this.keyEnd(at) > 0) return this.mapping(this.indent);
		throw GIVE_UP; // a scalar on a line of its own
	}

	sequence(indent: number, record = false): unknown[] {
		const out: unknown[] = [];
		const items: SequenceItems | undefined = record ? { lines: [], starts: [] } : undefined;
		while (!this.done && this.indent === indent && this.isDash(this.at + indent)) {
			items?.lines.push(this.line + 1);
			items?.starts.push(this.at);
			const dash = this.at + indent;
			const at = this.skipSpaces(dash + 1);
			if (this.restIsEmpty(dash + 1)) {
				this.advance();
				out.push(!this.done && this.indent > indent ? this.node() : null);
			} else if (this.isDash(at)) {
				throw GIVE_UP; // "- - x"
			} else if (this.keyEnd(at) > 0) {
				// "- key: value" opens a mapping whose keys stand at the column of "key"
				this.indent = at - this.at;
				out.push(this.mapping(this.indent));
			} else {
				out.push(this.inline(at));
				this.advance();
			}
			if (!this.done && this.indent > indent) throw GIVE_UP;
		}
		if (items) SEQUENCE_ITEMS.set(out, items);
		return out;
	}

	mapping(indent: number): Record<string, unknown> {
		const out: Record<string, unknown> = {};
		while (!this.done && this.indent === indent) {
			const start = this.at + indent;
			const end = this.keyEnd(start);
			if (end < 0) throw GIVE_UP;
			const key = textKey(this.s.slice(start, end - 1));
			if (key === undefined || Object.hasOwn(out, key)) throw GIVE_UP;
			if (this.restIsEmpty(end)) {
				this.advance();
				// the lists of the top-level mapping (a bank's `questions:`) keep their items' lines
				const record = indent === 0;
				if (!this.done && this.indent > indent) out[key] = this.node(record);
				else if (!this.done && this.indent === indent && this.isDash(this.at + indent)) {
					out[key] = this.sequence(indent, record); // a sequence may stand level with its key
				} else out[key] = null;
			} else {
				out[key] = this.inline(this.skipSpaces(end));
				this.advance();
			}
			if (!this.done && this.indent > indent) throw GIVE_UP;
		}
		return out;
	}
}

/** Where the items of a block sequence start. */
export interface SequenceItems {
	/** the line (1-based) of each item's "-" */
	lines: number[];
	/** the offset in the text of the start of that line */
	starts: number[];
}

/** Where the items of the top-level block sequences the fast reader read start. */
const SEQUENCE_ITEMS = new WeakMap<unknown[], SequenceItems>();

/**
 * Where each item of a block sequence that is the value of a top-level key starts, when the fast
 * reader read it: a bank knows where each question stands without parsing the file again.
 * Undefined for any other value.
 * @param list a value `loadYaml` returned, such as `bank.questions`
 */
export function sequenceItems(list: unknown): SequenceItems | undefined {
	return Array.isArray(list) ? SEQUENCE_ITEMS.get(list) : undefined;
}

/**
 * js-yaml's reading of `text` when it stays within the bank files' part of YAML, else
 * `UNSUPPORTED`. Exported for the tests that prove it agrees with js-yaml.
 * @param text a YAML document
 */
export function loadSimpleYaml(text: string): unknown {
	if (OUTSIDE.test(text)) return UNSUPPORTED;
	try {
		const reader = new Reader(text);
		if (reader.done || reader.indent !== 0) return UNSUPPORTED;
		const value = reader.node();
		return reader.done ? value : UNSUPPORTED;
	} catch (e) {
		if (e === GIVE_UP) return UNSUPPORTED;
		throw e;
	}
}
