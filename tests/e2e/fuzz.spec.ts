/**
 * A bounded fuzz run against the production build (issue 18): a few thousand malformed requests
 * (queries, bodies, content types, methods, action names, cookies) at every route, signed out,
 * signed in as the test teacher and as a student. Any 5xx fails the run, naming the first request
 * that got one (in the order generated, so the same seed names the same request).
 *
 * The routes are read from src/routes, so a new route is fuzzed without editing this file; a route
 * parameter this file has no values for fails the run and says so. The requests come from their own
 * loopback address (127.0.0.3), so the rate limits they run into are not the rest of the suite's.
 */
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { loadBank } from '../../src/lib/server/bank';
import { createAssignment } from '../../src/lib/server/assignments';
import { databaseConfig, migrateToLatest, openDatabase } from '../../src/lib/server/db';
import { createClass, issueReentry, roster } from '../../src/lib/server/classes';
import { assignmentSpec } from './fixtures/assignments';
import { routes, type Route } from './fixtures/routes';
import { TEACHER, TEACHER_STATE } from './fixtures/teacher';

/** The seed and size of the run: the same requests every time. */
const SEED = 1818;
const RUNS = 3000;
/**
 * Requests in flight at once: few, so that a loaded two-core machine (CI runs the other specs'
 * browsers beside this) answers each in time.
 */
const PARALLEL = 2;
/** How long one request may wait for its answer before it is sent again (once). */
const REQUEST_TIMEOUT = 15_000;
/** How many of the last answered requests a crash report names. */
const RECENT = 4;
/** The whole run's budget, setup included. */
const RUN_BUDGET = 150_000;
/** The address the requests come from. */
const FROM = '127.0.0.3';

const SLUG = loadBank('questions').articles[0].slug;

// a fuzz run is the same every time (a fixed seed): a failure is not retried
test.describe.configure({ retries: 0 });

test.skip(
	({ javaScriptEnabled }) => !javaScriptEnabled,
	'requests without a page: the js project runs them'
);

/** What the run knows: real values for route parameters, and who is asking. */
interface World {
	slug: string;
	classId: string;
	assignmentId: string;
	attemptId: string;
	token: string;
	cookies: Record<Identity, string>;
}
type Identity = 'stranger' | 'teacher' | 'student';

/**
 * The values a route parameter takes: a real one, and hostile ones.
 * @param route the route's id, for parameters named alike in different places (`[id]`)
 * @param name the parameter
 */
function paramValues(world: World, route: string, name: string): string[] | undefined {
	const hostile = [
		'x',
		'%00',
		'..%2F..%2Fetc%2Fpasswd',
		'%E0%A4%A',
		'constructor',
		'__proto__',
		'a'.repeat(3000),
		encodeURIComponent('<script>alert(1)</script>'),
		encodeURIComponent('\u202e\u0000'),
		'999999999999999999999',
		'-1'
	];
	const real: Record<string, string | undefined> = {
		slug: world.slug,
		attempt: world.attemptId,
		token: world.token,
		lang: 'en',
		id: /\/classes\/\[id\]/.test(route)
			? world.classId
			: /\/assignments\/\[id\]/.test(route)
				? world.assignmentId
				: undefined
	};
	return real[name] === undefined ? undefined : [real[name]!, ...hostile];
}

/** Names of query parameters and form fields the app reads, and a few it does not. */
const NAMES = [
	'n',
	'seed',
	'mode',
	'ui',
	'code',
	'invite',
	'next',
	'format',
	'article',
	'type',
	'skill',
	'paragraph',
	'paragraphs',
	'difficulty',
	'tag',
	'ids',
	'search',
	'copies',
	'download',
	'id',
	'shown',
	'_check',
	'_attempt',
	'name',
	'email',
	'password',
	'student',
	'override',
	'verdict',
	'group',
	'title',
	// the assign form's
	'types',
	'skills',
	'timeLimit',
	'opensAt',
	'closesAt',
	'attemptsAllowed',
	'late',
	'grace',
	'release',
	'show',
	'variant',
	'paragraphFrom',
	'paragraphTo',
	'offset',
	// the review's
	'question',
	'form',
	'score',
	'note',
	'a',
	'__proto__',
	'constructor'
];

