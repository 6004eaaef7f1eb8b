/**
 * Bench figures of the quiz pages (issue 4), on the production build (`vite build` first):
 *
 * - JavaScript of the hydrated quiz page, gzip KB, read from the page as served (its inline scripts
 *   and the files it names, with their static imports from the build's client manifest), beside
 *   Kit's and Svelte's runtime alone;
 * - quiz page GET throughput (autocannon, 127.0.0.1, 10 connections) as a ratio against node's own
 *   http server answering the same HTML bytes read from a file per request, and its p99;
 * - the grading POST (a whole test submitted without JavaScript): p99 and throughput at 10
 *   connections, and p99 with one connection (the work itself, no queue), each against the
 *   plain server in the same conditions;
 * - Lighthouse mobile scores with Debian's Chromium, or "unavailable" with the reason.
 *
 * Bounded: each load test runs a few seconds, Lighthouse at most two minutes.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
	createDatabase,
	dropDatabase,
	ensurePostgres,
	uniqueDatabaseName
} from '../../../../scripts/ensure-postgres.js';
import { getBank } from '../bank';
import { parseSpec } from '../../quiz/spec';
import { quizFor } from '../quizzes';
import type { QuestionView } from '../../quiz/types';
import {
	bareDurableServer,
	bareServer,
	CONNECTIONS,
	freePort,
	load,
	SECONDS,
	start,
	stop
} from './http';
import { figure } from './measure';
import type { Figure, Suite } from './types';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../chromium';

const SLUG = 'sarraj-africom-zuwara';
const QUERY = 'n=10&seed=bench&mode=test';
const CHROME_FLAGS = ['--headless', ...CHROMIUM_FLAGS];

/**
 * The server under load keeps its attempts in a SQLite file of its own (never the user's
 * data/dalil.db): every submission is durable, committed before it is answered.
 */
const BENCH_DATABASE = (dir: string) => ({ DALIL_DB: join(dir, 'bench.db') });

/**
 * The load comes from one address, far past what the quiz's rate limits let one address do (a
 * limited post would be a 429, no measurement): they are raised for the bench.
 */
const BENCH_LIMITS = {
	DALIL_QUIZ_START_LIMIT: '100000000',
	DALIL_QUIZ_SAVE_LIMIT: '100000000',
	DALIL_QUIZ_CHECK_LIMIT: '100000000',
	DALIL_QUIZ_SUBMIT_LIMIT: '100000000',
	DALIL_QUIZ_ADDRESS_LIMIT: '100000000'
};

interface ManifestEntry {
	file: string;
	imports?: string[];
}

/**
 * Gzip bytes of the JavaScript a page loads as it opens, read from the page as served: its inline
 * scripts, and the files it names (`<script src>`, an inline `import("…")`, and modulepreload
 * links in the page or in its `Link` header, where Kit lists the route's nodes) with everything
 * they import statically, from the build's client manifest. Dynamic imports the page does not
 * preload are left out: they load later, if ever.
 * @param html the page
 * @param url its address, against which it names files
 * @param link its `Link` header
 */
