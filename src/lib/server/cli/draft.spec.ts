import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { strictResult, exitCode } from '../../bank/check';
import { loadBank, loadDrafts } from '../bank';
import { run } from './draft';

const dir = mkdtempSync(join(tmpdir(), 'dalil-draft-'));
const SLUG = 'harbour-library';
cpSync(join('questions', SLUG), join(dir, SLUG), { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dalil draft', () => {
	it('writes drafts.yaml that `dalil check --strict` proves and the server does not serve', async () => {
		const before = loadBank(dir);
		expect(await run([join(dir, SLUG)])).toBe(0);
		const file = join(dir, SLUG, 'drafts.yaml');
		expect(existsSync(file)).toBe(true);
		expect(readFileSync(file, 'utf8')).toMatch(/^ {2}# rule: [a-z-]+ — /m);
		// the server's bank is what it was: no draft is served
		const served = loadBank(dir);
		const ids = (r: typeof served) => r.articles.flatMap((a) => a.questions.map((q) => q.id));
		expect(ids(served)).toEqual(ids(before));
		// the check proves every draft, strictly
		const drafts = strictResult(loadDrafts(dir));
		expect(drafts.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		expect(exitCode(drafts)).toBe(0);
		expect(drafts.articles[0].questions.length).toBeGreaterThan(10);
		expect(ids(drafts).some((id) => ids(served).includes(id))).toBe(false);
	}, 60_000);

	it('refuses a folder without article.md and an unknown type, with exit code 2', async () => {
		expect(await run([join(dir, 'nothing-here')])).toBe(2);
		expect(await run([join(dir, SLUG), '--types', 'essay'])).toBe(2);
		expect(await run([])).toBe(2);
	});

	it('writes where -o says, keeping to --types and --max', async () => {
		const out = join(dir, 'few.yaml');
		expect(await run([join(dir, SLUG), '--types', 'single,numeric', '--max', '3', '-o', out])).toBe(
			0
		);
		const text = readFileSync(out, 'utf8');
		expect(text.match(/^ {2}- id: /gm)).toHaveLength(3);
		expect(text.match(/^ {4}type: (\w+)/gm)?.every((l) => /single|numeric/.test(l))).toBe(true);
	}, 60_000);
});
