import { describe, expect, it } from 'vitest';
import { readYaml } from '../bank/yaml-source';
import { applySuggestions } from './patch';
import type { BankSuggestion } from './suggest';

const FILE = `# a comment that stays
questions:
  - id: flow
    type: short
    answer: زوارة # the city
    accept: [مدينة زوارة, 'Zuwara: the town']
    reject: [طرابلس, سرت]
    skill: where

  - id: block
    type: short
    answer: 'زوارة'
    accept:
      - مدينة زوارة
      - Zuwara
    reject:
      - طرابلس
    skill: where

  - id: bare
    type: numeric
    answer: { value: 120, unit: كلم }
    skill: how-much
`;

function suggest(
	questionId: string,
	field: BankSuggestion['field'],
	answer: string
): BankSuggestion {
	const verdict = field === 'reject' ? 'wrong' : 'correct';
	return {
		questionId,
		field,
		answer,
		verdict,
		score: verdict === 'wrong' ? 0 : 1,
		teachers: 1,
		notes: []
	};
}

type Q = { id: string; accept?: unknown[]; reject?: unknown[]; examples?: unknown[] };
const questionOf = (text: string, id: string) =>
	(readYaml(text) as { value: { questions: Q[] } }).value.questions.find((q) => q.id === id)!;

/** The lines of b that are not in a, and of a not in b: the diff a reviewer sees. */
function changedLines(a: string, b: string) {
	const before = a.split('\n');
	const after = b.split('\n');
	return {
		added: after.filter((l) => !before.includes(l)),
		removed: before.filter((l) => !after.includes(l))
	};
}

describe('applySuggestions', () => {
	it('adds to a flow list in its own style, touching nothing else', () => {
		const { text, applied, skipped } = applySuggestions(FILE, [
			suggest('flow', 'accept', 'ساحل زوارة')
		]);
		expect(skipped).toEqual([]);
		expect(applied).toHaveLength(1);
		expect(changedLines(FILE, text)).toEqual({
			added: ["    accept: [مدينة زوارة, 'Zuwara: the town', ساحل زوارة]"],
			removed: ["    accept: [مدينة زوارة, 'Zuwara: the town']"]
		});
	});

	it('adds to a block list as one new line', () => {
		const { text } = applySuggestions(FILE, [suggest('block', 'reject', 'ليبيا: الغرب')]);
		expect(changedLines(FILE, text)).toEqual({ added: ["      - 'ليبيا: الغرب'"], removed: [] });
		expect(questionOf(text, 'block').reject).toEqual(['طرابلس', 'ليبيا: الغرب']);
	});

	it('moves a form from reject to accept (and back) when teachers overrule the bank', () => {
		const accepted = applySuggestions(FILE, [
			suggest('flow', 'accept', 'طَرابلس'),
			suggest('block', 'accept', 'طرابلس')
		]).text;
		expect(questionOf(accepted, 'flow')).toMatchObject({
			accept: ['مدينة زوارة', 'Zuwara: the town', 'طَرابلس'],
			reject: ['سرت']
		});
		// the block question's only rejected form goes, and its field with it
		expect(questionOf(accepted, 'block').reject).toBeUndefined();
		expect(accepted).not.toMatch(/reject:\n\s+skill/);
		const rejected = applySuggestions(FILE, [suggest('block', 'reject', 'zuwara')]).text;
		expect(questionOf(rejected, 'block')).toMatchObject({
			accept: ['مدينة زوارة'],
			reject: ['طرابلس', 'zuwara']
		});
	});

	it('adds a missing list after the field it belongs beside', () => {
		const { text } = applySuggestions(FILE, [
			suggest('bare', 'examples', '120 كيلومترا'),
			{ ...suggest('bare', 'examples', '12'), verdict: 'wrong', score: 0 }
		]);
		expect(questionOf(text, 'bare').examples).toEqual([
			{ answer: '120 كيلومترا', verdict: 'correct' },
			{ answer: '12', verdict: 'wrong' }
		]);
		expect(text).toContain(
			"    answer: { value: 120, unit: كلم }\n    examples:\n      - answer: 120 كيلومترا\n        verdict: correct\n      - answer: '12'\n        verdict: wrong\n    skill: how-much\n"
		);
	});

	it('keeps comments and the rest of the file byte for byte', () => {
		const { text } = applySuggestions(FILE, [suggest('flow', 'accept', 'ساحل زوارة')]);
		expect(text.startsWith('# a comment that stays\n')).toBe(true);
		expect(text).toContain('    answer: زوارة # the city\n');
		expect(text.replace(', ساحل زوارة]', ']')).toBe(FILE);
	});

	it('skips, with the reason, a suggestion for a question the file does not hold', () => {
		const s = suggest('elsewhere', 'accept', 'x');
		const result = applySuggestions(FILE, [s]);
		expect(result.text).toBe(FILE);
		expect(result.skipped).toEqual([
			{ suggestion: s, why: 'question elsewhere is not in this file' }
		]);
	});

	it('quotes what YAML would misread', () => {
		const tricky = ['true', '120', '- a', '#x', 'a, b', '[x]', '"q"', "it's"];
		const { text } = applySuggestions(
			FILE,
			tricky.map((t) => suggest('flow', 'accept', t))
		);
		expect(questionOf(text, 'flow').accept).toEqual(['مدينة زوارة', 'Zuwara: the town', ...tricky]);
		const block = applySuggestions(
			FILE,
			tricky.map((t) => suggest('block', 'accept', t))
		).text;
		expect(questionOf(block, 'block').accept).toEqual(['مدينة زوارة', 'Zuwara', ...tricky]);
	});
});
