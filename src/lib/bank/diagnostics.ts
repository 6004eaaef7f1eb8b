/**
 * Diagnostics of the bank check: what failed, where (file, line, column) and for which question.
 */
import type { z } from 'zod';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { SequenceItems } from './yaml';

/** A file given to the check: its path as shown to people, and its text. */
export interface SourceFile {
	path: string;
	text: string;
}

export interface Diagnostic {
	severity: 'error' | 'warning';
	/**
	 * `input`: the file cannot be used as it is (exit 2); `grounding`: the text does not prove it
	 * (exit 1); `examples`: an example answer is graded otherwise than it says (exit 1); `item`: the
	 * item-writing check (warnings)
	 */
	kind: 'input' | 'grounding' | 'examples' | 'item';
	file: string;
	line: number;
	column: number;
	questionId?: string;
	message: string;
}

type Position = { line: number; column: number };
export type Locate = (path: PropertyKey[]) => Position;

/**
 * A function that finds the line and column of a path (["questions", 3, "answer"]) in a YAML file.
 * The fast path parses with js-yaml, which keeps no positions; this parses the file again, with
 * positions, only for files that have something to report.
 * @param text the YAML text
 * @param questions where the items of its `questions:` list start, when the reader noted it
 */
export function yamlLocator(text: string, questions?: SequenceItems): Locate {
	let doc: ReturnType<typeof parseDocument> | undefined;
	let counter: LineCounter | undefined;
	// null: looked for, and the file has no block-style `questions:` list
	let items: SequenceItems | null | undefined = questions;
	return (path) => {
		// Fast path for the common case, a field of one question in a block-style list: scan that
		// question's lines only.
		const i = path[1];
		if (path[0] === 'questions' && typeof i === 'number') {
			if (items === undefined) items = questionItems(text) ?? null;
			if (items && i < items.lines.length) {
				const own = text.slice(items.starts[i], items.starts[i + 1] ?? text.length);
				const quick = quickLocate(own.split('\n'), path.slice(2));
				if (quick) return { line: quick.line + items.lines[i] - 1, column: quick.column };
			}
		}
		if (!doc) {
			counter = new LineCounter();
			doc = parseDocument(text, { lineCounter: counter, keepSourceTokens: false });
		}
		let node: unknown = doc.contents;
		let best: Node | undefined = doc.contents ?? undefined;
		for (const key of path) {
			if (isMap(node)) {
				const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
				if (!pair) break;
				node = pair.value ?? pair.key;
				best = (pair.value ?? pair.key) as Node;
			} else if (isSeq(node) && typeof key === 'number') {
				node = node.items[key];
				if (!node) break;
				best = node as Node;
			} else break;
		}
		const offset = best?.range?.[0] ?? 0;
		const pos = counter!.linePos(offset);
		return { line: pos.line, column: pos.col };
	};
}

/**
 * Where each item of the `questions:` list starts, found by its `- ` at the list's indentation:
 * far cheaper than a parse that keeps positions (for files the YAML reader left to js-yaml, which
 * notes none). Undefined when the file is not in that block style.
 */
function questionItems(text: string): SequenceItems | undefined {
	const lines = text.split('\n');
	const start = lines.findIndex((l) => /^questions:\s*(#.*)?$/.test(l));
	if (start < 0) return undefined;
	let indent: number | undefined;
	const out: SequenceItems = { lines: [], starts: [] };
	let offset = 0;
	for (let i = 0; i < lines.length; offset += lines[i++].length + 1) {
		if (i <= start) continue;
		// "- " or a lone "-" after the indentation (a scan, not a regular expression: big banks)
		const line = lines[i];
		let k = 0;
		while (line.charCodeAt(k) === 32) k++;
		if (line.charCodeAt(k) !== 45 || !(k + 1 === line.length || line.charCodeAt(k + 1) === 32)) {
			continue;
		}
		indent ??= k;
		if (k === indent) {
			out.lines.push(i + 1);
			out.starts.push(offset);
		}
	}
	return out;
}

/**
 * Line and column of a path inside one question, by indentation alone, counted from the question's
 * first line (its "-"); undefined when the lines do not have the expected shape (then the caller
 * parses the file with positions).
 * @param lines the question's lines
 * @param rest the path inside the question
 */
function quickLocate(lines: string[], rest: PropertyKey[]): Position | undefined {
	const last = lines.length;
	let line = 1;
	let column = lines[0].indexOf('-') + 3;
	let from = 1;
	for (const key of rest) {
		if (typeof key === 'number') {
			// the key's value as a block list: the nth "- " below it
			let seen = -1;
			let found = false;
			for (let i = from + 1; i <= last; i++) {
				const m = /^( *)- /.exec(lines[i - 1]);
				if (m && ++seen === key) {
					line = i;
					column = m[1].length + 3;
					from = i;
					found = true;
					break;
				}
			}
			if (!found) return seen < 0 ? { line, column } : undefined;
			continue;
		}
		const re = new RegExp(`^( *)(?:- )?${String(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`);
		let found = false;
		for (let i = from; i <= last; i++) {
			const m = re.exec(lines[i - 1]);
			if (m) {
				line = i;
				column = lines[i - 1].indexOf(String(key)) + 1;
				from = i;
				found = true;
				break;
			}
		}
		if (!found) return { line, column };
	}
	return { line, column };
}

/**
 * Turns zod issues into diagnostics with file, line and column.
 * @param error the zod error
 * @param file the file checked
 * @param locate finds the position of a path
 * @param prefix path of the checked value inside the file
 * @param questionId the question concerned, when known
 * @param input the value that was checked, to tell a missing field from a wrong one
 */
export function zodDiagnostics(
	error: z.ZodError,
	file: SourceFile,
	locate: Locate,
	prefix: PropertyKey[] = [],
	questionId?: string,
	input?: unknown
): Diagnostic[] {
	return error.issues.map((issue) => {
		const path = issue.path;
		const field = path.map(String).join('.');
		const missing = input !== undefined && valueAt(input, path) === undefined && path.length > 0;
		let message = issue.message;
		if (missing) {
			// a refinement says why the field is needed; zod's own type message says nothing more
			message = `${field} is missing` + (issue.code === 'custom' ? ` (${issue.message})` : '');
		} else if (issue.code === 'unrecognized_keys') {
			message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
		} else if (field && !message.startsWith(field)) message = `${field}: ${message}`;
		if (missing && field === 'answer') message += ' (a question needs its correct answer)';
		return {
			severity: 'error',
			kind: 'input',
			file: file.path,
			...locate([...prefix, ...path]),
			...(questionId ? { questionId } : {}),
			message
		};
	});
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
	let v = value;
	for (const k of path) {
		if (v === null || typeof v !== 'object') return undefined;
		v = (v as Record<PropertyKey, unknown>)[k];
	}
	return v;
}

/**
 * One line for a person: `file:line:column: error [id] message`.
 * @param d the diagnostic
 */
export function formatDiagnostic(d: Diagnostic): string {
	const id = d.questionId ? ` [${d.questionId}]` : '';
	return `${d.file}:${d.line}:${d.column}: ${d.severity}${id} ${d.message}`;
}
