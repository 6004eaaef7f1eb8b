import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv, readJsonLines, UnusableCsv } from './grade';

const dir = mkdtempSync(join(tmpdir(), 'dalil-grade-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `dalil grade` on a file holding `content`. */
function grade(name: string, content: string | Buffer) {
	writeFileSync(join(dir, name), content);
	return spawnSync(process.execPath, ['scripts/dalil.js', 'grade', join(dir, name)], {
		encoding: 'utf8'
	});
}

describe('dalil grade input', { timeout: 30_000 }, () => {
	it('builds records without a prototype, and refuses a __proto__ field or column', () => {
		const [line] = readJsonLines('{"id":"p1","__proto__":{"expected":"x"},"response":"x"}');
		expect(line.error).toBe('a field may not be named __proto__');
		const [ok] = readJsonLines('{"id":"p1","response":"x","expected":"x"}');
		expect(Object.getPrototypeOf(ok.record)).toBe(null);
		expect(() => readCsv('id,response,expected,__proto__\ns1,x,x,{}\n')).toThrow(UnusableCsv);
	});

	it('refuses a CSV without a header row, or with a column twice', () => {
		expect(() => readCsv('s1,مدينة زوارة,زوارة\n')).toThrow(/first row names the columns/);
		expect(() => readCsv('id,response,response,expected\ns1,a,b,c\n')).toThrow(
			'the column «response» appears twice'
		);
	});

	it('refuses a numeric response rather than grade it as empty', () => {
		const [line] = readJsonLines('{"id":"n1","response":120,"expected":"120 كلم"}');
		expect(line.error).toMatch(/`response` is a number/);
	});

	it('exits non-zero with a message for each, never "0 graded" and exit 0', () => {
		const noHeader = grade('no-header.csv', 's1,مدينة زوارة,زوارة\n');
		expect(noHeader.status).toBe(2);
		expect(noHeader.stderr).toMatch(/first row names the columns/);
		const binary = grade('binary.csv', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0xff, 0xfe, 10]));
		expect(binary.status).toBe(2);
		expect(binary.stderr).toMatch(/not a text file/);
		const numeric = grade('numeric.jsonl', '{"id":"n1","response":120,"expected":"120 كلم"}\n');
		expect(numeric.status).toBe(1);
		const empty = grade('empty.jsonl', '\n');
		expect(empty.status).toBe(1);
		expect(empty.stderr).toMatch(/no answers to grade/);
		const fine = grade('fine.csv', 'id,response,expected\ns1,مدينة زوارة,زوارة\n');
		expect(fine.status).toBe(0);
	});
});
