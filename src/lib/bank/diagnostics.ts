/**
 * Diagnostics of the bank check: what failed, where (file, line, column) and for which question.
 */
import type { z } from 'zod';
import type { Locate } from './yaml-source';
import type { Strings } from '../i18n';
import type { ItemRule } from './item-check';

/** A message of the check as a key of the string tables' `bankText.check`, for pages. */
export type CheckCode = keyof Strings['bankText']['check'];

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
	/** in English, for the CLI */
	message: string;
	/** the same message for pages, in either language: a key of `bankText.check` and its values */
	code?: CheckCode;
	params?: Record<string, string | number>;
	/** an item-writing warning's rule (`bankText.itemRules` says it in either language) */
	rule?: ItemRule;
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
	const id = d.questionId ? ` [${escapeControls(d.questionId)}]` : '';
	const where = `${escapeControls(d.file)}:${d.line}:${d.column}`;
	return `${where}: ${d.severity}${id} ${escapeControls(d.message)}`;
}

/**
 * What a terminal acts on: C0 and C1 controls, DEL, and the bidi marks, overrides and isolates.
 * Global: for `replace`.
 */
const TERMINAL_CONTROLS =
	// eslint-disable-next-line no-control-regex -- control characters are what it finds
	/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a bank file made safe for a terminal: control characters (escape sequences that clear
 * the screen or retitle the window, carriage returns that overwrite a line, bidi overrides that
 * reorder it) are shown as `\u{…}` rather than acted on.
 * @param text the text to print
 */
export function escapeControls(text: string): string {
	return text.replace(TERMINAL_CONTROLS, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/**
 * JSON for a terminal: `JSON.stringify`, with what it leaves raw and a terminal acts on (DEL, the
 * C1 controls, the bidi marks, overrides and isolates) written as `\uXXXX` escapes. A parser reads
 * the same values back; a terminal shows the escapes.
 * @param value what to write
 * @param space indentation, as for `JSON.stringify`
 */
export function terminalJson(value: unknown, space?: number): string {
	// C0 controls stand only in strings, escaped by JSON.stringify; its newlines are its layout
	return JSON.stringify(value, null, space).replace(
		/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
		(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
	);
}
