/**
 * Nothing acknowledged is lost (issue 13, reliability): a child process submits attempts (and
 * saves others) in parallel and prints each acknowledgement; the process is killed with SIGKILL
 * midway; the database, opened again, must hold every acknowledged submission, graded and counted
 * once, and every acknowledged save. On SQLite (WAL, synchronous FULL) and PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { insertAttempt, readAttempt } from '../stored-attempts';

const SUBMISSIONS = 400;
const SAVES = 3;
/** acknowledgements seen before the kill */
const KILL_AFTER = 60;

let dir = '';
let child = '';

beforeAll(async () => {
	// inside node_modules, so the bundle's packages resolve as the app's do
	dir = mkdtempSync(join(process.cwd(), 'node_modules', '.dalil-durability-'));
	child = join(dir, 'child.mjs');
	await build({
		entryPoints: [join(import.meta.dirname, 'child.ts')],
		outfile: child,
		bundle: true,
		platform: 'node',
		format: 'esm',
		packages: 'external',
		logLevel: 'silent'
	});
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the child until `KILL_AFTER` acknowledgements, kills it, and returns what it printed. */
function runAndKill(where: string, submit: string[], save: string[]): Promise<string[]> {
	return new Promise((resolve, reject) => {
		const proc = spawn(
			process.execPath,
			[child, where, JSON.stringify(submit), JSON.stringify(save)],
			{
				cwd: process.cwd(),
				stdio: ['ignore', 'pipe', 'pipe']
			}
		);
		let out = '';
		let errors = '';
		proc.stdout.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			if (out.split('\n').filter((l) => l.startsWith('submitted')).length >= KILL_AFTER) {
				proc.kill('SIGKILL');
			}
		});
		proc.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
		proc.on('exit', (code, signal) => {
			if (signal !== 'SIGKILL')
				reject(new Error(`child ended (${code}) before the kill: ${errors}`));
			else resolve(out.split('\n').filter(Boolean));
		});
	});
}

describeEachDatabase((database) => {
	it('keeps every acknowledged submission and save through a SIGKILL', async () => {
		const handle = database();
		const { db } = handle;
		const attempts = [];
		for (let i = 0; i < SUBMISSIONS + SAVES; i++) {
			attempts.push(
				await insertAttempt(db, {
					owner: { kind: 'anonymous', clientHash: `client-${i}` },
					slug: 'harbour-town',
					query: 'n=2',
					ids: ['who-met', 'where-met']
				})
			);
		}
		const submit = attempts.slice(0, SUBMISSIONS).map((a) => a.id);
		const save = attempts.slice(SUBMISSIONS).map((a) => a.id);
		// a test database's URL has no password, so `where` (redacted for messages) is the URL
		const lines = await runAndKill(handle.where, submit, save);

		const acknowledged = lines.filter((l) => l.startsWith('submitted ')).map((l) => l.slice(10));
		expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
		expect(acknowledged.length).toBeLessThan(SUBMISSIONS);
		for (const id of acknowledged) {
			const stored = await readAttempt(db, id);
			expect(stored?.submitted?.results).toEqual({
				'who-met': { score: 1, verdict: 'correct' },
				'where-met': { score: 1, verdict: 'correct' }
			});
			expect(stored?.answers['who-met']).toEqual({ type: 'short', text: id });
		}
		const grades = await db
			.selectFrom('grade')
			.select((eb) => ['attempt_id', eb.fn.countAll<number>().as('n')])
			.groupBy('attempt_id')
			.execute();
		for (const g of grades) expect(Number(g.n)).toBe(2);

		const lastSaved = new Map<string, number>();
		for (const l of lines.filter((l) => l.startsWith('saved '))) {
			const [, id, text] = l.split(' ');
			lastSaved.set(id, Number(text.split('-').pop()));
		}
		expect(lastSaved.size).toBe(SAVES);
		for (const [id, round] of lastSaved) {
			const text = ((await readAttempt(db, id))?.answers['who-met'] as { text: string }).text;
			// the last acknowledged save, or one after it that committed before the kill
			expect(Number(text.split('-').pop())).toBeGreaterThanOrEqual(round);
		}
	}, 120_000);
});
