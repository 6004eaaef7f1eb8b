/**
 * Bench figures of the teacher's pages (issues 13 and 14), on the production build (`vite build`
 * first): the review page of an assignment of a class (40 students × 20 questions) and of a year
 * group (200 × 30), and the results page of the class's assignment, p99 over HTTP with one
 * connection (one teacher at a time: the page's own work, no queue), beside node's own http server
 * answering the same HTML bytes in the same conditions.
 *
 * The app runs as `npm start` serves it, on a SQLite file of its own: the bench signs up its first
 * teacher through the sign-up form (the session is a real cookie), then writes the class, the
 * students and their submitted attempts into the same file, as submissions would.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { createAssignment } from '../assignments';
import { openDatabase } from '../db/connect';
import type { Database } from '../db/schema';
import { insertAttempt, submitStored, type StoredGrade } from '../stored-attempts';
import type { Answers } from '../../quiz/form';
import type { GradedAnswer } from '../../stats/types';
import { BENCH_SPEC } from './assign';
import { bareServer, freePort, load, start, stop } from './http';
import { figure } from './measure';
import { syntheticAssignment } from './review';
import type { Figure, Suite } from './types';

/** The article the assignments name (the page shows its language; questions are synthetic). */
const ARTICLE = 'sarraj-africom-zuwara';

/** Assignments measured: a class (40 students × 20 questions), and a year group (200 × 30). */
const SIZES = [
	[40, 20],
	[200, 30]
] as const;

/** The session cookie of a first teacher signed up through the form, as a `cookie` header. */
async function signUp(base: string): Promise<string> {
	const res = await fetch(`${base}/teacher/sign-up?/signUp`, {
		method: 'POST',
		body: new URLSearchParams({
			name: 'Bench Teacher',
			email: 'bench@example.org',
			password: 'a long bench password'
		}),
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: base
		},
		redirect: 'manual'
	});
	const cookie = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
	if (res.status !== 303 || !cookie.includes('session_token')) {
		throw new Error(`the bench teacher could not sign up: ${res.status}`);
	}
	return cookie;
}

/**
 * A class of `students` of the (only) teacher, with one assignment of `questions` questions that
 * every student submitted: synthetic graded answers (`syntheticAssignment`), stored as a
 * submission stores them. Returns the assignment's id.
 */
async function seedAssignment(
	db: Kysely<Database>,
	students: number,
	questions: number
): Promise<string> {
	const teacher = await db.selectFrom('user').select('id').executeTakeFirstOrThrow();
	const classId = `bench-${students}x${questions}`;
	await db
		.insertInto('class')
		.values({
			id: classId,
			teacher_id: teacher.id,
			name: classId,
			join_code: classId,
			created_at: 0
		})
		.execute();
	const studentIds = Array.from({ length: students }, (_, i) => `${classId}-s${i}`);
	await db
		.insertInto('student')
		.values(
			studentIds.map((id, i) => ({
				id,
				class_id: classId,
				name: `Student ${i + 1}`,
				created_at: 0,
				removed_at: null,
				reentry_hash: null,
				reentry_expires_at: null
			}))
		)
		.execute();
	const assignmentId = await createAssignment(db, classId, {
		...BENCH_SPEC,
		article: ARTICLE,
		n: questions
	});
	const { items, answers } = syntheticAssignment(students, questions, classId);
	const ids = items.map((i) => i.id);
	const byAttempt = new Map<string, GradedAnswer[]>();
	for (const a of answers) {
		const list = byAttempt.get(a.attemptId);
		if (list) list.push(a);
		else byAttempt.set(a.attemptId, [a]);
	}
	for (const [s, studentId] of studentIds.entries()) {
		const attempt = await insertAttempt(db, {
			owner: { kind: 'student', studentId, assignmentId },
			slug: ARTICLE,
			query: '',
			ids
		});
		const given: Answers = {};
		const grades: Record<string, StoredGrade> = {};
		for (const a of byAttempt.get(`attempt-${s}`) ?? []) {
			if (a.response) given[a.questionId] = a.response;
			grades[a.questionId] = {
				score: a.score,
				verdict: a.verdict,
				reason: a.reason,
				unsure: a.unsure
			};
		}
		const submitted = { at: Date.now(), late: false, results: grades };
		await submitStored(db, { ...attempt, answers: given, submitted }, grades);
	}
	return assignmentId;
}

/**
 * A teacher page's p99 with one connection, and the bare server's with the same bytes.
 * @param url the page
 * @param cookie the teacher's session
 * @param dir where to keep the page's bytes for the bare server
 */
async function pageP99(url: string, cookie: string, dir: string): Promise<[number, number]> {
	const res = await fetch(url, { headers: { cookie }, redirect: 'manual' });
	if (res.status !== 200) throw new Error(`${url}: ${res.status}, not the page`);
	const file = join(dir, 'page.html');
	writeFileSync(file, await res.text());
	const bare = await bareServer(file);
	try {
		const baseline = await load({ url: bare.url, connections: 1 });
		const page = await load({ url, headers: { cookie }, connections: 1 });
		if (page.failed) throw new Error(`${page.failed} requests of ${url} failed during the load`);
		return [page.p99, baseline.p99];
	} finally {
		stop(bare.child);
	}
}

export const teacherSuite: Suite = {
	name: 'teacher',
	async run() {
		if (!existsSync('build/index.js')) {
			throw new Error(
				'the teacher bench measures the production build: run `npx vite build` first'
			);
		}
		const figures: Figure[] = [];
		const dir = mkdtempSync(join(tmpdir(), 'dalil-teacher-bench-'));
		const file = join(dir, 'bench.db');
		let app: ChildProcess | undefined;
		const handle = openDatabase({ dialect: 'sqlite', file });
		try {
			const port = await freePort();
			const base = `http://127.0.0.1:${port}`;
			app = await start(
				['scripts/start.js'],
				{ PORT: String(port), HOST: '127.0.0.1', DALIL_DB: file },
				`${base}/`
			);
			const cookie = await signUp(base);
			for (const [students, questions] of SIZES) {
				const id = await seedAssignment(handle.db, students, questions);
				const [page, bare] = await pageP99(`${base}/teacher/assignments/${id}/review`, cookie, dir);
				figures.push(
					figure(
						`review page p99, ${students} students × ${questions} questions, one connection (baseline: bare node serving its HTML)`,
						page,
						'ms',
						bare,
						'≤ 50 ms'
					)
				);
				if (students !== 40) continue;
				// the results page of the same class: scores, grid, mastery and item statistics
				const [results, resultsBare] = await pageP99(
					`${base}/teacher/assignments/${id}`,
					cookie,
					dir
				);
				figures.push(
					figure(
						`results page p99, ${students} students × ${questions} questions, one connection (baseline: bare node serving its HTML)`,
						results,
						'ms',
						resultsBare,
						'≤ 50 ms'
					)
				);
			}
		} finally {
			stop(app);
			await handle.close();
			rmSync(dir, { recursive: true, force: true });
		}
		return figures;
	}
};