export function pageJsGzip(
	html: string,
	url: string,
	link: string | null
): { bytes: number; files: string[] } {
	const out = '.svelte-kit/output/client';
	const manifest = JSON.parse(readFileSync(`${out}/.vite/manifest.json`, 'utf8')) as Record<
		string,
		ManifestEntry
	>;
	const byFile = new Map(Object.values(manifest).map((e) => [e.file, e]));
	const gzip = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;
	let bytes = 0;
	const files: string[] = [];
	const named: string[] = [];
	for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
		const [, attrs, body] = m;
		const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
		if (src) named.push(src);
		else if (!/type="application\/(ld\+)?json"/.test(attrs) && body.trim()) {
			bytes += gzip(body);
			files.push('(inline script)');
			for (const i of body.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) named.push(i[1]);
		}
	}
	for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*>/g)) {
		const href = /\bhref="([^"]+)"/.exec(m[0])?.[1];
		if (href) named.push(href);
	}
	for (const m of (link ?? '').matchAll(/<([^>]+)>[^,]*rel="?modulepreload/g)) named.push(m[1]);
	const seen = new Set<string>();
	const walk = (file: string) => {
		if (seen.has(file)) return;
		seen.add(file);
		for (const i of byFile.get(file)?.imports ?? []) walk(manifest[i].file);
	};
	for (const src of named) {
		const file = new URL(src, url).pathname.slice(1);
		if (!existsSync(join(out, file))) throw new Error(`${src}: not in the client build`);
		walk(file);
	}
	for (const f of seen) {
		bytes += gzip(readFileSync(join(out, f)));
		files.push(f);
	}
	return { bytes, files };
}

/**
 * Gzip bytes of Kit's and Svelte's runtime alone, the least a hydrated page loads: Kit's two client
 * entries (its router, and the app's list of routes) with everything they import statically.
 */
export function runtimeJsGzip(): number {
	const out = '.svelte-kit/output/client';
	const manifest = JSON.parse(readFileSync(`${out}/.vite/manifest.json`, 'utf8')) as Record<
		string,
		ManifestEntry & { isEntry?: boolean }
	>;
	const entries = Object.entries(manifest).filter(
		([source, e]) =>
			e.isEntry &&
			(source.endsWith('client-optimized/app.js') || source.endsWith('runtime/client/entry.js'))
	);
	if (entries.length !== 2) throw new Error("Kit's client entries are not in the build manifest");
	const seen = new Set<string>();
	const walk = (key: string) => {
		if (seen.has(key)) return;
		seen.add(key);
		for (const i of manifest[key].imports ?? []) walk(i);
	};
	for (const [key] of entries) walk(key);
	let bytes = 0;
	for (const key of seen)
		bytes += gzipSync(readFileSync(join(out, manifest[key].file)), { level: 9 }).length;
	return bytes;
}

/** A whole test's answers, as the form of the page posts them (one per question, plausible). */
function answersBody(views: QuestionView[]): string {
	const body = new URLSearchParams();
	for (const v of views) {
		switch (v.type) {
			case 'single':
			case 'multiple':
				body.append(v.id, v.options[0]);
				break;
			case 'truefalse':
				body.append(v.id, 'true');
				break;
			case 'short':
				body.append(v.id, 'زوارة');
				break;
			case 'numeric':
				body.append(v.id, '١٢٠ كم');
				break;
			case 'cloze':
				v.segments.slice(1).forEach((_, k) => body.append(`${v.id}.${k}`, 'زوارة'));
				break;
			case 'matching':
				v.left.forEach((_, k) => body.append(`${v.id}.${k}`, v.right[k]));
				break;
			case 'ordering':
				v.items.forEach((_, k) => body.append(`${v.id}.${k}`, String(k + 1)));
				break;
			case 'evidence':
				[3, 4, 5].forEach((k) => body.append(v.id, `${v.passages[0].paragraph}:${k}`));
				break;
		}
	}
	return body.toString();
}

function lighthouse(url: string): { scores?: Record<string, number>; reason?: string } {
	if (!existsSync(CHROMIUM_PATH)) return { reason: `no Chromium at ${CHROMIUM_PATH}` };
	const cli = 'node_modules/lighthouse/cli/index.js';
	if (!existsSync(cli)) return { reason: 'the lighthouse package is not installed' };
	const r = spawnSync(
		process.execPath,
		[
			cli,
			url,
			'--output=json',
			'--output-path=stdout',
			'--quiet',
			'--only-categories=performance,accessibility,best-practices,seo',
			`--chrome-path=${CHROMIUM_PATH}`,
			`--chrome-flags=${CHROME_FLAGS.join(' ')}`
		],
		{
			encoding: 'utf8',
			timeout: 120_000,
			maxBuffer: 64 * 1024 * 1024,
			env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }
		}
	);
	if (r.error) return { reason: r.error.message };
	if (r.status !== 0) {
		return { reason: (r.stderr || '').trim().split('\n').slice(-1)[0] || `exit ${r.status}` };
	}
	try {
		const report = JSON.parse(r.stdout) as {
			categories: Record<string, { score: number | null }>;
			runtimeError?: { message: string };
		};
		if (report.runtimeError) return { reason: report.runtimeError.message };
		return {
			scores: Object.fromEntries(
				Object.entries(report.categories).map(([k, c]) => [k, Math.round((c.score ?? 0) * 100)])
			)
		};
	} catch (e) {
		return { reason: `unreadable report: ${e instanceof Error ? e.message : String(e)}` };
	}
}