const VALUES = fc.oneof(
	fc.constantFrom(
		'',
		'0',
		'-1',
		'1e309',
		'NaN',
		'99999999999999999999',
		'practice',
		'test',
		'en',
		'ar',
		'qti',
		'html',
		'kahoot',
		'true',
		'[]',
		'{}',
		'null',
		'%',
		'%E0%A4%A',
		'\u0000',
		'\u202e',
		'<script>alert(1)</script>',
		"=cmd|' /C calc'!A0",
		']]>',
		SLUG,
		TEACHER.email
	),
	fc.string({ maxLength: 40 }),
	fc.string({ unit: 'binary', maxLength: 20 }),
	fc.constant('x'.repeat(100_000))
);

const FIELDS = fc.array(fc.tuple(fc.constantFrom(...NAMES), VALUES), { maxLength: 6 });

/** A query string, raw (possibly malformed) or built from fields. */
const QUERY = fc.oneof(
	fc.constant(''),
	FIELDS.map((f) =>
		f.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.slice(0, 2000))}`).join('&')
	),
	fc.constantFrom('%', '%%%', 'a=%E0%A4%A', 'a&&&=&', '=', '?', 'a[]=1&a[]=2', 'ui=%00')
);

/** The action part of a query: the page's own names, reserved and unknown ones. */
const ACTION_NAMES = ['default', 'nope', '', '__proto__', 'constructor', 'toString', '%00'];

interface Body {
	type?: string;
	data: Buffer;
}

const encode = (fields: [string, string][]) =>
	fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

function multipart(fields: [string, string][], boundary: string): string {
	return (
		fields
			.map(
				([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`
			)
			.join('') + `--${boundary}--\r\n`
	);
}

const BODY: fc.Arbitrary<Body> = fc.oneof(
	{
		weight: 4,
		arbitrary: FIELDS.map((f) => ({
			type: 'application/x-www-form-urlencoded',
			data: Buffer.from(encode(f))
		}))
	},
	{
		weight: 2,
		arbitrary: FIELDS.map((f) => ({
			type: 'multipart/form-data; boundary=zz',
			data: Buffer.from(multipart(f, 'zz'))
		}))
	},
	{
		weight: 3,
		arbitrary: fc.record({
			type: fc.constantFrom(
				undefined,
				'text/plain',
				'application/json',
				'multipart/form-data',
				'multipart/form-data; boundary=',
				'multipart/form-data; boundary=zz',
				'application/x-www-form-urlencoded; charset=utf-16',
				'application/octet-stream',
				'text/html; charset=x'
			),
			data: fc
				.oneof(
					fc.constantFrom(
						'',
						'a=b',
						'{"a":1}',
						'--zz\r\nContent-Disposition: form-data\r\n\r\nno end',
						'--zz\r\nContent-Disposition: form-data; name="a"; filename="x.txt"\r\nContent-Type: text/plain\r\n\r\nfile\r\n--zz--\r\n',
						'%%%=%%%'
					),
					fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a).toString('latin1'))
				)
				.map((s) => Buffer.from(s, 'latin1'))
		})
	},
	// beyond Kit's body size limit
	{
		weight: 1,
		arbitrary: fc.constant({
			type: 'application/x-www-form-urlencoded',
			data: Buffer.alloc(600_000, 'a')
		})
	}
);

/** Cookies: the identity's own, none, or junk beside or instead of them. */
const COOKIE_JUNK = fc.constantFrom(
	'',
	'ui=zz',
	'ui=%E0%A4%A',
	'dalil_client=x',
	'dalil_client=' + 'a'.repeat(4000),
	'dalil_student=x.y',
	'dalil_student=%00',
	'dalil-selection=%5B%22a%22',
	'dalil-selection=' + encodeURIComponent(JSON.stringify(['x'.repeat(200), {}, null])),
	'better-auth.session_token=x.y',
	'better-auth.session_token=%',
	'__proto__=1; constructor=2',
	'=; ; ;='
);

