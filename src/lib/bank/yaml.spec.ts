import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { dump, load, YAMLException } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { yamlLocator } from './diagnostics';
import { loadSimpleYaml, loadYaml, sequenceItems, UNSUPPORTED } from './yaml';

/** js-yaml's reading, or the error it throws. */
function reference(text: string): { value?: unknown; error?: boolean } {
	try {
		return { value: load(text) };
	} catch {
		return { error: true };
	}
}

/** The fast reader either gives up or reads exactly what js-yaml reads; never accepts an error. */
function agrees(text: string): boolean {
	const fast = loadSimpleYaml(text);
	if (fast === UNSUPPORTED) return true;
	const ref = reference(text);
	expect(ref.error, `js-yaml refuses what the fast reader read:\n${text}`).toBeUndefined();
	expect(fast).toStrictEqual(ref.value);
	return true;
}

const banks = readdirSync('questions').map((slug) =>
	readFileSync(join('questions', slug, 'questions.yaml'), 'utf8')
);

/** Characters that matter to YAML, and Arabic, digits and spaces. */
const char = fc.constantFrom(
	...'ab z09-_:#,[]{}\'"&*!|>%@`?~.+\\/ \n'.split(''),
	'ي',
	'ة',
	'«',
	'٣',
	'\u064E',
	// white space that is not YAML's: part of a plain scalar, even at its end
	'\u00A0',
	'\u3000'
);
const scalarText = fc.string({ unit: char, maxLength: 12 });
const key = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_-]{0,6}$/);
const scalar = fc.oneof(
	scalarText,
	fc.integer(),
	fc.double({ noNaN: true }),
	fc.boolean(),
	fc.constant(null),
	fc.constantFrom('true', 'null', '1', '0x1F', '1e3', '.inf', '~', '- a', 'a: b', 'a #b', '')
);
const value = fc.letrec((tie) => ({
	node: fc.oneof(
		{ depthSize: 'small' },
		scalar,
		fc.array(tie('node'), { maxLength: 4 }),
		fc.dictionary(key, tie('node'), { maxKeys: 4 })
	)
})).node;
const dumpOptions = fc.record({
	// mostly block style, as bank files are written, with flow lists and maps inside
	flowLevel: fc.constantFrom(-1, -1, 0, 1, 2, 3),
	indent: fc.integer({ min: 1, max: 4 }),
	quotingType: fc.constantFrom<"'" | '"'>("'", '"'),
	forceQuotes: fc.boolean(),
	lineWidth: fc.constantFrom(-1, 20, 80)
});