/**
 * The grading POST's p99 at CONNECTIONS connections, the server on a fresh PostgreSQL database.
 * @param body the posted answers
 * @param questions how many questions they answer
 */
async function postgresPost(body: string, questions: number) {
	const admin = await ensurePostgres();
	const name = uniqueDatabaseName('dalil_bench_http');
	const url = await createDatabase(admin, name);
	let server: ChildProcess | undefined;
	try {
		const port = await freePort();
		const base = `http://127.0.0.1:${port}`;
		server = await start(
			['scripts/start.js'],
			{ PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: url, ...BENCH_LIMITS },
			`${base}/`
		);
		const post = await load({
			url: `${base}/quiz/${SLUG}?${QUERY}&/submit`,
			method: 'POST',
			body,
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html',
				origin: base
			}
		});
		if (post.failed) throw new Error(`${post.failed} grading posts failed on PostgreSQL`);
		return {
			label: `grading POST p99 latency, PostgreSQL (a ${questions}-question test, ${CONNECTIONS} connections; baseline: the bare node server)`,
			p99: post.p99
		};
	} finally {
		if (server && server.exitCode === null) {
			const exited = new Promise((r) => server!.once('exit', r));
			server.kill();
			await exited;
		}
		await dropDatabase(admin, name);
	}
}

