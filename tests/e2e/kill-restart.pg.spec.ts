/**
 * Nothing acknowledged is lost when the server dies (issue 13, reliability), over HTTP: the
 * production build is served as `npm start` serves it, on a fresh database of its own; many
 * anonymous clients (each its own cookies) start a timed test and submit it in parallel, others
 * start one and keep saving; after KILL_AFTER submissions were answered the server process gets
 * SIGKILL with requests in flight; it is started again on the same database, and every submission
 * that got its redirect to the results is there (submitted, its answers, one grade per question),
 * counted once (posting it again leads to the same results; the client has one submitted attempt),
 * and every save that got its success holds (that answer, or a later one). On SQLite and PostgreSQL.
 *
 * It needs PostgreSQL (without it, it fails saying how), hence `.pg.spec.ts`: it runs in the pg-js
 * project only (playwright.config.ts), once; it needs no browser, only its own two servers.
 * The data layer alone, without HTTP, is tested the same way in src/lib/server/durability.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
	createDatabase,
	dropDatabase,
	ensurePostgres,
	uniqueDatabaseName
} from '../../scripts/ensure-postgres.js';
import { parseSpec } from '../../src/lib/quiz/spec';
import { getBank } from '../../src/lib/server/bank';
import { freePort } from '../../src/lib/server/bench/http';
import { openDatabase, type DatabaseConfig } from '../../src/lib/server/db/connect';
import { hashToken, newToken } from '../../src/lib/server/db/ids';
import { quizFor } from '../../src/lib/server/quizzes';
import { readAttempt } from '../../src/lib/server/stored-attempts';
import { SUITE_LIMITS } from './fixtures/limits';
import { endServer, spawnServer, type ServerProcess } from './fixtures/server';

const slug = 'sarraj-africom-zuwara';
/** A timed test of short questions: each answer a text of the client's own, each one graded. */
const query = 'n=6&types=short&seed=killrestart&mode=test&time=30';
/** Clients that start the test and submit it, WIDTH at a time. */
const SUBMITTERS = 200;
const WIDTH = 24;
/** Clients that start the test and save their answers again and again, all at once. */
const SAVERS = 12;
/** Submissions answered before the kill. */
const KILL_AFTER = 60;

const article = getBank().articles.get(slug)!;
const questionIds = quizFor(
	article,
	parseSpec(slug, new URLSearchParams(query), article.paragraphs.length).spec
).views.map((v) => v.id);

/** An anonymous browser: its cookies, as a browser keeps them (set, replaced, deleted). */
class Client {
	readonly token = newToken();
	readonly cookies = new Map<string, string>([['dalil_client', this.token]]);
	/** the attempt its start made (the attempt cookie's value) */
	attempt = '';

	constructor(readonly base: string) {}

	/**
	 * Posts the quiz form to an action as the page does: without JavaScript (`html`, a redirect
	 * not followed) or as its autosave (Kit's JSON answer).
	 */
	async post(action: string, form: Record<string, string>, as: 'html' | 'json' = 'html') {
		const response = await fetch(`${this.base}/quiz/${slug}?${query}&/${action}`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: this.base,
				accept: as === 'json' ? 'application/json' : 'text/html',
				...(as === 'json' ? { 'x-sveltekit-action': 'true' } : {}),
				'content-type': 'application/x-www-form-urlencoded',
				cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
			},
			body: new URLSearchParams(form).toString(),
			signal: AbortSignal.timeout(30_000)
		});
		for (const line of response.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const at = pair.indexOf('=');
			const [name, value] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
			if (value === '' || /max-age=0\b/i.test(line)) this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
		return response;
	}

	/** Starts the timed test; the attempt is the one its cookie names. */
	async start() {
		const response = await this.post('start', {});
		await response.arrayBuffer();
		const attempt = [...this.cookies].find(([name]) => name.startsWith('dalil_q_'))?.[1];
		if (response.status !== 303 || !attempt) {
			throw new Unexpected(`start answered ${response.status} without an attempt cookie`);
		}
		this.attempt = attempt;
	}

	/** The whole test's answers, as the page's form posts them, with its attempt. */
	answers(): Record<string, string> {
		return {
			_attempt: this.attempt,
			...Object.fromEntries(questionIds.map((id, k) => [id, this.answerTo(k)]))
		};
	}

	answerTo(k: number) {
		return `زوارة ${this.token.slice(0, 8)} ${k}`;
	}
}