describe('loadYaml', () => {
	it('reads the real bank files on the fast path, as js-yaml does', () => {
		expect(banks.length).toBeGreaterThan(1);
		for (const text of banks) {
			const fast = loadSimpleYaml(text);
			expect(fast).not.toBe(UNSUPPORTED);
			expect(fast).toStrictEqual(load(text));
		}
	});

	it('reads the common shapes of a bank file', () => {
		const text = [
			'# a comment',
			'questions:',
			'  - id: q1 # trailing comment',
			'    paragraph: [p1, p2]',
			"    prompt: 'it''s «here»'",
			'    answer: { value: 35, unit: km, tolerance: 0.5, exact: true }',
			'    accept:',
			'    - "a \\"b\\" \\u0643"',
			'    -   c #d',
			'    empty:',
			'    n: ~',
			'',
			'  -   id: q2',
			'      nested:',
			'        deeper: -3',
			'      list: []',
			'      map: {}',
			'      pairs: [{ left: a, right: { text: b, proof: "c" } }, [1, []]]'
		].join('\n');
		expect(loadSimpleYaml(text)).toStrictEqual({
			questions: [
				{
					id: 'q1',
					paragraph: ['p1', 'p2'],
					prompt: "it's «here»",
					answer: { value: 35, unit: 'km', tolerance: 0.5, exact: true },
					accept: ['a "b" ك', 'c'],
					empty: null,
					n: null
				},
				{
					id: 'q2',
					nested: { deeper: -3 },
					list: [],
					map: {},
					pairs: [{ left: 'a', right: { text: 'b', proof: 'c' } }, [1, []]]
				}
			]
		});
		agrees(text);
	});

	it('gives up on what it does not read, and js-yaml reads it', () => {
		for (const text of [
			'a: |\n  block\n',
			'a: >-\n  folded\n',
			'a: plain\n  continued\n',
			'a: &x 1\nb: *x\n',
			'a: !!str 1\n',
			'a: [1, [2,\n  3]]\n',
			'a:\r\n  b: 1\n',
			'a:\tb\n',
			'---\na: 1\n',
			'"a": 1\n',
			'a: "multi\n  line"\n'
		]) {
			expect(loadSimpleYaml(text), text).toBe(UNSUPPORTED);
			expect(loadYaml(text)).toStrictEqual(load(text));
		}
	});

	it('leaves errors to js-yaml, with its messages', () => {
		for (const text of [
			'a: 1\na: 2\n',
			'a: b: c\n',
			'a: -\nb: 1\n',
			'a: [1, 2\n',
			'a:\n  - x\n y: 1\n',
			''
		]) {
			expect(loadSimpleYaml(text), text).toBe(UNSUPPORTED);
			expect(() => loadYaml(text)).toThrow(YAMLException);
		}
	});

	it('agrees with js-yaml on whatever js-yaml writes', () => {
		let fastPath = 0;
		fc.assert(
			fc.property(fc.dictionary(key, value, { minKeys: 1 }), dumpOptions, (v, options) => {
				const text = dump(v, options);
				if (loadSimpleYaml(text) !== UNSUPPORTED) fastPath++;
				return agrees(text);
			}),
			{ numRuns: 2000 }
		);
		// the property says something only if the fast reader reads a good share itself
		expect(fastPath).toBeGreaterThan(300);
	}, 60_000);

	it('knows the line of each question, as the locator finds it', () => {
		const question = fc.dictionary(key, value, { minKeys: 1, maxKeys: 4 });
		const check = (text: string) => {
			const raw = loadSimpleYaml(text) as { questions?: unknown[] } | typeof UNSUPPORTED;
			if (raw === UNSUPPORTED || !Array.isArray(raw?.questions)) return false;
			const items = sequenceItems(raw.questions);
			if (!items) return false;
			const locate = yamlLocator(text);
			expect(items.lines).toEqual(raw.questions.map((_, i) => locate(['questions', i]).line));
			// and the locator told where they start finds every field where it finds it unaided
			const told = yamlLocator(text, items);
			raw.questions.forEach((q, i) => {
				const fields = q && typeof q === 'object' ? Object.entries(q) : [];
				const paths = fields.flatMap(([f, v]) =>
					Array.isArray(v) && v.length > 1
						? [
								['questions', i, f],
								['questions', i, f, 1]
							]
						: [['questions', i, f]]
				);
				for (const path of [['questions', i], ...paths]) {
					expect(told(path)).toEqual(locate(path));
				}
			});
			return true;
		};
		for (const text of banks) expect(check(text)).toBe(true);
		let read = 0;
		fc.assert(
			fc.property(
				fc.array(question, { minLength: 1, maxLength: 5 }),
				fc.string({ unit: fc.constantFrom('# note\n', '\n', 'title: x\n'), maxLength: 3 }),
				dumpOptions,
				(questions, before, options) => {
					if (check(before + dump({ questions }, { ...options, flowLevel: -1 }))) read++;
				}
			),
			{ numRuns: 500 }
		);
		expect(read).toBeGreaterThan(100);
		// only the top level's lists keep lines
		const nested = loadSimpleYaml('a:\n  b:\n    - x\n') as { a: { b: unknown[] } };
		expect(sequenceItems(nested.a.b)).toBeUndefined();
	});

	it('agrees with js-yaml on bank files with a character changed', () => {
		let fastPath = 0;
		fc.assert(
			fc.property(
				fc.constantFrom(...banks.map((b) => b.slice(0, 6000))),
				fc.array(fc.tuple(fc.nat(6000), fc.nat(3), scalarText), {
					minLength: 1,
					maxLength: 3
				}),
				(text, edits) => {
					let t = text;
					for (const [at, cut, insert] of edits) t = t.slice(0, at) + insert + t.slice(at + cut);
					if (loadSimpleYaml(t) !== UNSUPPORTED) fastPath++;
					return agrees(t);
				}
			),
			{ numRuns: 3000 }
		);
		expect(fastPath).toBeGreaterThan(1000);
	}, 60_000);
});
