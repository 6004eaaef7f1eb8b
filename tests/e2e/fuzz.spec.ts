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
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join, relative, sep } from 'node:path';
import type { AssignmentSpec } from '../../src/lib/assign/spec';
import { loadBank } from '../../src/lib/server/bank';
import { createAssignment } from '../../src/lib/server/assignments';
import { databaseConfig, migrateToLatest, openDatabase } from '../../src/lib/server/db';
import { createClass, issueReentry, roster } from '../../src/lib/server/classes';
import { TEACHER, TEACHER_STATE } from './fixtures/teacher';

/** The seed and size of the run: the same requests every time. */
const SEED = 1818;
const RUNS = 3000;
/** Requests in flight at once. */
const PARALLEL = 6;
/** The address the requests come from. */
const FROM = '127.0.0.3';

const SLUG = loadBank('questions').articles[0].slug;

test.skip(
	({ javaScriptEnabled }) => !javaScriptEnabled,
	'requests without a page: the js project runs them'
);

/** A route as Kit names it (`/quiz/[slug]/results/[attempt]`), with the actions its page has. */
interface Route {
	id: string;
	actions: string[];
}

/** Every route of src/routes: folders with a page or an endpoint; route groups left out of the path. */
function routes(dir = 'src/routes'): Route[] {
	const found: Route[] = [];
	const walk = (folder: string) => {
		const files = readdirSync(folder);
		if (files.some((f) => /^\+(page\.svelte|page\.server\.ts|server\.ts)$/.test(f))) {
			const rel = relative(dir, folder)
				.split(sep)
				.filter((s) => !/^\(.*\)$/.test(s));
			const server = join(folder, '+page.server.ts');
			found.push({
				id: `/${rel.join('/')}`,
				actions: files.includes('+page.server.ts') ? actionsOf(readFileSync(server, 'utf8')) : []
			});
		}
		for (const f of files) {
			if (statSync(join(folder, f)).isDirectory()) walk(join(folder, f));
		}
	};
	walk(dir);
	return found;
}

/** The action names of a +page.server.ts: the keys of `export const actions = { … }`. */
function actionsOf(source: string): string[] {
	const block = /export const actions[^=]*=\s*\{([\s\S]*?)\n\}/.exec(source)?.[1] ?? '';
	return [...block.matchAll(/^\t(?:async\s+)?([A-Za-z_]\w*)\s*[:(]/gm)].map((m) => m[1]);
}

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

/** Sends one request from FROM; resolves with the status (0 when the connection failed). */
function send(base: URL, r: Sent): Promise<{ status: number; body: string; location?: string }> {
	return new Promise((resolve) => {
		const headers: Record<string, string | number> = { accept: 'text/html' };
		if (r.cookie) headers.cookie = r.cookie;
		if (r.origin === 'same') headers.origin = base.origin;
		if (r.origin === 'other') headers.origin = 'http://evil.example';
		if (r.body?.type) headers['content-type'] = r.body.type;
		if (r.body) headers['content-length'] = r.body.data.length;
		const req = httpRequest(
			{
				host: base.hostname,
				port: base.port,
				localAddress: FROM,
				method: r.method,
				path: r.path,
				headers
			},
			(res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (c: string) => (body.length < 2000 ? (body += c) : undefined));
				res.on('end', () =>
					resolve({ status: res.statusCode ?? 0, body, location: res.headers.location })
				);
			}
		);
		req.on('error', (e) => resolve({ status: 0, body: String(e) }));
		req.setTimeout(20_000, () => req.destroy(new Error('timed out')));
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
		const spec: AssignmentSpec = {
			title: 'Fuzz test',
			article: SLUG,
			n: 3,
			types: [],
			skills: [],
			paragraphs: null,
			mode: 'test',
			timeLimit: 0,
			opensAt: Date.now() - 60_000,
			closesAt: Date.now() + 3600_000,
			attemptsAllowed: 1,
			late: 'refuse',
			grace: 0,
			release: 'after-close',
			show: 'answers',
			variant: 'shared',
			seed: 'fuzz'
		};
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

test('every route answers malformed requests without a 5xx', async ({ baseURL }) => {
	test.setTimeout(300_000);
	const base = new URL(baseURL!);
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
	const failures: { index: number; request: Sent; status: number; body: string }[] = [];
	const statuses = new Map<number, number>();
	let next = 0;
	const worker = async () => {
		while (next < sample.length) {
			const index = next++;
			const r = sample[index];
			const { status, body } = await send(base, r);
			statuses.set(status, (statuses.get(status) ?? 0) + 1);
			if (status >= 500 || status === 0) failures.push({ index, request: r, status, body });
		}
	};
	await Promise.all(Array.from({ length: PARALLEL }, worker));

	failures.sort((a, b) => a.index - b.index);
	const first = failures[0];
	const describe = (f: (typeof failures)[number]) => {
		const r = f.request;
		const data = r.body ? r.body.data.toString('latin1').slice(0, 300) : '';
		return `#${f.index} ${r.method} ${r.path.slice(0, 300)} as ${r.identity}\n  content-type: ${r.body?.type ?? '(none)'}\n  cookie: ${r.cookie.slice(0, 200)}\n  body: ${JSON.stringify(data)}\n  → ${f.status} ${f.body.slice(0, 300)}`;
	};
	expect(
		failures.length,
		first
			? `${failures.length} of ${RUNS} requests failed; the first:\n${describe(first)}\nothers: ${failures
					.slice(1, 6)
					.map(
						(f) => `#${f.index} ${f.request.method} ${f.request.path.slice(0, 120)} → ${f.status}`
					)
					.join('; ')}`
			: ''
	).toBe(0);
	// the run reached the routes: most answers are pages, redirects or refusals, not all one thing
	expect(statuses.size, JSON.stringify([...statuses])).toBeGreaterThan(4);
	// and the server is still up
	expect(
		(
			await send(base, {
				method: 'GET',
				path: '/',
				identity: 'stranger',
				cookie: '',
				origin: 'same'
			})
		).status
	).toBe(200);
});
