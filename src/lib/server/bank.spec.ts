import { existsSync, mkdtempSync, readFileSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { splitParagraphs } from '../bank/article';
import { checkBank } from '../bank/check';
import { BankUnreadable, loadBank, loadBankAndDrafts, loadDrafts, readBankDir } from './bank';
import { SCHEMA_PATH, schemaText } from './cli/schema';

const SEED = '../shared/seeds/000_f97915f1e9b9772c.txt';
// Needed, not optional: a clone without ../shared fails here, by name, rather than pass unchecked.
if (!existsSync(SEED)) {
	throw new Error(
		`the seed article is missing: ${SEED} (put the project's shared/ folder beside the repository)`
	);
}
const SLUG = 'sarraj-africom-zuwara';
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the real bank whose seed article is edited, to prove the check catches drift. */
function drifted(edit: (article: string) => string) {
	const sources = readBankDir('questions').sources.map((s) =>
		s.slug === SLUG ? { ...s, article: { ...s.article, text: edit(s.article.text) } } : s
	);
	const result = checkBank(sources);
	const article = result.articles.find((a) => a.slug === SLUG)!;
	return new Set(article.failed.map((f) => f.id));
}

describe('the bank in questions/', () => {
	const bank = loadBank('questions');
	const seed = bank.articles.find((a) => a.slug === SLUG)!;

	it('stores the seed article verbatim, paragraph by paragraph', () => {
		const original = splitParagraphs(readFileSync(SEED, 'utf8'));
		expect(original).toHaveLength(12);
		expect(seed.paragraphs.map((p) => p.text)).toEqual(original);
		expect(seed.paragraphs.map((p) => p.id)).toEqual(original.map((_, i) => `p${i + 1}`));
	});

	it('holds: no question fails the check', () => {
		const errors = bank.diagnostics.filter((d) => d.severity === 'error');
		expect(errors).toEqual([]);
	});

	it('fails, by id, the questions that relied on a number the article no longer says', () => {
		// what the author wrote, not where it stands (line numbers and offsets hold digits too),
		// nor the wrong answers its examples try
		const relying = seed.questions
			.filter(({ line: _line, spans: _spans, examples: _examples, ...authored }) =>
				/(^|[^\d])120([^\d]|$)/.test(JSON.stringify(authored))
			)
			.map((q) => q.id);
		expect(relying.length).toBeGreaterThan(0);
		const failed = drifted((t) => t.replace('مسافة 120 كلم', 'مسافة 130 كلم'));
		for (const id of relying) expect(failed, id).toContain(id);
	});

	it('fails, by id, the questions that relied on a city the article no longer names', () => {
		const relying = seed.questions.filter((q) => q.evidence.some((e) => e.includes('زوارة')));
		expect(relying.length).toBeGreaterThan(0);
		const failed = drifted((t) => t.replace('مدينة زوارة', 'مدينة غدامس'));
		for (const q of relying) expect(failed, q.id).toContain(q.id);
	});
});

describe('readBankDir', () => {
	it('refuses a missing folder with a clear message', () => {
		expect(() => readBankDir('no/such/folder')).toThrow(BankUnreadable);
		expect(() => readBankDir('no/such/folder')).toThrow(
			'question bank folder not found: no/such/folder'
		);
	});

	it('reads one article folder as a bank of that article', () => {
		const one = readBankDir(`questions/${SLUG}/`);
		const all = readBankDir('questions');
		expect(one.sources.map((s) => s.slug)).toEqual([SLUG]);
		expect(one.sources[0]).toEqual(all.sources.find((s) => s.slug === SLUG));
		expect(one.diagnostics).toEqual([]);
	});

	it('refuses a folder with no article', () => {
		const dir = mkdtempSync(join(tmpdir(), 'dalil-empty-'));
		temps.push(dir);
		expect(() => readBankDir(dir)).toThrow(/no article in/);
	});
});

describe('loadBankAndDrafts', () => {
	it('checks the bank and its drafts from one reading, as loadBank and loadDrafts each do', () => {
		const dir = mkdtempSync(join(tmpdir(), 'dalil-drafts-'));
		temps.push(dir);
		cpSync('questions', dir, { recursive: true });
		cpSync(join(dir, SLUG, 'questions.yaml'), join(dir, SLUG, 'drafts.yaml'));
		writeFileSync(join(dir, 'stray.md'), 'not an article folder');
		const both = loadBankAndDrafts(dir);
		expect(both.drafts.articles.map((a) => a.slug)).toEqual([SLUG]);
		expect(both).toEqual({ bank: loadBank(dir), drafts: loadDrafts(dir) });
	});
});

describe('the JSON Schema for editors', () => {
	it('is committed and fresh (regenerate with npm run dalil -- schema)', () => {
		expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(schemaText());
	});
});

// each test starts node: on a busy machine that can take longer than vitest's 5 s default
describe('dalil check (CLI)', { timeout: 30_000 }, () => {
	const cli = (...args: string[]) =>
		spawnSync(process.execPath, ['scripts/dalil.js', 'check', ...args], { encoding: 'utf8' });

	it('exits 0 on the real bank and prints a summary per article', () => {
		const r = cli();
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(new RegExp(`${SLUG}: 12 paragraphs, \\d+ questions proven`));
	});

	it('prints one machine-readable summary with --json', () => {
		const r = cli('--json');
		const summary = JSON.parse(r.stdout);
		expect(summary.ok).toBe(true);
		const seed = summary.articles.find((a: { slug: string }) => a.slug === SLUG);
		expect(seed).toMatchObject({ language: 'ar', paragraphs: 12 });
		expect(Object.keys(seed.byType)).toContain('cloze');
		expect(Object.keys(seed.byParagraph)).toHaveLength(12);
		expect(Array.isArray(summary.warnings)).toBe(true);
	});

	it('counts in its summary the questions the app keeps, type by type and paragraph by paragraph', () => {
		const summary = JSON.parse(cli('--json').stdout);
		const kept = loadBank('questions');
		expect(summary.articles.map((a: { slug: string }) => a.slug)).toEqual(
			kept.articles.map((a) => a.slug)
		);
		for (const a of kept.articles) {
			const counted = summary.articles.find((s: { slug: string }) => s.slug === a.slug);
			const byType: Record<string, number> = Object.fromEntries(
				Object.keys(counted.byType).map((t) => [t, 0])
			);
			const byParagraph: Record<string, number> = Object.fromEntries(
				a.paragraphs.map((p) => [p.id, 0])
			);
			for (const q of a.questions) {
				byType[q.type]++;
				for (const p of q.paragraph) byParagraph[p]++;
			}
			expect(counted).toMatchObject({ questions: a.questions.length, byType, byParagraph });
			expect(a.questions.length).toBeGreaterThan(0);
		}
	});

	it('exits 1 naming file, line and question when the article drifts', () => {
		const dir = mkdtempSync(join(tmpdir(), 'dalil-drift-'));
		temps.push(dir);
		cpSync('questions', dir, { recursive: true });
		const file = join(dir, SLUG, 'article.md');
		writeFileSync(file, readFileSync(file, 'utf8').replace('مسافة 120 كلم', 'مسافة 130 كلم'));
		const r = cli(dir);
		expect(r.status).toBe(1);
		expect(r.stdout).toMatch(/questions\.yaml:\d+:\d+: error \[[a-z0-9-]+\] /);
		// the messages, then the summary under them, counted in good English
		expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^\d+ errors?, \d+ warnings?$/);
		const json = JSON.parse(cli(dir, '--json').stdout);
		expect(json.ok).toBe(false);
		expect(json.errors[0]).toHaveProperty('questionId');
		expect(json.errors[0]).toHaveProperty('line');
	});

	it('checks one article when given its folder (issue 17)', () => {
		const r = cli(`questions/${SLUG}/`);
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		const summaries = r.stdout.split('\n').filter((l) => / paragraphs?, /.test(l));
		expect(summaries).toEqual([
			expect.stringMatching(new RegExp(`^${SLUG}: 12 paragraphs, \\d+ questions proven$`))
		]);
		const json = JSON.parse(cli(`questions/${SLUG}`, '--json').stdout);
		expect(json.articles.map((a: { slug: string }) => a.slug)).toEqual([SLUG]);
	});

	it('exits 2 with one line, no stack trace, for a missing folder', () => {
		const r = cli('no/such/folder');
		expect(r.status).toBe(2);
		expect(r.stderr.trim()).toBe('dalil check: question bank folder not found: no/such/folder');
	});

	it('exits 2 for a YAML syntax error, naming file and line', () => {
		const dir = mkdtempSync(join(tmpdir(), 'dalil-yaml-'));
		temps.push(dir);
		cpSync('questions', dir, { recursive: true });
		writeFileSync(join(dir, SLUG, 'broken.yaml'), 'questions:\n  - id: [oops\n');
		const r = cli(dir);
		expect(r.status).toBe(2);
		expect(r.stdout).toMatch(/broken\.yaml:\d+:\d+: error YAML: /);
		expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
	});
});
