/**
 * The hostile bank (issue 18): tests/fixtures/hostile-bank holds the bank files a careless or
 * hostile author could commit (markup, `]]>`, spreadsheet formulas, bidi overrides, terminal
 * escapes, nesting thousands deep, YAML alias bombs, merge keys and custom tags, duplicate and
 * prototype keys, Latin-1, UTF-16, overlong and surrogate UTF-8, NUL bytes, tabs, CRLF, a BOM, a
 * folder without article.md, broken front matter); this spec adds what a repository should not
 * hold (files above the size limit, a 3 MB field, thousands of questions, a dangling link) to a
 * copy of it. The real loader, the server's start and `dalil check` each read it to the end: one
 * line per problem with file:line:column, no control character reaching the terminal, no stack,
 * no crash, no hang.
 */
import { spawnSync } from 'node:child_process';
import {
	cpSync,
	mkdtempSync,
	readdirSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/lib/bank/diagnostics';
import { getBank, initBank, loadBank, MAX_BANK_FILE_BYTES } from '../src/lib/server/bank';

const FIXTURE = 'tests/fixtures/hostile-bank';
/** How long `dalil check` may take on the whole hostile bank before it counts as a hang. */
const CLI_LIMIT_MS = 60_000;

/**
 * What a terminal acts on: C0 and C1 controls (escape sequences, carriage return, bell) and the
 * bidi overrides and isolates that reorder a line. A tab or newline between messages is fine.
 */
// eslint-disable-next-line no-control-regex -- the characters that must not reach a terminal
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A message line: file:line:column: severity, then one line of reason. */
const MESSAGE = /^(\S[^:]*):(\d+):(\d+): (error|warning) (.+)$/;

let dir: string;
/** A file of the copy, as messages name it (relative to the working directory). */
let shown: (file: string) => string;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'dalil-hostile-'));
	cpSync(FIXTURE, dir, { recursive: true });
	const article = join(dir, 'hostile');
	// above the size limit by one byte
	writeFileSync(join(article, 'huge.yaml'), `# ${'x'.repeat(MAX_BANK_FILE_BYTES - 1)}\n`);
	// one field of 3 MB in an otherwise sound question
	writeFileSync(
		join(article, 'huge-field.yaml'),
		[
			'questions:',
			'  - id: huge-field',
			'    type: short',
			'    paragraph: p1',
			`    prompt: "${'On which day? '.repeat(220_000)}"`,
			'    evidence: opened on Monday',
			'    answer: Monday',
			'    explanation: x',
			'    skill: when',
			'    difficulty: 2',
			''
		].join('\n')
	);
	// thousands of questions, each failing its evidence
	writeFileSync(
		join(article, 'many.yaml'),
		'questions:\n' +
			Array.from(
				{ length: 3000 },
				(_, i) =>
					`  - { id: many-${i}, type: short, paragraph: p1, prompt: "Q${i}?", evidence: "nowhere ${i}", answer: x, explanation: x, skill: when, difficulty: 2 }\n`
			).join('')
	);
	symlinkSync(join(dir, 'nowhere'), join(dir, 'gone'));
	shown = (file) => relative(process.cwd(), join(dir, file));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * For each hostile file, the message it must get (after its file:line:column). Every file of the
 * fixture is listed here or in `CLEAN`: a case added to the fixture without a line here fails.
 */
