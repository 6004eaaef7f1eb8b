/** `dalil grade`: JSON lines and CSV in, one result per input out, bad lines skipped by number. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const grade = (...args: string[]) =>
	spawnSync(process.execPath, ['scripts/dalil.js', 'grade', ...args], {
		cwd: root,
		encoding: 'utf8'
	});

/** Each test spawns node: on a loaded machine that takes far longer than Vitest's default 5 s. */
const SPAWNS = { timeout: 60_000 };

describe('dalil grade', () => {
	it('grades JSON lines with quick keys, reports bad lines and exits 1', SPAWNS, () => {
		const r = grade('tests/grading/fixtures/answers.jsonl');
		expect(r.status).toBe(1);
		const out = r.stdout
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l));
		const byId = Object.fromEntries(out.map((o) => [o.id, o]));
		expect(Object.keys(byId)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6', 's10']);
		expect(byId.s1).toMatchObject({ correct: true, score: 1, verdict: 'correct' });
		expect(byId.s1.evidence).toEqual([{ paragraph: 'p3', start: 32, end: 37 }]);
		expect(byId.s2).toMatchObject({ correct: false, score: 0 });
		expect(byId.s3).toMatchObject({ correct: true, type: 'numeric' });
		expect(byId.s4.correct).toBe(false);
		expect(byId.s5.correct).toBe(true);
		expect(byId.s6).toMatchObject({ correct: false, score: 0.5, verdict: 'partial' });
		expect(byId.s10.correct).toBe(true);
		for (const o of out) expect(o).toHaveProperty('reason');
		// the named rule that decided, and whether the grader asks for review
		expect(byId.s1.rule).toMatch(/^(exact-form|key-words)$/);
		expect(byId.s2.rule).not.toBe('exact-form');
		for (const o of out) expect(typeof o.review).toBe('boolean');
		expect(r.stderr).toMatch(/answers\.jsonl:7: skipped: not JSON/);
		expect(r.stderr).toMatch(/answers\.jsonl:8: skipped \(id s8\): no `response`/);
		expect(r.stderr).toMatch(/answers\.jsonl:9: skipped \(id s9\): no question «no-such-question»/);
		expect(r.stderr).toMatch(/7 graded: 4 correct, 1 partial, 2 wrong; \d+ to review; 3 skipped/);
	});

	it('grades CSV to CSV', SPAWNS, () => {
		const r = grade('tests/grading/fixtures/answers.csv');
		expect(r.status).toBe(0);
		expect(r.stdout.startsWith('\uFEFFid,correct,')).toBe(true);
		const rows = parse(r.stdout, { columns: true, bom: true }) as Record<string, string>[];
		expect(rows.every((x) => x.rule !== '')).toBe(true);
		expect(rows.map((x) => [x.id, x.correct])).toEqual([
			['c1', 'true'],
			['c2', 'false'],
			['c3', 'true'],
			['c4', 'true'],
			['c5', 'false']
		]);
		expect(r.stderr).toMatch(/5 graded/);
	});

	it('grades answers to bank questions, and skips a response of the wrong shape', SPAWNS, () => {
		const r = grade('tests/grading/fixtures/bank-answers.jsonl');
		const out = r.stdout
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l));
		const byId = Object.fromEntries(out.map((o) => [o.id, o]));
		expect(byId.b1).toMatchObject({ correct: true, question: 'meeting-day' });
		expect(byId.b2.correct).toBe(false);
		expect(byId.b3.correct).toBe(true);
		expect(byId.b4.correct).toBe(true);
		expect(byId.b5).toMatchObject({ verdict: 'partial', score: 0.667 });
		expect(byId.b6.correct).toBe(true);
		expect(byId.b7).toBeUndefined();
		expect(r.stderr).toMatch(
			/bank-answers\.jsonl:7: skipped \(id b7\): this is a numeric question/
		);
		expect(r.status).toBe(1);
	});

	it('says what is wrong with the command line', SPAWNS, () => {
		expect(grade().status).toBe(2);
		expect(grade('nope.jsonl').stderr).toMatch(/no such file/);
		const r = grade('tests/grading/fixtures/answers.txt');
		expect(r.status).toBe(2);
	});
});
