/**
 * The migrations, one at a time, on both databases: rows written while a database stood at an
 * earlier migration (as the app of that time wrote them) survive every later one, and today's app
 * reads them. The list is forward only, and Better Auth's own planner finds nothing to create or
 * add once ours have run.
 */
import { betterAuth } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { Migrator, sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignmentSpec as parseSpec } from '../../assign/spec';
import { FIXTURE_SPEC } from '../assignments.fixtures';
import { assignmentById } from '../assignments';
import { auditOf, audit } from '../audit';
import { authOptions } from '../auth';
import { listClasses, roster, studentDevice } from '../classes';
import { marksOnArticles, markAssessment } from '../assessment-marks';
import { rateLimit } from '../rate-limit';
import { assignmentOverrides } from '../review';
import { insertAttempt, readAttempt } from '../stored-attempts';
import type { DatabaseHandle } from './connect';
import type { DialectName } from './dialect';
import { hashToken } from './ids';
import { migrateToLatest } from './migrate';
import { migrations } from './migrations';
import type { Database } from './schema';
import { sharedSetting } from './settings';
import { createTestDatabase, DIALECTS, type TestDatabase } from './testing';

/**
 * Every migration that has landed, in order. A landed migration is never renamed or removed (a
 * database that ran it would refuse to start); a new one is added at the end, here too.
 */
const LANDED = [
	'0001_accounts',
	'0002_classes',
	'0003_assignments',
	'0004_overrides',
	'0005_quiz_attempts',
	'0006_assessment_marks'
];

describe('the migration list', () => {
	const names = Object.keys(migrations);

	it('keeps every landed migration, in order, and adds new ones after them', () => {
		expect(names.slice(0, LANDED.length)).toEqual(LANDED);
	});

	it('is numbered 0001, 0002, … in the order it runs, and only goes up', () => {
		expect([...names].sort()).toEqual(names);
		names.forEach((name, i) => {
			expect(name).toMatch(/^\d{4}_[a-z0-9_]+$/);
			expect(Number(name.slice(0, 4))).toBe(i + 1);
			expect(migrations[name].down, `${name} has a down`).toBeUndefined();
		});
	});
});

const NOW = Date.UTC(2026, 0, 5, 9);
const ISO = new Date(NOW).toISOString();
const LATER = new Date(NOW + 30 * 24 * 3600_000).toISOString();
const STUDENT_ATTEMPT = 'attempt-student-000001';
const OLD_ANONYMOUS = 'attempt-anonymous-0001';
const DEVICE_TOKEN = 'device-token-of-s1';
const JOIN_RULE = { limit: 5, windowMs: 3600_000 };
const SECRET = 'a-test-secret-of-thirty-two-chars';
const ORIGIN = 'http://localhost:5173';