interface Sent {
	method: string;
	path: string;
	identity: Identity;
	cookie: string;
	body?: Body;
	origin: 'same' | 'none' | 'other';
}

function requests(world: World, all: Route[]): fc.Arbitrary<Sent> {
	const targets = all.map((route) => {
		const params = [...route.id.matchAll(/\[(\w+)\]/g)].map((m) => m[1]);
		const values = params.map((p) => paramValues(world, route.id, p)!);
		const path = fc
			.tuple(...values.map((v) => fc.constantFrom(...v)))
			.map((chosen) => chosen.reduce((id, v, i) => id.replace(`[${params[i]}]`, v), route.id));
		const action = fc.oneof(
			fc.constant(undefined),
			...(route.actions.length ? [fc.constantFrom(...route.actions)] : []),
			fc.constantFrom(...ACTION_NAMES)
		);
		return fc.tuple(path, action, QUERY).map(([p, a, q]) => {
			const parts = [q, a === undefined ? '' : `/${a}`].filter(Boolean);
			return parts.length ? `${p}?${parts.join('&')}` : p;
		});
	});
	return fc
		.record({
			path: fc.oneof(...targets, fc.constantFrom('/nope', '//', '/%2e%2e/', '/_app/x', '/quiz/')),
			method: fc.oneof(
				{ weight: 6, arbitrary: fc.constantFrom('GET', 'POST') },
				{
					weight: 1,
					arbitrary: fc.constantFrom('HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND')
				}
			),
			identity: fc.constantFrom<Identity>('stranger', 'teacher', 'student'),
			junk: COOKIE_JUNK,
			mine: fc.boolean(),
			body: BODY,
			origin: fc.oneof(
				{ weight: 8, arbitrary: fc.constant('same' as const) },
				fc.constantFrom('none' as const, 'other' as const)
			)
		})
		.filter(
			// signing the shared test teacher out would sign out every other spec's teacher
			(r) => !(r.identity === 'teacher' && /[?&]\/signOut\b/.test(r.path))
		)
		.map(({ path, method, identity, junk, mine, body, origin }) => ({
			path,
			method,
			identity,
			cookie: [mine ? world.cookies[identity] : '', junk].filter(Boolean).join('; '),
			body: method === 'GET' || method === 'HEAD' ? undefined : body,
			origin
		}));
}

/** What came back: a status and the start of the body, or why nothing did. */
interface Answer {
	status: number;
	body: string;
	/** `timeout` when the server did not answer in time, `connection` when the connection failed */
	failure?: 'timeout' | 'connection';
}

/**
 * Sends one request from FROM. Never rejects: a connection that fails or a server that does not
 * answer within `limit` ms resolves with status 0 and says which.
 */
function send(base: URL, r: Sent, limit = REQUEST_TIMEOUT): Promise<Answer> {
	return new Promise((resolve) => {
		const headers: Record<string, string | number> = { accept: 'text/html' };
		if (r.cookie) headers.cookie = r.cookie;
		if (r.origin === 'same') headers.origin = base.origin;
		if (r.origin === 'other') headers.origin = 'http://evil.example';
		if (r.body?.type) headers['content-type'] = r.body.type;
		if (r.body) headers['content-length'] = r.body.data.length;
		let timedOut = false;
		const req = httpRequest(
			{
				host: base.hostname,
				port: base.port,
				localAddress: FROM,
				method: r.method,
				path: r.path,
				headers,
				// a fresh connection each time: a crash shows on the request that caused it
				agent: false
			},
			(res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (c: string) => (body.length < 2000 ? (body += c) : undefined));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
				res.on('error', (e) =>
					resolve({ status: 0, body: String(e), failure: timedOut ? 'timeout' : 'connection' })
				);
			}
		);
		req.on('error', (e) =>
			resolve({ status: 0, body: String(e), failure: timedOut ? 'timeout' : 'connection' })
		);
		req.setTimeout(limit, () => {
			timedOut = true;
			req.destroy(new Error(`no answer within ${limit / 1000} s`));
		});
		req.end(r.body?.data);
	});
}