const EXPECTED: Record<string, RegExp> = {
	gone: /^gone:1:1: error cannot be read/,
	'no-article': /^no-article:1:1: error has no article\.md/,
	'broken-front/article.md': /^broken-front\/article\.md:3:1: error front matter: /,
	'hostile/huge.yaml': /^hostile\/huge\.yaml:1:1: error is 4\.0 MB; a bank file is at most 4\.0 MB/,
	'hostile/latin1.yaml': /^hostile\/latin1\.yaml:1:6: error is not UTF-8 text/,
	'hostile/utf16.yaml': /^hostile\/utf16\.yaml:1:1: error is not UTF-8 text/,
	'hostile/overlong.yaml': /^hostile\/overlong\.yaml:2:9: error is not UTF-8 text/,
	'hostile/surrogate.yaml': /^hostile\/surrogate\.yaml:2:9: error is not UTF-8 text/,
	'hostile/deep-flow.yaml':
		/^hostile\/deep-flow\.yaml:1:\d+: error YAML: nesting exceeded maxDepth \(32\)/,
	'hostile/deep-block.yaml':
		/^hostile\/deep-block\.yaml:\d+:\d+: error YAML: nesting exceeded maxDepth/,
	'hostile/deep-map.yaml':
		/^hostile\/deep-map\.yaml:\d+:\d+: error YAML: nesting exceeded maxDepth/,
	'hostile/bomb.yaml': /^hostile\/bomb\.yaml:1:1: error unknown fields a, b, c/,
	'hostile/alias-question.yaml': /^hostile\/alias-question\.yaml:1:1: error unknown field x/,
	'hostile/alias-self.yaml': /^hostile\/alias-self\.yaml:2:\d+: error /,
	'hostile/alias-undefined.yaml':
		/^hostile\/alias-undefined\.yaml:2:\d+: error YAML: unidentified alias "nowhere"/,
	'hostile/merge-keys.yaml': /^hostile\/merge-keys\.yaml:4:5: error YAML: duplicated mapping key/,
	'hostile/tags.yaml': /^hostile\/tags\.yaml:2:\d+: error YAML: unknown scalar tag/,
	'hostile/duplicate-keys.yaml':
		/^hostile\/duplicate-keys\.yaml:3:5: error YAML: duplicated mapping key/,
	'hostile/proto.yaml':
		/^hostile\/proto\.yaml:2:5: error \[proto-q\] unknown fields __proto__, constructor, toString/,
	'hostile/not-a-list.yaml':
		/^hostile\/not-a-list\.yaml:1:1: error questions: a bank file holds a list/,
	'hostile/scalar.yaml': /^hostile\/scalar\.yaml:1:1: error /,
	'hostile/two-documents.yaml':
		/^hostile\/two-documents\.yaml:3:1: error YAML: one document per file/,
	'hostile/nul.yaml': /^hostile\/nul\.yaml:2:\d+: error YAML: null byte/,
	'hostile/raw-escapes.yaml':
		/^hostile\/raw-escapes\.yaml:2:\d+: error YAML: the stream contains non-printable characters/,
	'hostile/tabs.yaml': /^hostile\/tabs\.yaml:2:1: error YAML: tab characters/,
	'hostile/bom.yaml': /^hostile\/bom\.yaml:2:5: error \[bom-q\] paragraph is missing/,
	// CRLF line endings: the line counted as an editor counts it
	'hostile/crlf.yaml': /^hostile\/crlf\.yaml:6:5: error \[crlf-q\] evidence quote not found in p1/,
	// terminal escapes: shown escaped
	'hostile/escapes.yaml':
		/^hostile\/escapes\.yaml:4:5: error \[esc-\\u\{1b\}\[2J\\u\{1b\}\[H\\u\{1b\}\]0;owned\\u\{7\}\] id must be/,
	'hostile/huge-field.yaml':
		/^hostile\/huge-field\.yaml:5:5: error \[huge-field\] prompt is longer than 10000 characters$/,
	'hostile/many.yaml': /^hostile\/many\.yaml:\d+:\d+: error \[many-2999\] evidence quote not found/
};

/** Files of the fixture that must load without an error: the hostile text is sound text. */
const CLEAN = ['hostile/article.md', 'hostile/questions.yaml', 'hostile/empty.yaml'];

describe('the hostile bank', { timeout: 120_000 }, () => {
	it('every fixture file is a case this spec names', () => {
		const listed = readdirSync(FIXTURE, { recursive: true, encoding: 'utf8' })
			.filter((f) => statSync(join(FIXTURE, f)).isFile())
			.filter((f) => f !== 'README.md' && f !== join('no-article', 'questions.yaml'));
		expect(listed.length).toBeGreaterThan(25);
		for (const file of listed) {
			expect(file in EXPECTED || CLEAN.includes(file), `${file}: add the message it must get`).toBe(
				true
			);
		}
	});

	it('the loader reports each file on one line at its place, and keeps the sound questions', () => {
		const result = loadBank(dir);
		const lines = result.diagnostics.map(formatDiagnostic);
		for (const line of lines) {
			expect(line, 'one line, file:line:column first').toMatch(MESSAGE);
			expect(line, `a raw control character in ${JSON.stringify(line.slice(0, 200))}`).not.toMatch(
				RAW_CONTROL
			);
		}
		const relativeLines = lines.map((l) => l.replace(`${shown('')}/`, ''));
		for (const [file, pattern] of Object.entries(EXPECTED)) {
			expect(
				relativeLines.some((l) => pattern.test(l)),
				`${file}: expected ${pattern}; got:\n${relativeLines.filter((l) => l.startsWith(file)).join('\n')}`
			).toBe(true);
		}
		const errorsIn = (file: string) =>
			result.diagnostics.filter((d) => d.severity === 'error' && d.file === shown(file));
		for (const file of CLEAN) expect(errorsIn(file), file).toEqual([]);
		const hostile = result.articles.find((a) => a.slug === 'hostile');
		expect(hostile?.questions.map((q) => q.id)).toEqual(
			expect.arrayContaining(['hostile-day', 'hostile-formula', 'hostile-bidi', 'hostile-braces'])
		);
	});

	it('the server starts on it: the sound article is served, nothing throws', () => {
		expect(() => initBank(dir)).not.toThrow();
		expect(getBank(dir).articles.get('hostile')?.title).toContain('<script>');
	});

	it('dalil check reads it to the end: exit 2, one line per problem, nothing raw, no stack', () => {
		const r = spawnSync(process.execPath, ['scripts/dalil.js', 'check', dir], {
			encoding: 'utf8',
			timeout: CLI_LIMIT_MS,
			maxBuffer: 64 * 1024 * 1024
		});
		expect(r.signal, `dalil check did not finish within ${CLI_LIMIT_MS / 1000} s`).toBeNull();
		expect(r.stderr).toBe('');
		expect(r.status).toBe(2);
		const lines = r.stdout.trimEnd().split('\n');
		for (const line of lines) {
			expect(line, `a raw control character in ${JSON.stringify(line.slice(0, 200))}`).not.toMatch(
				RAW_CONTROL
			);
			expect(line).not.toMatch(/^\s+at |Maximum call stack|RangeError|TypeError/);
		}
		// the messages, then the summary lines under them
		const summary = lines.filter((l) => !MESSAGE.test(l));
		expect(summary).toEqual([
			expect.stringMatching(/^hostile: 4 paragraphs, \d+ questions proven, \d+ failing$/),
			expect.stringMatching(/^\d+ errors, \d+ warnings$/)
		]);
		for (const [file, pattern] of Object.entries(EXPECTED)) {
			const wanted = new RegExp(
				pattern.source.replace('^', `^${shown('').replace(/[.\\/]/g, '\\$&')}/`)
			);
			expect(
				lines.some((l) => wanted.test(l)),
				`${file}: expected ${pattern}`
			).toBe(true);
		}
	});

	it('dalil check --json reads it too: one parseable summary', () => {
		const r = spawnSync(process.execPath, ['scripts/dalil.js', 'check', dir, '--json'], {
			encoding: 'utf8',
			timeout: CLI_LIMIT_MS,
			maxBuffer: 64 * 1024 * 1024
		});
		expect(
			r.signal,
			`dalil check --json did not finish within ${CLI_LIMIT_MS / 1000} s`
		).toBeNull();
		expect(r.status).toBe(2);
		// bank text reaches the terminal escaped: JSON escapes, so a parser reads it back as written
		expect(r.stdout, 'a raw control or bidi character in the JSON').not.toMatch(RAW_CONTROL);
		expect(r.stdout).toContain('\\u202e');
		const summary = JSON.parse(r.stdout) as {
			ok: boolean;
			articles: { slug: string; title: string }[];
			errors: { file: string; questionId?: string }[];
		};
		expect(summary.ok).toBe(false);
		expect(summary.errors.length).toBeGreaterThan(Object.keys(EXPECTED).length);
		expect(summary.articles.find((a) => a.slug === 'hostile')?.title).toContain('\u202eevil\u202c');
		expect(summary.errors.map((e) => e.questionId)).toContain(
			'esc-\u001b[2J\u001b[H\u001b]0;owned\u0007'
		);
	});
});
