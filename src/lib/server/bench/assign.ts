/**
 * Bench figures of assignments (issue 13): durable submissions per second on SQLite and on
 * PostgreSQL, each beside a bare loop inserting the same rows (the least a durable submission must
 * write); item statistics over 10,000 attempts; and the data of the results page of a 40-student,
 * 20-question assignment, p99, beside a bare select of the same rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import {
	createDatabase,
	dropDatabase,
	ensurePostgres,
	uniqueDatabaseName
} from '../../../../scripts/ensure-postgres.js';
import { assignmentResults } from '../../assign/results';
import type { AssignmentSpec } from '../../assign/spec';
import { itemStatistics } from '../../stats/items';
import { createAssignment, resultsInput } from '../assignments';
import { openDatabase, type DatabaseHandle } from '../db/connect';
import { dialectOf } from '../db/dialect';
import { migrateToLatest } from '../db/migrate';
import type { Database } from '../db/schema';
import { insertAttempt, submitStored, type StoredAttempt } from '../stored-attempts';
import { figure, medianMs } from './measure';
import { syntheticAssignment } from './review';
import type { Figure, Suite } from './types';

const SUBMISSIONS = 200;
const QUESTIONS = 20;

/** The assignment the bench's classes are set (a shared test; suites change its size and article). */
export const BENCH_SPEC: AssignmentSpec = {
	title: 'Bench',
	article: 'bench',
	n: QUESTIONS,
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
	seed: 'bench'
};

const ids = Array.from({ length: QUESTIONS }, (_, i) => `q${i + 1}`);

/** A class of `students`, one assignment; returns the assignment's id and the students' ids. */
async function seed(db: Kysely<Database>, students: number) {
	const at = new Date(0).toISOString();
	const emailVerified = dialectOf(db as Kysely<unknown>) === 'postgres' ? false : 0;
	await db
		.insertInto('user')
		.values({
			id: 'u',
			name: 'T',
			email: 't@x',
			emailVerified,
			image: null,
			createdAt: at,
			updatedAt: at
		})
		.execute();
	await db
		.insertInto('class')
		.values({ id: 'c', teacher_id: 'u', name: 'C', join_code: 'ACDEFG', created_at: 0 })
		.execute();
	const studentIds = Array.from({ length: students }, (_, i) => `s${i}`);
	await db
		.insertInto('student')
		.values(
			studentIds.map((id) => ({
				id,
				class_id: 'c',
				name: id,
				created_at: 0,
				removed_at: null,
				reentry_hash: null,
				reentry_expires_at: null
			}))
		)
		.execute();
	return { assignmentId: await createAssignment(db, 'c', BENCH_SPEC), studentIds };
}

/** A submitted copy of an attempt: every question answered, every other one right. */
function submitted(attempt: StoredAttempt, at: number) {
	const answers = Object.fromEntries(
		ids.map((id) => [id, { type: 'short' as const, text: 'زوارة' }])
	);
	const results = Object.fromEntries(
		ids.map((id, i) => [
			id,
			i % 2 ? { score: 1, verdict: 'correct' as const } : { score: 0, verdict: 'wrong' as const }
		])
	);
	return { ...attempt, answers, submitted: { at, late: false, results } };
}

/** Durable submissions per second, and the bare insert loop's, on one database. */
async function submissionsPerSecond(handle: DatabaseHandle): Promise<[number, number]> {
	const { db } = handle;
	await migrateToLatest(db);
	const { assignmentId, studentIds } = await seed(db, SUBMISSIONS * 2);
	const start = (studentId: string) =>
		insertAttempt(db, {
			owner: { kind: 'student', studentId, assignmentId },
			slug: 'bench',
			query: '',
			ids
		});
	const durable: StoredAttempt[] = [];
	const bare: StoredAttempt[] = [];
	for (const [i, s] of studentIds.entries()) (i % 2 ? bare : durable).push(await start(s));

	let t0 = performance.now();
	for (const attempt of durable) await submitStored(db, submitted(attempt, Date.now()));
	const durableRate = durable.length / ((performance.now() - t0) / 1000);

	t0 = performance.now();
	for (const attempt of bare) {
		const s = submitted(attempt, Date.now());
		await db.transaction().execute(async (trx) => {
			await trx
				.insertInto('answer')
				.values(ids.map((q) => ({ attempt_id: s.id, question_id: q, response: '{}', saved_at: 0 })))
				.execute();
			await trx
				.insertInto('grade')
				.values(
					ids.map((q) => ({
						attempt_id: s.id,
						question_id: q,
						score: s.submitted.results[q].score,
						verdict: s.submitted.results[q].verdict,
						rule: null,
						reason: null,
						unsure: 0,
						grader_version: '1',
						graded_at: 0
					}))
				)
				.execute();
		});
	}
	const bareRate = bare.length / ((performance.now() - t0) / 1000);
	return [durableRate, bareRate];
}