/** The Set-Cookie pairs of a response, as a Cookie header. */
function cookiesOf(setCookie: string[] | undefined): string {
	return (setCookie ?? []).map((c) => c.split(';')[0]).join('; ');
}

/** Posts a form from FROM and returns the response's status, location and cookies. */
function postForm(base: URL, path: string, form: Record<string, string>, cookie = '') {
	return new Promise<{ status: number; location?: string; cookie: string }>((resolve, reject) => {
		const data = Buffer.from(new URLSearchParams(form).toString());
		const req = httpRequest(
			{
				host: base.hostname,
				port: base.port,
				localAddress: FROM,
				method: 'POST',
				path,
				headers: {
					origin: base.origin,
					accept: 'text/html',
					cookie,
					'content-type': 'application/x-www-form-urlencoded',
					'content-length': data.length
				}
			},
			(res) => {
				res.resume();
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						location: res.headers.location,
						cookie: cookiesOf(res.headers['set-cookie'])
					})
				);
			}
		);
		req.on('error', reject);
		req.end(data);
	});
}

/**
 * Makes the world the run needs in the server's own database and over HTTP: a class of the test
 * teacher with a test on it, a student in it, a submitted quiz attempt and a re-entry token.
 */
async function makeWorld(base: URL): Promise<World> {
	const handle = openDatabase(databaseConfig(process.env));
	try {
		await migrateToLatest(handle.db);
		const teacher = await handle.db
			.selectFrom('user')
			.select('id')
			.where('email', '=', TEACHER.email)
			.executeTakeFirstOrThrow();
		const made = await createClass(handle.db, teacher.id, 'Fuzz');
		const classId = made.id;
		const spec = assignmentSpec({
			title: 'Fuzz test',
			article: SLUG,
			n: 3,
			closesAt: Date.now() + 3600_000,
			release: 'after-close',
			seed: 'fuzz'
		});
		const assignmentId = await createAssignment(handle.db, classId, spec);
		// a student joins, over HTTP, as a student does
		const joined = await postForm(base, '/join?/join', {
			code: made.joinCode,
			name: 'Fuzz student'
		});
		expect(joined.cookie, 'the student is signed in').toContain('dalil_student=');
		const [student] = await roster(handle.db, classId);
		const token = await issueReentry(handle.db, teacher.id, student.id);
		// a stranger's submitted quiz attempt
		const quiz = `/quiz/${SLUG}?seed=fuzz&mode=test`;
		const started = await postForm(base, `${quiz}&/start`, {});
		expect(started.status).toBe(303);
		const submitted = await postForm(base, `${quiz}&/submit`, {}, started.cookie);
		const attemptId = /\/results\/([^/?]+)/.exec(submitted.location ?? '')?.[1];
		expect(attemptId, `submit answered ${submitted.status} ${submitted.location}`).toBeTruthy();
		const state = JSON.parse(readFileSync(TEACHER_STATE, 'utf8')) as {
			cookies: { name: string; value: string; domain: string }[];
		};
		const teacherCookie = state.cookies
			.filter((c) => c.domain === base.hostname)
			.map((c) => `${c.name}=${c.value}`)
			.join('; ');
		return {
			slug: SLUG,
			classId,
			assignmentId,
			attemptId: attemptId!,
			token: token!,
			cookies: { stranger: started.cookie, teacher: teacherCookie, student: joined.cookie }
		};
	} finally {
		await handle.close();
	}
}

/** One line (or a few) naming a request: enough to send it again by hand. */
function describeRequest(index: number, r: Sent): string {
	const data = r.body ? r.body.data.toString('latin1').slice(0, 300) : '';
	return [
		`#${index} ${r.method} ${r.path.slice(0, 300)} as ${r.identity} (origin: ${r.origin})`,
		`  content-type: ${r.body?.type ?? '(none)'}`,
		`  cookie: ${r.cookie.slice(0, 200)}`,
		`  body (${r.body?.data.length ?? 0} bytes): ${JSON.stringify(data)}`
	].join('\n');
}