/** Inserts a row as the schema of its time holds it (not through today's table types). */
async function insertRow(db: Kysely<Database>, table: string, row: Record<string, unknown>) {
	const columns = Object.keys(row);
	await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
		values (${sql.join(columns.map((c) => row[c]))})`.execute(db);
}

/**
 * What the app of each migration's time stored, written right after that migration ran (before
 * the next). Rows go through the app's own functions where today's still write that schema.
 */
const SEEDS: Record<string, (handle: DatabaseHandle) => Promise<void>> = {
	'0001_accounts': async ({ db, dialect }) => {
		await insertRow(db, 'user', {
			id: 'u1',
			name: 'Hala',
			email: 'hala@example.org',
			emailVerified: dialect === 'postgres' ? false : 0,
			image: null,
			createdAt: ISO,
			updatedAt: ISO
		});
		await insertRow(db, 'session', {
			id: 'sess1',
			expiresAt: LATER,
			token: 'session-token-1',
			updatedAt: ISO,
			userId: 'u1'
		});
		await insertRow(db, 'account', {
			id: 'acc1',
			accountId: 'u1',
			providerId: 'credential',
			userId: 'u1',
			password: 'salt:hash',
			updatedAt: ISO
		});
		await insertRow(db, 'verification', {
			id: 'ver1',
			identifier: 'reset-password:x',
			value: 'u1',
			expiresAt: LATER
		});
	},
	'0002_classes': async ({ db }) => {
		await insertRow(db, 'class', {
			id: 'c1',
			teacher_id: 'u1',
			name: 'الصف الخامس',
			join_code: 'ACDEFG',
			created_at: NOW
		});
		await insertRow(db, 'student', { id: 's1', class_id: 'c1', name: 'أمل', created_at: NOW });
		await insertRow(db, 'student_session', {
			token_hash: hashToken(DEVICE_TOKEN),
			student_id: 's1',
			created_at: NOW,
			expires_at: NOW + 400 * 24 * 3600_000
		});
		await insertRow(db, 'invite', {
			token_hash: hashToken('invite'),
			created_by: 'u1',
			created_at: NOW,
			expires_at: NOW + 1
		});
		await audit(
			db,
			{ actorKind: 'teacher', actorId: 'u1', action: 'class.create', subject: 'c1' },
			NOW
		);
		await sharedSetting(db, 'auth_secret', () => 'the-first-secret');
		expect((await rateLimit(db, 'join', '10.0.0.1', JOIN_RULE, NOW, 0)).count).toBe(1);
	},
	'0003_assignments': async ({ db }) => {
		await insertRow(db, 'assignment', {
			id: 'a1',
			class_id: 'c1',
			title: FIXTURE_SPEC.title,
			article: FIXTURE_SPEC.article,
			mode: FIXTURE_SPEC.mode,
			closes_at: null,
			spec: JSON.stringify(FIXTURE_SPEC),
			created_at: NOW
		});
		// a student's submitted attempt, and an anonymous one in progress (no address yet)
		const attempt = { slug: 'harbour-town', query: 'n=2', started_at: NOW, checks: '{}' };
		await insertRow(db, 'attempt', {
			...attempt,
			id: STUDENT_ATTEMPT,
			assignment_id: 'a1',
			student_id: 's1',
			number: 1,
			question_ids: JSON.stringify(['q1', 'q2']),
			deadline: NOW + 600_000,
			updated_at: NOW + 60_000,
			submitted_at: NOW + 60_000,
			late: 0,
			score: 1.5
		});
		await insertRow(db, 'attempt', {
			...attempt,
			id: OLD_ANONYMOUS,
			number: 1,
			client_hash: 'client-1',
			question_ids: JSON.stringify(['q1']),
			updated_at: NOW
		});
		const answers = [
			[STUDENT_ATTEMPT, 'q1', { type: 'single', choice: 'b' }],
			[STUDENT_ATTEMPT, 'q2', { type: 'short', text: 'الميناء' }],
			[OLD_ANONYMOUS, 'q1', { type: 'truefalse', value: true }]
		] as const;
		for (const [attemptId, questionId, response] of answers) {
			await insertRow(db, 'answer', {
				attempt_id: attemptId,
				question_id: questionId,
				response: JSON.stringify(response),
				saved_at: NOW
			});
		}
		for (const [questionId, score, verdict] of [
			['q1', 1, 'correct'],
			['q2', 0.5, 'partial']
		] as const) {
			await insertRow(db, 'grade', {
				attempt_id: STUDENT_ATTEMPT,
				question_id: questionId,
				score,
				verdict,
				rule: 'exact',
				graded_at: NOW + 60_000
			});
		}
	},
	'0004_overrides': async ({ db }) => {
		await insertRow(db, 'override', {
			id: 'o1',
			assignment_id: 'a1',
			question_id: 'q2',
			form: 'الميناء',
			text: 'الميناء',
			old_verdict: 'partial',
			old_score: 0.5,
			verdict: 'correct',
			score: 1,
			note: 'accepted',
			teacher_id: 'u1',
			created_at: NOW + 120_000
		});
	},
	'0005_quiz_attempts': async ({ db }) => {
		await insertAttempt(
			db,
			{
				id: 'attempt-anonymous-0002',
				owner: { kind: 'anonymous', clientHash: 'client-2', addressHash: 'address-2' },
				slug: 'harbour-town',
				query: 'n=1',
				ids: ['q3']
			},
			NOW
		);
	},
	'0006_assessment_marks': async ({ db }) => {
		expect(await markAssessment(db, 'u1', { article: 'harbour-town', question: 'q2' }, NOW)).toBe(
			true
		);
	}
};

type Snapshot = Record<string, Record<string, unknown>[]>;

/** Every row of every table of ours (not the Migrator's), in a stable order. */
async function snapshot(db: Kysely<Database>): Promise<Snapshot> {
	const tables = await db.introspection.getTables();
	const result: Snapshot = {};
	for (const table of tables) {
		const rows = await db
			.selectFrom(table.name as never)
			.selectAll()
			.execute();
		result[table.name] = (rows as Record<string, unknown>[])
			.map((row) => ({ row, key: JSON.stringify(row) }))
			.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
			.map(({ row }) => row);
	}
	return result;
}

/**
 * The rows of `before`, read again from `after` with only the columns they had then (a table gone
 * reads as undefined). Strict on purpose: a migration meant to change stored rows says so here.
 */
function asBefore(before: Snapshot, after: Snapshot): Snapshot {
	return Object.fromEntries(
		Object.entries(before).map(([table, rows]) => {
			const columns = rows.length ? Object.keys(rows[0]) : [];
			return [
				table,
				after[table]?.map((row) => Object.fromEntries(columns.map((c) => [c, row[c]])))
			];
		})
	);
}

/** Better Auth's plan for the database, and whatever its planner warned about. */
async function betterAuthPlan(handle: DatabaseHandle) {
	const logged: string[] = [];
	const plan = await getMigrations(
		{
			...authOptions(handle, SECRET, false, ORIGIN),
			logger: { level: 'warn', log: (level, message) => logged.push(`${level}: ${message}`) }
		},
		{ throwOnUnsafe: false }
	);
	return { plan, logged };
}

const AUTH_TABLES = ['account', 'session', 'user', 'verification'];

/**
 * Better Auth's tables as the database describes them: each column's type and nullability (not
 * defaults: ours stamp createdAt where Better Auth's code does), and each index's columns.
 */
async function structure({ db, dialect }: DatabaseHandle) {
	const tables = (await db.introspection.getTables()).filter((t) => AUTH_TABLES.includes(t.name));
	const columns = tables
		.flatMap((t) =>
			t.columns.map((c) => `${t.name}.${c.name} ${c.dataType}${c.isNullable ? '' : ' not null'}`)
		)
		.sort();
	const indexes: string[] = [];
	for (const table of AUTH_TABLES) {
		if (dialect === 'postgres') {
			const { rows } = await sql<{ indexdef: string }>`select indexdef from pg_indexes
				where schemaname = current_schema() and tablename = ${table}`.execute(db);
			indexes.push(...rows.map((r) => r.indexdef));
			continue;
		}
		const { rows } = await sql<{ name: string; unique: number }>`select name, "unique"
			from pragma_index_list(${table})`.execute(db);
		for (const index of rows) {
			const { rows: on } = await sql<{
				name: string;
			}>`select name from pragma_index_info(${index.name})
				order by seqno`.execute(db);
			const kind = index.unique ? 'unique index' : 'index';
			indexes.push(`${kind} ${index.name} on ${table} (${on.map((c) => c.name).join(', ')})`);
		}
	}
	return { columns, indexes: indexes.sort() };
}

/**
 * The one known difference: on SQLite our `id text primary key` takes a NULL (SQLite's old rule
 * for primary keys that are not integers), where Better Auth writes `not null`. Better Auth always
 * gives an id, and making it `not null` would mean rebuilding its tables, which our own tables
 * reference; any other difference fails.
 */
function knownDifference(dialect: DialectName) {
	return (column: string) =>
		dialect === 'sqlite' ? column.replace(/^(\w+)\.id TEXT not null$/, '$1.id TEXT') : column;
}

for (const dialect of DIALECTS) {
	describe(`${dialect}: migrating one step at a time`, () => {
		let handle: TestDatabase | undefined;
		const open = () => {
			if (!handle) throw new Error('the test database is not open yet');
			return handle;
		};
		beforeAll(async () => {
			handle = await createTestDatabase(dialect);
		});
		afterAll(async () => {
			await handle?.dispose();
		});

		it('keeps every row written before a migration, in every later one', async () => {
			const { db } = open();
			const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
			for (const name of Object.keys(migrations)) {
				const before = await snapshot(db);
				const { error, results } = await migrator.migrateTo(name);
				expect(error, `${name}: ${error}`).toBeUndefined();
				expect(results).toEqual([{ migrationName: name, direction: 'Up', status: 'Success' }]);
				expect(asBefore(before, await snapshot(db)), `rows after ${name}`).toEqual(before);
				await SEEDS[name]?.(open());
			}
			// every table but the Migrator's own holds a row by now
			const empty = Object.entries(await snapshot(db)).filter(([, rows]) => rows.length === 0);
			expect(empty.map(([table]) => table)).toEqual([]);
		});

		it('running the migrator again at the latest runs nothing and changes nothing', async () => {
			const { db } = open();
			const before = await snapshot(db);
			expect(await migrateToLatest(db)).toEqual([]);
			expect(await snapshot(db)).toEqual(before);
		});

		it("today's app reads what was stored at each step", async () => {
			const { db } = open();
			expect(await listClasses(db, 'u1')).toEqual([
				{ id: 'c1', name: 'الصف الخامس', joinCode: 'ACDEFG', createdAt: NOW, students: 1 }
			]);
			expect((await roster(db, 'c1')).map((s) => s.name)).toEqual(['أمل']);
			expect(await studentDevice(db, DEVICE_TOKEN, NOW)).toEqual([
				{ studentId: 's1', name: 'أمل', classId: 'c1', className: 'الصف الخامس' }
			]);
			expect((await auditOf(db, 'c1')).map((e) => e.action)).toEqual(['class.create']);
			expect(await sharedSetting(db, 'auth_secret', () => 'another')).toBe('the-first-secret');
			// the window's counter of 0002 counts on
			expect((await rateLimit(db, 'join', '10.0.0.1', JOIN_RULE, NOW + 1, 0)).count).toBe(2);

			expect(await assignmentById(db, 'a1')).toEqual({
				id: 'a1',
				classId: 'c1',
				teacherId: 'u1',
				spec: parseSpec.parse(FIXTURE_SPEC),
				createdAt: NOW
			});
			expect(await readAttempt(db, STUDENT_ATTEMPT)).toEqual({
				id: STUDENT_ATTEMPT,
				owner: { kind: 'student', studentId: 's1', assignmentId: 'a1' },
				number: 1,
				slug: 'harbour-town',
				query: 'n=2',
				ids: ['q1', 'q2'],
				startedAt: NOW,
				deadline: NOW + 600_000,
				answers: {
					q1: { type: 'single', choice: 'b' },
					q2: { type: 'short', text: 'الميناء' }
				},
				checks: {},
				submitted: {
					at: NOW + 60_000,
					late: false,
					results: {
						q1: { score: 1, verdict: 'correct' },
						q2: { score: 0.5, verdict: 'partial' }
					}
				}
			});
			const old = await readAttempt(db, OLD_ANONYMOUS);
			expect(old?.owner).toEqual({ kind: 'anonymous', clientHash: 'client-1' });
			expect(old?.answers).toEqual({ q1: { type: 'truefalse', value: true } });
			expect(old?.submitted).toBeUndefined();
			expect((await readAttempt(db, 'attempt-anonymous-0002'))?.owner).toEqual({
				kind: 'anonymous',
				clientHash: 'client-2',
				addressHash: 'address-2'
			});

			const [override] = await assignmentOverrides(db, 'a1');
			expect(override).toMatchObject({
				id: 'o1',
				oldVerdict: 'partial',
				oldScore: 0.5,
				createdAt: NOW + 120_000
			});
			const marks = (await marksOnArticles(db, ['harbour-town'])).get('harbour-town')!;
			expect({ article: marks.article, questions: [...marks.questions] }).toEqual({
				article: false,
				questions: ['q2']
			});
		});

		it('Better Auth reads its rows of 0001 through our tables, and plans nothing more', async () => {
			const handle = open();
			const context = await betterAuth(authOptions(handle, SECRET, false, ORIGIN)).$context;
			const found = await context.internalAdapter.findUserByEmail('hala@example.org', {
				includeAccounts: true
			});
			expect(found?.user).toMatchObject({ id: 'u1', name: 'Hala', emailVerified: false });
			expect(found?.user.createdAt).toEqual(new Date(NOW));
			expect(found?.accounts.map((a) => a.providerId)).toEqual(['credential']);
			const session = await context.internalAdapter.findSession('session-token-1');
			expect(session?.user.id).toBe('u1');
			expect(session?.session.expiresAt).toEqual(new Date(LATER));

			const { plan, logged } = await betterAuthPlan(handle);
			expect(plan.toBeCreated).toEqual([]);
			expect(plan.toBeAdded).toEqual([]);
			expect(plan.toBeAddedIndexes).toEqual([]);
			expect(plan.schemaProblems).toEqual([]);
			expect(plan.unsafeChanges).toEqual([]);
			expect(logged).toEqual([]);
		});

		it('refuses to run when a migration it ran is missing from the list', async () => {
			const { db } = open();
			const withoutOne = { ...migrations };
			delete withoutOne['0003_assignments'];
			const migrator = new Migrator({ db, provider: { getMigrations: async () => withoutOne } });
			const { error } = await migrator.migrateToLatest();
			expect(String(error)).toMatch(/0003_assignments is missing/);
		});
	});

	describe(`${dialect}: Better Auth's own migration`, () => {
		it("makes Better Auth's tables as ours do: columns, types, nulls and indexes", async () => {
			const theirs = await createTestDatabase(dialect);
			const ours = await createTestDatabase(dialect);
			try {
				const { plan } = await betterAuthPlan(theirs);
				// the planner is asked about the right database: on an empty one it plans every table
				expect(plan.toBeCreated.map((t) => t.table).sort()).toEqual(AUTH_TABLES);
				await plan.runMigrations();
				await migrateToLatest(ours.db);
				// its planner does not report a missing single-column index on an existing table
				// (only when it adds the column): compared here
				const expected = await structure(theirs);
				expect(await structure(ours)).toEqual({
					...expected,
					columns: expected.columns.map(knownDifference(dialect))
				});
			} finally {
				await theirs.dispose();
				await ours.dispose();
			}
		});
	});
}