/** A server's answer that is no success and no network failure: a bug, whatever the kill. */
class Unexpected extends Error {}

/** What the clients were told before the kill. */
interface Acknowledged {
	/** clients whose submission was answered with a redirect, and the results it named */
	submitted: { client: Client; results: string }[];
	/** saving clients and the last round a success answered */
	saved: Map<Client, number>;
	/** requests that failed at the kill (in flight, or sent after it) */
	cutOff: number;
}

/**
 * Runs the clients against `base` until KILL_AFTER submissions and a save are answered, then kills
 * `server`.
 */
async function loadAndKill(base: string, server: ServerProcess): Promise<Acknowledged> {
	const acknowledged: Acknowledged = { submitted: [], saved: new Map(), cutOff: 0 };
	const unexpected: string[] = [];
	let killed = false;
	/** Runs one client's requests; a network failure ends them (the server is gone). */
	const run = async (work: () => Promise<void>) => {
		try {
			await work();
		} catch (e) {
			if (e instanceof Unexpected) unexpected.push(e.message);
			else if (killed) acknowledged.cutOff++;
			else unexpected.push(`before the kill: ${e instanceof Error ? e.message : e}`);
		}
	};
	/**
	 * The kill, once KILL_AFTER submissions and at least one save are answered (a fast run could
	 * answer the submissions before any saver's first save, and then prove nothing about saves).
	 */
	const killWhenDue = () => {
		if (killed || acknowledged.submitted.length < KILL_AFTER || acknowledged.saved.size === 0)
			return;
		killed = true;
		server.process.kill('SIGKILL');
	};
	const submitter = async () => {
		const client = new Client(base);
		await client.start();
		const response = await client.post('submit', client.answers());
		await response.arrayBuffer();
		const results = response.headers.get('location') ?? '';
		if (response.status !== 303 || !results.startsWith(`/quiz/${slug}/results/`)) {
			throw new Unexpected(`submit answered ${response.status} ${results}`);
		}
		acknowledged.submitted.push({ client, results });
		killWhenDue();
	};
	const saver = async () => {
		const client = new Client(base);
		await client.start();
		for (let round = 1; !killed; round++) {
			const response = await client.post(
				'save',
				{ _attempt: client.attempt, [questionIds[0]]: `${client.token} ${round}` },
				'json'
			);
			const answer = (await response.json()) as { type: string };
			if (response.status !== 200 || answer.type !== 'success') {
				throw new Unexpected(`save answered ${response.status} ${JSON.stringify(answer)}`);
			}
			acknowledged.saved.set(client, round);
			killWhenDue();
		}
	};
	let next = 0;
	await Promise.all([
		...Array.from({ length: WIDTH }, async () => {
			while (next < SUBMITTERS && !killed) {
				next++;
				await run(submitter);
			}
		}),
		...Array.from({ length: SAVERS }, () => run(saver))
	]);
	expect(unexpected, 'answers that were neither a success nor cut off by the kill').toEqual([]);
	expect(killed, 'the kill came before every submission was sent').toBe(true);
	return acknowledged;
}