/**
 * Sends a request, and once more when it got no answer: a loaded machine may be slow once, and a
 * route that answers before reading a large body (405 on a page without actions) may close while
 * the body is still being written (EPIPE). Twice without an answer is a failure.
 */
async function sendTwice(base: URL, r: Sent): Promise<Answer> {
	const answer = await send(base, r);
	return answer.failure ? send(base, r) : answer;
}

const HOME: Sent = { method: 'GET', path: '/', identity: 'stranger', cookie: '', origin: 'same' };

test('every route answers malformed requests without a 5xx', async ({ baseURL }) => {
	// bounded: RUNS requests, each answered within REQUEST_TIMEOUT (or retried once), PARALLEL at
	// a time; a run that takes longer than this is stopped by Playwright and reported
	test.setTimeout(RUN_BUDGET);
	const base = new URL(baseURL!);
	// the run sends malformed requests: only ever to this machine's own test server
	expect(base.hostname, 'the fuzz run targets a loopback test server only').toMatch(
		/^127\.0\.0\.\d{1,3}$/
	);
	const world = await makeWorld(base);
	const all = routes();
	// a parameter without values would leave its route unfuzzed: say which
	for (const route of all) {
		for (const [, name] of route.id.matchAll(/\[(\w+)\]/g)) {
			expect(
				paramValues(world, route.id, name),
				`values for [${name}] of ${route.id}`
			).toBeDefined();
		}
	}
	expect(all.map((r) => r.id)).toEqual(expect.arrayContaining(['/', '/quiz/[slug]', '/teacher']));

	const sample = fc.sample(requests(world, all), { seed: SEED, numRuns: RUNS });
	const failures: { index: number; text: string }[] = [];
	const statuses = new Map<number, number>();
	/** The requests on their way, by index: when the server stops, one of them stopped it. */
	const inFlight = new Map<number, Sent>();
	/** The last requests answered: a crash after the answer (an unhandled rejection) is one of them. */
	const recent: [number, Sent][] = [];
	let stopped: string | undefined;
	let next = 0;
	let sent = 0;

	const worker = async () => {
		while (next < sample.length && !stopped) {
			const index = next++;
			const r = sample[index];
			inFlight.set(index, r);
			const answer = await sendTwice(base, r);
			sent++;
			if (answer.failure === 'connection' && !stopped) {
				// the connection failed: is the server still there?
				const alive = await sendTwice(base, HOME);
				if (alive.failure || alive.status !== 200) {
					stopped = [
						`the server stopped answering after ${sent} requests (${answer.body}); `,
						`the requests in flight when it went:`,
						...[...inFlight].map(([i, f]) => describeRequest(i, f)),
						`or one of the last answered (a crash after its answer, as an unhandled rejection):`,
						...recent.map(([i, f]) => describeRequest(i, f))
					].join('\n');
				}
			}
			inFlight.delete(index);
			recent.push([index, r]);
			if (recent.length > RECENT) recent.shift();
			statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
			if (answer.status >= 500 || answer.failure) {
				const why =
					answer.failure === 'timeout'
						? `no answer within ${REQUEST_TIMEOUT / 1000} s, twice`
						: answer.failure === 'connection'
							? `the connection failed: ${answer.body}`
							: `${answer.status} ${answer.body.slice(0, 300)}`;
				failures.push({ index, text: `${describeRequest(index, r)}\n  → ${why}` });
			}
		}
	};
	await Promise.all(Array.from({ length: PARALLEL }, worker));

	expect(stopped, stopped).toBeUndefined();
	failures.sort((a, b) => a.index - b.index);
	expect(
		failures.length,
		failures.length
			? `${failures.length} of ${RUNS} requests got a 5xx or no answer; the first ones:\n` +
					failures
						.slice(0, 5)
						.map((f) => f.text)
						.join('\n')
			: ''
	).toBe(0);
	// the run reached the routes: the answers are pages, redirects and refusals, not all one thing
	expect(statuses.size, JSON.stringify([...statuses])).toBeGreaterThan(4);
	// and the server is still up
	expect((await send(base, HOME)).status).toBe(200);
});
