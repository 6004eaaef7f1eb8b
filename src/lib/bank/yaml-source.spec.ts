import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { MAX_YAML_DEPTH, readYaml, type YamlSource } from './yaml-source';

function read(text: string, firstLine?: number): YamlSource {
	const yaml = readYaml(text, firstLine);
	if (!yaml.ok) throw new Error(`not read: ${yaml.reason}`);
	return yaml;
}

/** Line and column (1-based) of the first `needle` on line `line` of `text`. */
function at(text: string, line: number, needle: string) {
	return { line, column: text.split('\n')[line - 1].indexOf(needle) + 1 };
}

const BANK = [
	'# a comment',
	'questions:',
	'  - id: first',
	'    tags: [a, "b c"]',
	'    answer: { value: 35, unit: km }',
	'  - id: second',
	'    accept:',
	'      - one',
	"      - 'two'",
	'    explanation: |',
	'      several',
	'      lines',
	'    empty:',
	''
].join('\n');

describe('readYaml', () => {
	it('reads what js-yaml reads, bank files included', () => {
		expect(read(BANK).value).toStrictEqual(load(BANK));
		for (const slug of ['sarraj-africom-zuwara', 'harbour-library']) {
			const text = readFileSync(`questions/${slug}/questions.yaml`, 'utf8');
			expect(read(text).value).toStrictEqual(load(text));
		}
	});

	it('places a field at its key and a list item at the item, quotes included', () => {
		const { locate } = read(BANK);
		expect(locate(['questions', 0])).toEqual(at(BANK, 3, 'id: first'));
		expect(locate(['questions', 0, 'tags'])).toEqual(at(BANK, 4, 'tags'));
		expect(locate(['questions', 0, 'tags', 1])).toEqual(at(BANK, 4, '"b c"'));
		expect(locate(['questions', 0, 'answer', 'unit'])).toEqual(at(BANK, 5, 'unit'));
		expect(locate(['questions', 1, 'accept', 1])).toEqual(at(BANK, 9, "'two'"));
		expect(locate(['questions', 1, 'explanation'])).toEqual(at(BANK, 10, 'explanation'));
		expect(locate(['questions', 1, 'empty'])).toEqual(at(BANK, 13, 'empty'));
	});

	it('places a path that does not exist at its nearest parent that does', () => {
		const { locate } = read(BANK);
		expect(locate(['questions', 1, 'answer'])).toEqual(at(BANK, 6, 'id: second'));
		expect(locate(['questions', 7, 'id'])).toEqual(at(BANK, 2, 'questions'));
		expect(locate(['questions', 0, 'tags', 'x'])).toEqual(at(BANK, 4, 'tags'));
	});

	it('lists where each item of a list starts', () => {
		const { itemPositions } = read(BANK);
		expect(itemPositions(['questions'])).toEqual([
			at(BANK, 3, 'id: first'),
			at(BANK, 6, 'id: second')
		]);
		expect(itemPositions(['questions', 0, 'tags'])).toEqual([at(BANK, 4, 'a,'), at(BANK, 4, '"b')]);
		expect(itemPositions(['nothing'])).toEqual([]);
		expect(itemPositions(['questions', 0, 'answer'])).toEqual([]);
	});

	it('counts lines from where the text stands in its file', () => {
		const { locate } = read('title: x\ndate: 2020-06-22\n', 2);
		expect(locate(['date'])).toEqual({ line: 3, column: 1 });
		const broken = readYaml('title: x\ndate: [\n', 2);
		expect(broken.ok).toBe(false);
		expect(broken.ok === false && broken.line).toBeGreaterThanOrEqual(3);
	});

	it('reports a syntax error with its line and column, not an exception', () => {
		const broken = readYaml('questions:\n  - id: x\n    prompt: "unclosed\n');
		expect(broken).toMatchObject({ ok: false, line: expect.any(Number) });
		expect(broken.ok === false && broken.reason).toMatch(/\S/);
	});

	it('refuses nesting deeper than its limit with a position, not a crash', () => {
		const deep = `questions: ${'['.repeat(3000)}${']'.repeat(3000)}\n`;
		const broken = readYaml(deep);
		expect(broken).toMatchObject({ ok: false, line: 1 });
		expect(broken.ok === false && broken.reason).toContain(String(MAX_YAML_DEPTH));
		const block = Array.from(
			{ length: MAX_YAML_DEPTH + 5 },
			(_, i) => `${'  '.repeat(i)}k${i}:`
		).join('\n');
		expect(readYaml(block).ok).toBe(false);
		expect(
			readYaml(`a: ${'['.repeat(MAX_YAML_DEPTH - 2)}${']'.repeat(MAX_YAML_DEPTH - 2)}`).ok
		).toBe(true);
	});

	it('refuses a second document and reads an empty text as nothing', () => {
		const two = readYaml('a: 1\n---\nb: 2\n');
		expect(two).toMatchObject({ ok: false, line: 3 });
		expect(read('').value).toBeUndefined();
		expect(read('# only a comment\n').value).toBeUndefined();
	});

	it('gives the text a node covers: scalars with their quotes, collections to their end', () => {
		const bank = read(BANK);
		const text = (path: PropertyKey[]) => {
			const span = bank.span(path)!;
			return BANK.slice(span.start, span.end);
		};
		expect(text(['questions', 0, 'tags'])).toBe('[a, "b c"]');
		expect(bank.span(['questions', 0, 'tags'])).toMatchObject({ flow: true });
		expect(
			bank.span(['questions', 0, 'tags'])!.items.map((i) => BANK.slice(i.start, i.end))
		).toEqual(['a', '"b c"']);
		expect(text(['questions', 0, 'answer'])).toBe('{ value: 35, unit: km }');
		expect(text(['questions', 1, 'accept'])).toBe("- one\n      - 'two'");
		expect(bank.span(['questions', 1, 'accept'])).toMatchObject({ flow: false });
		expect(text(['questions', 1, 'accept', 1])).toBe("'two'");
		expect(bank.span(['questions', 1, 'missing'])).toBeUndefined();
	});
});