export const quizSuite: Suite = {
	name: 'quiz',
	async run() {
		if (!existsSync('build/index.js')) {
			throw new Error('the quiz bench measures the production build: run `npx vite build` first');
		}
		const figures: Figure[] = [];

		const dir = mkdtempSync(join(tmpdir(), 'dalil-quiz-bench-'));
		let app: ChildProcess | undefined;
		let plain: ChildProcess | undefined;
		let bareDurable: ChildProcess | undefined;
		try {
			const port = await freePort();
			const base = `http://127.0.0.1:${port}`;
			const quizUrl = `${base}/quiz/${SLUG}?${QUERY}`;
			// served as `npm start` serves it (plain http, form posts accepted from the page's origin)
			app = await start(
				['scripts/start.js'],
				{ PORT: String(port), HOST: '127.0.0.1', ...BENCH_DATABASE(dir), ...BENCH_LIMITS },
				`${base}/`
			);
			const res = await fetch(quizUrl);
			const html = await res.text();
			const js = pageJsGzip(html, quizUrl, res.headers.get('link'));
			figures.push(
				figure(
					`JavaScript of the hydrated quiz page, gzip (${js.files.length} files), vs Kit + Svelte runtime`,
					js.bytes / 1024,
					'KB',
					runtimeJsGzip() / 1024,
					'≤ 45 KB'
				)
			);
			const file = join(dir, 'quiz.html');
			writeFileSync(file, html);

			const bare = await bareServer(file);
			plain = bare.child;
			const plainUrl = bare.url;

			const baseline = await load({ url: plainUrl });
			const page = await load({ url: quizUrl });
			if (page.failed) throw new Error(`${page.failed} quiz page requests failed during the load`);
			figures.push(
				figure(
					`quiz page GET throughput (${CONNECTIONS} connections, ${SECONDS} s)`,
					page.rps,
					'req/s',
					baseline.rps,
					'ratio ≥ 0.5'
				),
				figure('quiz page GET p99 latency', page.p99, 'ms', baseline.p99, '< 20 ms')
			);

			const article = getBank().articles.get(SLUG);
			if (!article) throw new Error(`no article ${SLUG} in the bank`);
			const { spec } = parseSpec(SLUG, new URLSearchParams(QUERY), article.paragraphs.length);
			const views = quizFor(article, spec).views;
			// A latency of refusals (403, 400) would flatter the figure: the post must be graded.
			const probe = await fetch(`${quizUrl}&/submit`, {
				method: 'POST',
				body: answersBody(views),
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					accept: 'text/html',
					origin: base
				},
				redirect: 'manual'
			});
			if (probe.status !== 303 || !probe.headers.get('location')?.includes('/results/')) {
				throw new Error(`the grading post was not graded: ${probe.status}`);
			}
			const grading = {
				url: `${quizUrl}&/submit`,
				method: 'POST' as const,
				body: answersBody(views),
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					accept: 'text/html',
					origin: base
				}
			};
			const post = await load(grading);
			// One student alone: the time of the work itself, without nine others queued before it.
			const alone = await load({ ...grading, connections: 1 });
			const baselineAlone = await load({ url: plainUrl, connections: 1 });
			if (post.failed || alone.failed) {
				throw new Error(`${post.failed + alone.failed} grading posts failed during the load`);
			}
			// The same posts to a bare server that only commits their rows: the floor of any server
			// that keeps a submission before it answers, against which the app's own cost shows.
			const durable = await bareDurableServer(join(dir, 'bare.db'));
			bareDurable = durable.child;
			const floor = await load({ ...grading, url: durable.url });
			stop(bareDurable);
			if (floor.failed) throw new Error(`${floor.failed} posts to the bare durable server failed`);
			// Kit's own floor: a post naming `default`, which no page's action can have, refused by
			// the hooks (action-guard.ts) with a JSON answer: no action, database, render or log line.
			const refusedByHooks = await load({
				...grading,
				url: `${quizUrl}&/default`,
				headers: { ...grading.headers, accept: 'application/json' }
			});
			if (refusedByHooks.failed !== refusedByHooks.refused || !refusedByHooks.refused) {
				throw new Error('the posts to `default` were not all refused by the hooks');
			}
			const test = `a ${views.length}-question test submitted without JS`;
			figures.push(
				figure(`grading POST p99 latency (${test})`, post.p99, 'ms', baseline.p99, '≤ 3× baseline'),
				figure(
					`grading POST throughput (${CONNECTIONS} connections)`,
					post.rps,
					'req/s',
					baseline.rps,
					''
				),
				figure('grading POST p99 latency, one connection', alone.p99, 'ms', baselineAlone.p99, ''),
				figure(
					`grading POST p99 latency (${CONNECTIONS} connections; baseline: a bare node server committing the same rows to SQLite, FULL)`,
					post.p99,
					'ms',
					floor.p99,
					''
				),
				figure(
					`Kit's floor: a post the hooks refuse (JSON), p99 at ${CONNECTIONS} connections (baseline: the bare node server)`,
					refusedByHooks.p99,
					'ms',
					baseline.p99,
					''
				),
				figure(
					`grading POST throughput (baseline: the same bare durable server)`,
					post.rps,
					'req/s',
					floor.rps,
					''
				)
			);

			// The same posts to the same build on PostgreSQL (a fresh database, dropped afterwards).
			const onPostgres = await postgresPost(grading.body, views.length);
			figures.push(figure(onPostgres.label, onPostgres.p99, 'ms', baseline.p99, '≤ 3× baseline'));

			const lh = lighthouse(quizUrl);
			if (lh.scores) {
				for (const [k, v] of Object.entries(lh.scores)) {
					figures.push(figure(`Lighthouse mobile ${k}, quiz page`, v, 'score', null, '100'));
				}
			} else {
				console.error(`lighthouse: unavailable: ${lh.reason}`);
				figures.push(
					figure(`Lighthouse mobile, quiz page: unavailable (${lh.reason})`, NaN, '', null, '100')
				);
			}
		} finally {
			stop(app);
			stop(plain);
			stop(bareDurable);
			rmSync(dir, { recursive: true, force: true });
		}
		return figures;
	}
};