/** The results page's data for 40 students × 20 questions: p99 of 100 loads, and a bare select's. */
async function resultsP99(handle: DatabaseHandle): Promise<[number, number]> {
	const { db } = handle;
	await migrateToLatest(db);
	const { assignmentId, studentIds } = await seed(db, 40);
	for (const studentId of studentIds) {
		const attempt = await insertAttempt(db, {
			owner: { kind: 'student', studentId, assignmentId },
			slug: 'bench',
			query: '',
			ids
		});
		await submitStored(db, submitted(attempt, Date.now()));
	}
	const questions = new Map(ids.map((id, i) => [id, { id, paragraphs: [`p${(i % 12) + 1}`] }]));
	const paragraphs = Array.from({ length: 12 }, (_, i) => ({ id: `p${i + 1}`, n: i + 1 }));
	const p99 = async (fn: () => Promise<unknown>) => {
		const times: number[] = [];
		for (let i = 0; i < 100; i++) {
			const t0 = performance.now();
			await fn();
			times.push(performance.now() - t0);
		}
		times.sort((a, b) => a - b);
		return times[98];
	};
	const page = await p99(async () => {
		const { roster, attempts } = await resultsInput(db, { id: assignmentId, classId: 'c' });
		assignmentResults(roster, questions, attempts, paragraphs);
	});
	const bare = await p99(() =>
		db.selectFrom('grade').selectAll().where('attempt_id', 'is not', null).execute()
	);
	return [page, bare];
}

/** A fresh SQLite file, disposed of afterwards. */
async function withSqlite<T>(fn: (h: DatabaseHandle) => Promise<T>): Promise<T> {
	const dir = mkdtempSync(join(tmpdir(), 'dalil-bench-'));
	const handle = openDatabase({ dialect: 'sqlite', file: join(dir, 'bench.db') });
	try {
		return await fn(handle);
	} finally {
		await handle.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

/** A fresh PostgreSQL database, dropped afterwards. */
async function withPostgres<T>(fn: (h: DatabaseHandle) => Promise<T>): Promise<T> {
	const admin = await ensurePostgres();
	const name = uniqueDatabaseName('dalil_bench');
	const handle = openDatabase({ dialect: 'postgres', url: await createDatabase(admin, name) });
	try {
		return await fn(handle);
	} finally {
		await handle.close();
		await dropDatabase(admin, name);
	}
}

export const assignSuite: Suite = {
	name: 'assignments',
	async run() {
		const figures: Figure[] = [];
		for (const [label, open] of [
			['SQLite (WAL, synchronous FULL)', withSqlite],
			['PostgreSQL', withPostgres]
		] as const) {
			const [durable, bare] = await open(submissionsPerSecond);
			figures.push(
				figure(
					`durable submissions per second, ${QUESTIONS} answers + grades each, ${label} (baseline: bare insert loop of the same rows)`,
					durable,
					'/s',
					bare,
					'as high as it goes'
				)
			);
		}
		const [page, bareSelect] = await withSqlite(resultsP99);
		figures.push(
			figure(
				'results page data (queries + aggregation), 40 students × 20 questions, p99, SQLite (baseline: bare select of the grades)',
				page,
				'ms',
				bareSelect,
				'≤ 50 ms'
			)
		);
		const { items, answers } = syntheticAssignment(10_000, 10, 'assign');
		let sink = 0;
		const stats = await medianMs(() => (sink += itemStatistics(items, answers).length), 5);
		const bareSum = await medianMs(() => {
			for (const a of answers) sink += a.score;
		}, 5);
		if (sink < 0) console.log(sink);
		figures.push(
			figure(
				'item statistics over 10,000 attempts × 10 questions (baseline: one pass summing the scores)',
				stats,
				'ms',
				bareSum,
				'≤ 100 ms'
			)
		);
		return figures;
	}
};
