/**
 * Bank files that used to crash the server or vanish silently: each is reported with file, line,
 * column and a one-line reason, by the check the CLI and the server's start share.
 */
import { spawnSync } from 'node:child_process';
import {
	cpSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkBank } from '../bank/check';
import { formatDiagnostic } from '../bank/diagnostics';
import { BankUnreadable, getBank, initBank, loadBank, MAX_BANK_FILE_BYTES } from './bank';

const SLUG = 'harbour-library';
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the one-article bank `harbour-library`, changed by `edit`. */
function bank(edit: (dir: string) => void = () => {}): string {
	const dir = mkdtempSync(join(tmpdir(), 'dalil-files-'));
	temps.push(dir);
	cpSync(join('questions', SLUG), join(dir, SLUG), { recursive: true });
	edit(dir);
	return dir;
}

const errorsOf = (dir: string) =>
	loadBank(dir)
		.diagnostics.filter((d) => d.severity === 'error')
		.map(formatDiagnostic);

const cli = (dir: string) =>
	spawnSync(process.execPath, ['scripts/dalil.js', 'check', dir], { encoding: 'utf8' });

describe('bank files that cannot be used', { timeout: 30_000 }, () => {
	it('a list nested thousands deep: a line, not a stack overflow, at start and in the CLI', () => {
		const dir = bank((d) =>
			writeFileSync(
				join(d, SLUG, 'deep.yaml'),
				`questions: ${'['.repeat(3000)}${']'.repeat(3000)}\n`
			)
		);
		expect(errorsOf(dir)).toEqual([
			expect.stringMatching(new RegExp(`${SLUG}/deep\\.yaml:1:\\d+: error YAML: .*32`))
		]);
		expect(() => initBank(dir)).not.toThrow();
		const r = cli(dir);
		expect(r.status).toBe(2);
		expect(r.stdout).toMatch(/deep\.yaml:1:\d+: error YAML: /);
		expect(r.stdout + r.stderr).not.toMatch(/Maximum call stack|\n\s+at /);
	});

	it('a dangling link in the bank folder is named, not an ENOENT stack', () => {
		const dir = bank((d) => symlinkSync(join(d, 'nowhere'), join(d, 'gone')));
		expect(errorsOf(dir)).toEqual([expect.stringMatching(/gone:1:1: error cannot be read/)]);
		expect(() => initBank(dir)).not.toThrow();
		expect(cli(dir).status).toBe(2);
	});

	it('an article folder without article.md is reported, not skipped', () => {
		const dir = bank((d) => mkdirSync(join(d, 'draft')));
		expect(errorsOf(dir)).toEqual([expect.stringMatching(/draft:1:1: error has no article\.md/)]);
		const r = cli(dir);
		expect(r.status).toBe(2);
		expect(r.stdout).toContain('has no article.md');
	});

	it('a file that is not UTF-8 is placed at its first bad byte, not read as U+FFFD', () => {
		const dir = bank((d) => {
			const file = join(d, SLUG, 'questions.yaml');
			const text = readFileSync(file);
			writeFileSync(
				file,
				// line 2: "# é" and then a byte no UTF-8 text holds
				Buffer.concat([Buffer.from('# ok\n# é'), Buffer.from([0xff, 0x0a]), text])
			);
		});
		expect(errorsOf(dir)).toEqual([
			expect.stringMatching(/questions\.yaml:2:4: error is not UTF-8 text/)
		]);
	});

	it('a file above the size limit is refused with the limit', () => {
		const dir = bank((d) =>
			writeFileSync(join(d, SLUG, 'huge.yaml'), `# ${'x'.repeat(MAX_BANK_FILE_BYTES)}\n`)
		);
		expect(errorsOf(dir)).toEqual([
			expect.stringMatching(/huge\.yaml:1:1: error is 4\.0 MB; a bank file is at most 4\.0 MB/)
		]);
	});

	it('broken front matter of the only article names the file and the field', () => {
		const dir = bank((d) => {
			const file = join(d, SLUG, 'article.md');
			writeFileSync(file, readFileSync(file, 'utf8').replace('direction: ltr', 'direction: up'));
		});
		expect(errorsOf(dir)).toEqual([
			expect.stringMatching(new RegExp(`${SLUG}/article\\.md:5:1: error direction`))
		]);
		expect(() => initBank(dir)).toThrow(BankUnreadable);
		expect(() => initBank(dir)).toThrow(/article\.md:5:1: error direction/);
		const r = cli(dir);
		expect(r.status).toBe(2);
		expect(r.stdout).toMatch(/article\.md:5:1: error direction/);
	});
});

describe('messages a terminal prints', () => {
	it('show control characters and bidi overrides escaped, not acted on', () => {
		const article = readFileSync(join('questions', SLUG, 'article.md'), 'utf8');
		const result = checkBank([
			{
				slug: 'x',
				article: { path: 'x/article.md', text: article },
				banks: [
					{
						path: 'x/questions.yaml',
						text: 'questions:\n  - id: "a\\e[2J\\e]0;owned\\a"\n    colour: "\\rOK \\u202E"\n'
					}
				]
			}
		]);
		const lines = result.diagnostics.map(formatDiagnostic);
		expect(lines.length).toBeGreaterThan(0);
		for (const line of lines) {
			// eslint-disable-next-line no-control-regex -- what must not reach a terminal
			expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
		}
		expect(lines.join('\n')).toContain('a\\u{1b}[2J');
	});
});

describe('reloading the bank', () => {
	it('picks up a changed article when asked to, and keeps the last good bank when one breaks', () => {
		const dir = bank();
		const file = join(dir, SLUG, 'article.md');
		const text = readFileSync(file, 'utf8');
		vi.useFakeTimers({ toFake: ['Date'] });
		try {
			initBank(dir, { reload: true });
			const title = () => getBank().articles.get(SLUG)?.title;
			expect(title()).toMatch(/^Saltmarsh Bay reopens/);
			writeFileSync(file, text.replace('title: Saltmarsh Bay', 'title: Saltmarsh Cove'));
			// at most once a second
			expect(title()).toMatch(/^Saltmarsh Bay reopens/);
			vi.setSystemTime(Date.now() + 1500);
			expect(title()).toMatch(/^Saltmarsh Cove reopens/);
			writeFileSync(file, 'no front matter');
			vi.setSystemTime(Date.now() + 1500);
			expect(title()).toMatch(/^Saltmarsh Cove reopens/);
			// without the flag, the bank stays as loaded
			writeFileSync(file, text);
			initBank(dir);
			writeFileSync(file, text.replace('title: Saltmarsh Bay', 'title: Saltmarsh Cove'));
			vi.setSystemTime(Date.now() + 1500);
			expect(title()).toMatch(/^Saltmarsh Bay reopens/);
		} finally {
			vi.useRealTimers();
		}
	});
});
