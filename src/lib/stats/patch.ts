/**
 * Applies bank suggestions to a bank file's text as a maintainer would by hand: the new form goes
 * into the question's list in the list's own style (flow `[a, b]` or block `- a`), a missing list
 * is added after the field it belongs beside, and every other byte of the file (comments, quoting,
 * spacing) stays as it was, so the change reads as a small diff.
 */
import { dump } from 'js-yaml';
import { readYaml, type Span, type YamlSource } from '../bank/yaml-source';
import { foldArabic } from '../text/normalize';
import type { BankSuggestion, SuggestionField } from './suggest';

/** The outcome of applying suggestions to one file. */
export interface AppliedPatch {
	text: string;
	applied: BankSuggestion[];
	/** suggestions left out, with why */
	skipped: { suggestion: BankSuggestion; why: string }[];
}

/** A list that must not hold what the suggestion adds (accepting a form unrejects it). */
const OPPOSITE: Partial<Record<SuggestionField, SuggestionField>> = {
	accept: 'reject',
	reject: 'accept'
};

/** The fields a new list is placed after, nearest first. */
const PLACE_AFTER: Record<SuggestionField, string[]> = {
	accept: ['answer'],
	reject: ['accept', 'answer'],
	examples: ['reject', 'accept', 'answer', 'text', 'correction']
};

/** The entry a suggestion adds to its list. */
function entryOf(s: BankSuggestion): unknown {
	if (s.field !== 'examples') return s.answer;
	return { answer: s.answer, verdict: s.verdict };
}

/** YAML for one list item, flow style (inside `[…]`) or block style (after `- `, indented). */
function render(value: unknown, flow: boolean, indent: string): string {
	if (flow) return dump([value], { flowLevel: 0, lineWidth: -1 }).trim().slice(1, -1);
	return dump([value], { lineWidth: -1 })
		.trimEnd()
		.split('\n')
		.map((line) => indent + line)
		.join('\n');
}

function lineStart(text: string, offset: number): number {
	return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
	const end = text.indexOf('\n', offset);
	return end === -1 ? text.length : end;
}

type BankQuestionData = { id?: unknown; [field: string]: unknown };

/** A bank file read, and where in it the question stands. */
interface Located {
	yaml: YamlSource;
	question: BankQuestionData;
	/** the path of the question: ['questions', index] */
	path: [string, number];
}

function locate(text: string, questionId: string): Located {
	const yaml = readYaml(text);
	if (!yaml.ok) throw new Error(`the file is not valid YAML: ${yaml.reason} (line ${yaml.line})`);
	const questions = (yaml.value as { questions?: unknown } | undefined)?.questions;
	const list = Array.isArray(questions) ? (questions as BankQuestionData[]) : [];
	const index = list.findIndex((q) => q?.id === questionId);
	if (index < 0) throw new Error(`question ${questionId} is not in this file`);
	return { yaml, question: list[index], path: ['questions', index] };
}

/** Adds an item to an existing list, in its style. */
function addToList(text: string, list: Span, value: unknown): string {
	if (list.flow) {
		const close = list.end - 1;
		const item = render(value, true, '');
		return text.slice(0, close) + (list.items.length ? `, ${item}` : item) + text.slice(close);
	}
	const dash = text.lastIndexOf('-', list.items[0].start);
	const indent = ' '.repeat(dash - lineStart(text, dash));
	const at = lineEnd(text, list.items[list.items.length - 1].end - 1);
	return `${text.slice(0, at)}\n${render(value, false, indent)}${text.slice(at)}`;
}

/** Adds a new list field to a question, after the field it belongs beside. */
function addField(text: string, where: Located, field: SuggestionField, value: unknown): string {
	const keys = Object.keys(where.question);
	const anchor = PLACE_AFTER[field].find((key) => key in where.question) ?? keys[keys.length - 1];
	const anchorPath = [...where.path, anchor];
	const keyIndent = ' '.repeat(where.yaml.locate(anchorPath).column - 1);
	const at = lineEnd(text, where.yaml.span(anchorPath)!.end - 1);
	const list = render(value, false, `${keyIndent}  `);
	return `${text.slice(0, at)}\n${keyIndent}${field}:\n${list}${text.slice(at)}`;
}

/** Removes the items of a list of texts that fold to the form (and the list, if emptied). */
function removeFromList(text: string, where: Located, field: SuggestionField, form: string) {
	const values = where.question[field];
	const list = where.yaml.span([...where.path, field]);
	if (!Array.isArray(values) || !list || list.items.length !== values.length) return text;
	const doomed = values.map((v) => typeof v === 'string' && foldArabic(v) === form);
	if (!doomed.includes(true)) return text;
	if (!doomed.includes(false)) {
		// the whole field goes: from its key's line to the end of its value's last line
		const from = lineStart(text, list.start) - (list.flow ? 0 : 1);
		const keyLine = list.flow ? from : lineStart(text, from);
		const to = lineEnd(text, list.end - 1);
		return text.slice(0, keyLine) + text.slice(Math.min(to + 1, text.length));
	}
	if (list.flow) {
		// rewrite the list from the sources of the items that stay
		const kept = list.items.filter((_, i) => !doomed[i]);
		const items = kept.map((i) => text.slice(i.start, i.end)).join(', ');
		return `${text.slice(0, list.start)}[${items}]${text.slice(list.end)}`;
	}
	// last first, so earlier offsets stay true
	for (let i = list.items.length - 1; i >= 0; i--) {
		if (!doomed[i]) continue;
		const item = list.items[i];
		text = text.slice(0, lineStart(text, item.start)) + text.slice(lineEnd(text, item.end - 1) + 1);
	}
	return text;
}

/** Applies one suggestion; throws when the file or question is not as expected. */
function applyOne(text: string, s: BankSuggestion): string {
	let where = locate(text, s.questionId);
	const opposite = OPPOSITE[s.field];
	if (opposite) {
		text = removeFromList(text, where, opposite, foldArabic(s.answer));
		where = locate(text, s.questionId);
	}
	const value = entryOf(s);
	const list = where.yaml.span([...where.path, s.field]);
	if (list && !Array.isArray(where.question[s.field])) {
		throw new Error(`${s.field} of ${s.questionId} is not a list`);
	}
	const edited = list ? addToList(text, list, value) : addField(text, where, s.field, value);
	// prove the edit: the list now ends with the entry, as the bank's reader sees it
	const after = locate(edited, s.questionId).question[s.field];
	const last = Array.isArray(after) ? after[after.length - 1] : undefined;
	if (JSON.stringify(last) !== JSON.stringify(value)) {
		throw new Error(`the edit of ${s.field} did not read back as written`);
	}
	return edited;
}

/**
 * Applies suggestions to one bank file's text. A suggestion whose question is not in the file, or
 * whose list has an unexpected shape, is skipped with the reason; the rest are applied in order.
 * @param text the bank file (YAML)
 * @param suggestions suggestions for questions of this file
 */
export function applySuggestions(
	text: string,
	suggestions: readonly BankSuggestion[]
): AppliedPatch {
	const result: AppliedPatch = { text, applied: [], skipped: [] };
	for (const s of suggestions) {
		try {
			result.text = applyOne(result.text, s);
			result.applied.push(s);
		} catch (e) {
			result.skipped.push({ suggestion: s, why: e instanceof Error ? e.message : String(e) });
		}
	}
	return result;
}
