/**
 * HTTP load for the bench: servers started as child processes of node (the built app, or a bare
 * node server answering fixed bytes, the baseline), and autocannon's figures on one URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** Connections of a load test, unless it says otherwise: a class at once. */
export const CONNECTIONS = 10;
/** Timed seconds of a load test, after one untimed second. */
export const SECONDS = 5;

/** A TCP port free on 127.0.0.1 now. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => resolve(port));
		});
		s.on('error', reject);
	});
}

/** Resolves once `url` answers at all (any status), or throws after `ms`. */
async function waitFor(url: string, ms = 20_000): Promise<void> {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		try {
			const r = await fetch(url, { redirect: 'manual' });
			await r.arrayBuffer();
			return;
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	throw new Error(`${url} did not answer within ${ms} ms`);
}

/**
 * Starts a node process (the built app, or a bare server) and waits until `url` answers.
 * @param args node's arguments
 * @param env added to this process's environment
 * @param url an address of the server, to wait for
 */
export async function start(args: string[], env: Record<string, string>, url: string) {
	const child = spawn(process.execPath, args, {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	await waitFor(url);
	return child;
}

/** Stops a server `start` started, if it still runs. */
export function stop(child: ChildProcess | undefined) {
	if (child && child.exitCode === null) child.kill();
}

/** What a load test measured. */
export interface Load {
	rps: number;
	p99: number;
	/** answers of 400 or more, and errors: a refused request is no measurement */
	failed: number;
	/** of those, the answers 400–499 (the Kit floor's load is refused on purpose) */
	refused: number;
}

/**
 * Load on one URL: a second untimed, then SECONDS timed. The first requests of a path run cold
 * code (not yet compiled by the JIT) and meet the process's first collections; a server that stays
 * up answers at steady state, and that is what is measured, for the baseline the same way.
 */
export async function load(opts: {
	url: string;
	method?: 'GET' | 'POST';
	body?: string;
	headers?: Record<string, string>;
	connections?: number;
}): Promise<Load> {
	// autocannon ships no types: the little of it used here, typed by hand.
	const name = 'autocannon';
	const { default: autocannon } = (await import(name)) as {
		default: (o: object) => Promise<{
			requests: { average: number };
			latency: { p99: number };
			'4xx': number;
			'5xx': number;
			errors: number;
		}>;
	};
	const run = (duration: number) =>
		autocannon({
			url: opts.url,
			method: opts.method ?? 'GET',
			body: opts.body,
			headers: opts.headers,
			connections: opts.connections ?? CONNECTIONS,
			duration
		});
	await run(1);
	const r = await run(SECONDS);
	return {
		rps: r.requests.average,
		p99: r.latency.p99,
		failed: r['4xx'] + r['5xx'] + r.errors,
		refused: r['4xx']
	};
}

/**
 * The baseline of a page: node's own http server answering the page's bytes, read from a file per
 * request (as a server reading a cached page would), on a free port.
 * @param file the page's HTML
 */
export async function bareServer(file: string): Promise<{ child: ChildProcess; url: string }> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}/`;
	const script = `const fs=require('fs');require('http').createServer((q,s)=>fs.readFile(${JSON.stringify(
		file
	)},(e,b)=>{s.writeHead(200,{'content-type':'text/html; charset=utf-8'});s.end(b)})).listen(${port},'127.0.0.1')`;
	return { child: await start(['-e', script], {}, url), url };
}

/**
 * The floor of a durable submission: node's own http server that, per POST, reads the form and
 * commits one attempt row and an answer and a grade row per field to a SQLite file in one
 * transaction (WAL, synchronous FULL, as the app's), then answers a 303. No framework, no session,
 * no rate limit, no grading: what any server that keeps a submission before answering must do.
 * @param file the SQLite file, created
 */
export async function bareDurableServer(
	file: string
): Promise<{ child: ChildProcess; url: string }> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}/`;
	const script = `
const Database = require('better-sqlite3');
const { randomBytes } = require('node:crypto');
const db = new Database(${JSON.stringify(file)});
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('create table attempt (id text primary key, submitted_at integer);' +
	'create table answer (attempt_id text, question_id text, response text, primary key (attempt_id, question_id));' +
	'create table grade (attempt_id text, question_id text, score real, primary key (attempt_id, question_id))');
const attempt = db.prepare('insert into attempt values (?, ?)');
const answer = db.prepare('insert or replace into answer values (?, ?, ?)');
const grade = db.prepare('insert or replace into grade values (?, ?, ?)');
const submit = db.transaction((id, fields) => {
	attempt.run(id, Date.now());
	for (const [name, value] of fields) {
		answer.run(id, name, value);
		grade.run(id, name, 1);
	}
});
require('node:http').createServer((request, response) => {
	let body = '';
	request.setEncoding('utf8');
	request.on('data', (chunk) => (body += chunk));
	request.on('end', () => {
		const id = randomBytes(16).toString('base64url');
		if (request.method === 'POST') submit(id, new URLSearchParams(body));
		response.writeHead(303, { location: '/results/' + id });
		response.end();
	});
}).listen(${port}, '127.0.0.1');`;
	return { child: await start(['-e', script], {}, url), url };
}