/** Proves that what was acknowledged before the kill is stored, graded and counted once. */
async function verify(base: string, config: DatabaseConfig, acknowledged: Acknowledged) {
	const { db, close } = openDatabase(config);
	try {
		for (const { client, results } of acknowledged.submitted) {
			expect(results).toBe(`/quiz/${slug}/results/${client.attempt}`);
			const stored = await readAttempt(db, client.attempt);
			expect(stored?.submitted, `submission ${client.attempt}`).toBeTruthy();
			expect(stored?.answers).toEqual(
				Object.fromEntries(
					questionIds.map((id, k) => [id, { type: 'short', text: client.answerTo(k) }])
				)
			);
			expect(Object.keys(stored?.submitted?.results ?? {}).sort()).toEqual([...questionIds].sort());
			const grades = await db
				.selectFrom('grade')
				.select('question_id')
				.where('attempt_id', '=', client.attempt)
				.execute();
			expect(grades.map((g) => g.question_id).sort()).toEqual([...questionIds].sort());

			// posted again after the restart (a browser's retry): the same results, nothing new
			const again = await client.post('submit', client.answers());
			await again.arrayBuffer();
			expect(again.status).toBe(303);
			expect(again.headers.get('location')).toBe(results);
			const page = await fetch(`${base}${results}`, {
				headers: { cookie: `dalil_client=${client.token}` }
			});
			await page.arrayBuffer();
			expect(page.status, `the results of ${client.attempt}, for their client`).toBe(200);
			const submittedByClient = await db
				.selectFrom('attempt')
				.select('id')
				.where('client_hash', '=', hashToken(client.token))
				.where('submitted_at', 'is not', null)
				.execute();
			expect(submittedByClient.map((a) => a.id)).toEqual([client.attempt]);
		}
		for (const [client, round] of acknowledged.saved) {
			const stored = await readAttempt(db, client.attempt);
			expect(stored?.submitted, `saved attempt ${client.attempt}`).toBeUndefined();
			const answer = stored?.answers[questionIds[0]];
			const text = answer && 'text' in answer ? answer.text : '';
			const [token, kept] = text.split(' ');
			expect(token).toBe(client.token);
			// the last acknowledged save, or a later one that committed before the kill
			expect(Number(kept)).toBeGreaterThanOrEqual(round);
		}
	} finally {
		await close();
	}
}

/** Serves the build on `port` and the database, with the suite's raised limits. */
const startServer = (port: number, database: Record<string, string>) =>
	spawnServer({ PORT: String(port), HOST: '127.0.0.1', ...SUITE_LIMITS, ...database });

/** Serves, loads, kills, serves again on the same database, and verifies. */
async function killAndRestart(config: DatabaseConfig, database: Record<string, string>) {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	let server: ServerProcess | undefined = await startServer(port, database);
	try {
		const started = Date.now();
		const acknowledged = await loadAndKill(base, server);
		await endServer(server, 'SIGKILL');
		expect(server.process.signalCode).toBe('SIGKILL');
		expect(acknowledged.submitted.length).toBeGreaterThanOrEqual(KILL_AFTER);
		expect(acknowledged.submitted.length).toBeLessThan(SUBMITTERS);
		expect(acknowledged.saved.size, 'saves answered before the kill').toBeGreaterThan(0);
		expect(acknowledged.cutOff, 'requests in flight at the kill').toBeGreaterThan(0);
		test.info().annotations.push({
			type: 'kill',
			description:
				`${acknowledged.submitted.length} submissions and ${acknowledged.saved.size} savers ` +
				`acknowledged, ${acknowledged.cutOff} requests cut off, in ${Date.now() - started} ms`
		});

		server = await startServer(port, database);
		await verify(base, config, acknowledged);
	} finally {
		await endServer(server);
	}
}

test.describe('a server killed with SIGKILL mid-load and started again', () => {
	test.setTimeout(180_000);

	test('keeps every acknowledged submission and save, on SQLite', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'dalil-kill-restart-'));
		try {
			const file = join(dir, 'dalil.db');
			await killAndRestart({ dialect: 'sqlite', file }, { DALIL_DB: file });
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test('keeps every acknowledged submission and save, on PostgreSQL', async () => {
		// without PostgreSQL this throws, saying how to get one: the test fails, never skips
		const admin = await ensurePostgres();
		const name = uniqueDatabaseName('dalil_e2e_kill');
		const url = await createDatabase(admin, name);
		try {
			await killAndRestart({ dialect: 'postgres', url }, { DATABASE_URL: url });
		} finally {
			await dropDatabase(admin, name);
		}
	});
});
