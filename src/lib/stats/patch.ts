/**
 * Applies bank suggestions to a bank file's text as a maintainer would by hand: the new form goes
 * into the question's list in the list's own style (flow `[a, b]` or block `- a`), a missing list
 * is added after the field it belongs beside, and every other byte of the file (comments, quoting,
 * spacing) stays as it was, so the change reads as a small diff.
 */
import { dump } from 'js-yaml';
import { isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml';
import { loadYaml } from '../bank/yaml';
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

function column(text: string, offset: number): number {
	return offset - lineStart(text, offset);
}

/** The question's mapping in a parsed bank file. */
function questionNode(text: string, questionId: string): YAMLMap | undefined {
	const doc = parseDocument(text);
	if (doc.errors.length) throw new Error(`the file is not valid YAML: ${doc.errors[0].message}`);
	const questions = doc.get('questions');
	if (!isSeq(questions)) return undefined;
	return questions.items.find((q): q is YAMLMap => isMap(q) && String(q.get('id')) === questionId);
}

function pairOf(question: YAMLMap, key: string) {
	return question.items.find((p) => isScalar(p.key) && p.key.value === key);
}

/** Adds an item to an existing list, in its style. */
function addToList(text: string, list: Node, value: unknown): string {
	if (!isSeq(list) || !list.range) throw new Error('the field is not a list');
	if (list.flow) {
		const close = text.lastIndexOf(']', list.range[1]);
		const item = render(value, true, '');
		return text.slice(0, close) + (list.items.length ? `, ${item}` : item) + text.slice(close);
	}
	const first = list.items[0] as Node;
	const last = list.items[list.items.length - 1] as Node;
	const indent = ' '.repeat(column(text, text.lastIndexOf('-', first.range![0])));
	const at = lineEnd(text, last.range![1] - 1);
	return `${text.slice(0, at)}\n${render(value, false, indent)}${text.slice(at)}`;
}

/** Adds a new list field to a question, after the field it belongs beside. */
function addField(text: string, question: YAMLMap, field: SuggestionField, value: unknown): string {
	const anchor =
		PLACE_AFTER[field].map((key) => pairOf(question, key)).find((p) => p !== undefined) ??
		question.items[question.items.length - 1];
	const keyIndent = ' '.repeat(column(text, (anchor.key as Node).range![0]));
	const valueEnd = (anchor.value as Node | null)?.range?.[1] ?? (anchor.key as Node).range![1];
	const at = lineEnd(text, valueEnd - 1);
	const list = render(value, false, `${keyIndent}  `);
	return `${text.slice(0, at)}\n${keyIndent}${field}:\n${list}${text.slice(at)}`;
}

/** Removes the items of a list of texts that fold to the form (and the list, if emptied). */
function removeFromList(text: string, question: YAMLMap, field: SuggestionField, form: string) {
	const pair = pairOf(question, field);
	if (!pair || !isSeq(pair.value)) return text;
	const list = pair.value;
	const doomed = list.items.filter((i) => isScalar(i) && foldArabic(String(i.value)) === form);
	if (doomed.length === 0) return text;
	if (doomed.length === list.items.length) {
		// the whole field goes: from its key's line to the end of its value's last line
		const from = lineStart(text, (pair.key as Node).range![0]);
		const to = lineEnd(text, list.range![1] - 1);
		return text.slice(0, from) + text.slice(Math.min(to + 1, text.length));
	}
	if (list.flow) {
		// rewrite the one line's list from the sources of the items that stay
		const kept = list.items.filter((i) => !doomed.includes(i)) as Node[];
		const [start, end] = list.range!;
		const items = kept.map((i) => text.slice(i.range![0], i.range![1])).join(', ');
		return `${text.slice(0, start)}[${items}]${text.slice(end)}`;
	}
	// last first, so earlier offsets stay true
	for (const item of [...doomed].reverse() as Node[]) {
		const [start, end] = item.range!;
		text = text.slice(0, lineStart(text, start)) + text.slice(lineEnd(text, end - 1) + 1);
	}
	return text;
}

/** The question's list after the edit, read as the check will read it. */
function readBack(text: string, questionId: string, field: SuggestionField): unknown[] {
	const data = loadYaml(text) as { questions?: { id?: unknown; [k: string]: unknown }[] };
	const q = data.questions?.find((x) => x.id === questionId);
	const list = q?.[field];
	return Array.isArray(list) ? list : [];
}

/** Applies one suggestion; throws when the file or question is not as expected. */
function applyOne(text: string, s: BankSuggestion): string {
	let question = questionNode(text, s.questionId);
	if (!question) throw new Error(`question ${s.questionId} is not in this file`);
	const form = foldArabic(s.answer);
	const opposite = OPPOSITE[s.field];
	if (opposite) {
		text = removeFromList(text, question, opposite, form);
		question = questionNode(text, s.questionId)!;
	}
	const value = entryOf(s);
	const pair = pairOf(question, s.field);
	const edited = pair
		? addToList(text, pair.value as Node, value)
		: addField(text, question, s.field, value);
	// prove the edit: the list now ends with the entry, as the bank's reader sees it
	const list = readBack(edited, s.questionId, s.field);
	if (JSON.stringify(list[list.length - 1]) !== JSON.stringify(value)) {
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
