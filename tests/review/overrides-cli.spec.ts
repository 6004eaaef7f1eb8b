/**
 * The CLI end to end on a copy of the real bank and a SQLite file: teachers' overrides stored by
 * the review module, `dalil overrides export` writes the patch, `dalil overrides apply` applies it,
 * `dalil check` passes, and `dalil regrade` then finds the grader agreeing with the teachers.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AssignmentSpec } from '../../src/lib/assign/spec';
import type { BankQuestion } from '../../src/lib/bank/check';
import { exitCode } from '../../src/lib/bank/check';
import { gradeAnswer } from '../../src/lib/quiz/take';
import { createAssignment } from '../../src/lib/server/assignments';
import { loadBank } from '../../src/lib/server/bank';
import { run as check } from '../../src/lib/server/cli/check';
import { parseSince, run as overrides } from '../../src/lib/server/cli/overrides';
import { run as regrade } from '../../src/lib/server/cli/regrade';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../src/lib/server/db';
import { overrideGroup } from '../../src/lib/server/review';
import { insertAttempt, submitStored } from '../../src/lib/server/stored-attempts';
import { foldedForm } from '../../src/lib/stats/groups';
import { foldArabic } from '../../src/lib/text/normalize';

const dir = mkdtempSync(join(tmpdir(), 'dalil-overrides-cli-'));
const bank = join(dir, 'questions');
cpSync('questions', bank, { recursive: true });
const dbFile = join(dir, 'dalil.db');
const patchFile = join(dir, 'patch.yaml');

const original = loadBank(bank);
const article = original.articles[0];
const shorts = article.questions.filter(
	(q): q is BankQuestion & { type: 'short' } => q.type === 'short'
);
const target = shorts.find((q) => q.accept.length >= 2)!;
const listed = new Set([target.answer, ...target.accept, ...target.reject].map(foldArabic));
// another question's key: the grader refuses it here, the teacher accepts it
const newForm = shorts.map((q) => q.answer).find((a) => !listed.has(foldArabic(a)))!;

const spec: AssignmentSpec = {
	title: 'CLI week',
	article: article.slug,
	n: 1,
	types: [],
	skills: [],
	paragraphs: null,
	mode: 'test',
	timeLimit: 0,
	opensAt: 0,
	closesAt: null,
	attemptsAllowed: 1,
	late: 'refuse',
	grace: 0,
	release: 'after-submission',
	show: 'answers',
	variant: 'shared',
	seed: 'cli'
};

let handle: DatabaseHandle;
let assignmentId = '';
let attemptId = '';
const logs: string[] = [];

beforeAll(async () => {
	process.env.DALIL_DB = dbFile;
	delete process.env.DATABASE_URL;
	vi.spyOn(console, 'log').mockImplementation((...a) => void logs.push(a.join(' ')));
	vi.spyOn(console, 'error').mockImplementation((...a) => void logs.push(a.join(' ')));
	handle = openDatabase({ dialect: 'sqlite', file: dbFile });
	await migrateToLatest(handle.db);
	const at = new Date(0).toISOString();
	await handle.db
		.insertInto('user')
		.values({
			id: 'u1',
			name: 'T',
			email: 't@example.org',
			emailVerified: 0,
			image: null,
			createdAt: at,
			updatedAt: at
		})
		.execute();
	await handle.db
		.insertInto('class')
		.values({ id: 'c1', teacher_id: 'u1', name: 'C', join_code: 'ACDEFG', created_at: 0 })
		.execute();
	await handle.db
		.insertInto('student')
		.values({
			id: 's1',
			class_id: 'c1',
			name: 'Amal',
			created_at: 0,
			removed_at: null,
			reentry_hash: null,
			reentry_expires_at: null
		})
		.execute();
	assignmentId = await createAssignment(handle.db, 'c1', spec);
	const attempt = await insertAttempt(handle.db, {
		owner: { kind: 'student', studentId: 's1', assignmentId },
		slug: article.slug,
		query: 'n=1',
		ids: [target.id]
	});
	attemptId = attempt.id;
	const response = { type: 'short' as const, text: newForm };
	const r = gradeAnswer(article, target.id, response)!;
	const grade = { score: r.score, verdict: r.verdict, rule: r.rule, reason: r.reason };
	await submitStored(
		handle.db,
		{
			...attempt,
			answers: { [target.id]: response },
			submitted: { at: 1, late: false, results: { [target.id]: grade } }
		},
		{ [target.id]: grade }
	);
	await overrideGroup(handle.db, {
		assignmentId,
		questionId: target.id,
		form: foldedForm(response)!,
		verdict: 'correct',
		score: 1,
		teacherId: 'u1'
	});
}, 60_000);

afterAll(async () => {
	await handle.close();
	vi.restoreAllMocks();
	rmSync(dir, { recursive: true, force: true });
});

// the CLI reads, patches and checks a copy of the whole bank: seconds, more on a loaded machine
describe('dalil overrides and dalil regrade', { timeout: 60_000 }, () => {
	it('starts with the grader refusing what the teacher accepted', () => {
		expect(target && newForm).toBeTruthy();
		expect(gradeAnswer(article, target.id, { type: 'short', text: newForm })?.correct).toBe(false);
	});

	it('reads --since as a date and refuses what is not one', () => {
		expect(parseSince('2026-12-01')).toBe(Date.UTC(2026, 11, 1));
		expect(() => parseSince('yesterday')).toThrow(/not a date/);
	});

	it('exports nothing since a later date, and the accepted form otherwise', async () => {
		expect(
			await overrides(['export', '--questions', bank, '--since', '2999-01-01', '-o', patchFile])
		).toBe(0);
		expect(readFileSync(patchFile, 'utf8')).toContain('suggestions: []');
		expect(await overrides(['export', '--questions', bank, '-o', patchFile])).toBe(0);
		const text = readFileSync(patchFile, 'utf8');
		expect(text).toContain(`question: ${target.id}`);
		expect(text).toContain('add: accept');
		expect(text).toContain(newForm);
	});

	it('applies the patch to the bank, and dalil check passes with the new form proven', async () => {
		expect(await overrides(['apply', patchFile, '--questions', bank])).toBe(0);
		expect(await check([bank, '--strict'])).toBe(0);
		const patched = loadBank(bank);
		expect(exitCode(patched)).toBe(0);
		const a = patched.articles.find((x) => x.slug === article.slug)!;
		expect(gradeAnswer(a, target.id, { type: 'short', text: newForm })?.correct).toBe(true);
	});

	it('regrades the assignment: the override survives, the score stays', async () => {
		logs.length = 0;
		expect(await regrade(['--assignment', assignmentId, '--questions', bank])).toBe(0);
		expect(logs.join('\n')).toContain(
			"1 attempt(s) regraded, 0 score(s) changed, 1 answer(s) kept a teacher's verdict"
		);
		const row = await handle.db
			.selectFrom('grade')
			.select(['score', 'override_id', 'grader_verdict'])
			.where('attempt_id', '=', attemptId)
			.executeTakeFirstOrThrow();
		// the grader now agrees with the teacher, whose override still stands
		expect(row).toMatchObject({ score: 1, grader_verdict: 'correct' });
		expect(row.override_id).toBeTruthy();
	});

	it('says what is wrong with its arguments', async () => {
		expect(await regrade([])).toBe(2);
		expect(await regrade(['--assignment', 'nope', '--questions', bank])).toBe(1);
		expect(await overrides(['apply', join(dir, 'missing.yaml')])).toBe(2);
		expect(await overrides(['frobnicate'])).toBe(2);
		expect(existsSync(dbFile)).toBe(true);
	});
});
