/**
 * Every form action of src/routes, fed bad input (issue 13): fields missing, huge (over every
 * limit) and of the wrong type (a word for a number, an unknown choice, a file for a text), as the
 * identity the action is for (a teacher, a joined student, a stranger), in Arabic and in English.
 * Each answer is under 500; a refusal is a 4xx whose message is the string table's text in the
 * interface language (src/lib/i18n), as a script gets it (JSON) and as a page without script gets
 * it (the form's page, with the message on it); a 303 only where the action redirects by design.
 *
 * The table names every action; a test fails when a route gains an action the table does not name
 * (read from the +page.server.ts files), so a new action is fuzzed or the run says it is not.
 * The requests come from their own loopback address (127.0.0.4): the rate limits they run into
 * are not the rest of the suite's. FUZZ_DEBUG=1 prints each action's refusals and problems, and
 * runs a case marked with a known bug as an ordinary test (to see it fail).
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createAssignment } from '../../src/lib/server/assignments';
import { loadBank } from '../../src/lib/server/bank';
import { createClass, roster } from '../../src/lib/server/classes';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { assignmentSpec, openServerDatabase, teacherId } from './fixtures/assignments';
import { inTable, readActionAnswer, type ActionAnswer } from './fixtures/messages';
import { pathOf, routes } from './fixtures/routes';
import { TEACHER, TEACHER_STATE } from './fixtures/teacher';

/** The address the requests come from. */
const FROM = '127.0.0.4';
/** Longer than any field's limit (a title's 120, a note's 500, an answer's 500, a form's 2000). */
const HUGE = 'x'.repeat(10_000);
/** A body beyond the server's body size limit (512 kB). */
const BEYOND_BODY_LIMIT = 'x'.repeat(600_000);

const article = loadBank('questions').articles[0];
const SLUG = article.slug;

test.skip(
	({ javaScriptEnabled }) => !javaScriptEnabled,
	'requests without a page: the js project runs them'
);

type Who = 'stranger' | 'teacher' | 'student';
type Locale = 'ar' | 'en';

/** What the table's values come from: real objects of the server's database, and who asks. */
interface World {
	classId: string;
	studentId: string;
	assignmentId: string;
	/** the student's open attempt of the assignment, and its questions */
	attemptId: string;
	questions: string[];
	cookies: Record<Who, string>;
}

/** What a field is, for the wrong values it gets. */
type Kind = 'text' | 'int' | 'choice' | 'date' | 'id' | 'email' | 'answer' | 'list';

/** Values of the wrong type for each kind of field (a text field takes any text but a blank one). */
const WRONG: Record<Kind, string[]> = {
	text: [' ', '\t\n'],
	int: ['abc', '-1', '1e309', '2.5', '[]', 'NaN'],
	choice: ['nope', '[]', '__proto__'],
	date: ['not a date', '2026-13-45T99:99', '1e309'],
	id: ['nope', '../x', '__proto__'],
	email: ['not an email', '@'],
	answer: [],
	list: ['nope', '{}']
};

/** An action of the table: where it is, who posts it, and a form it would take. */
interface Case {
	route: string;
	action: string;
	who: Who;
	/** the form's fields: a value for each, valid on its own; the form as a whole is never sent */
	fields: (w: World) => Record<string, [Kind, string]>;
	/** the fields that must be there (each is left out once) */
	required?: string[];
	/** the query besides the action (the quiz's seed) */
	query?: string;
	/** the value of the route's parameter (a class, an assignment, a token) */
	param?: (w: World) => string;
	/** what the action answers bad input with besides a 4xx: a redirect or a page, by design */
	accepts?: (303 | 200)[];
	/** a known bug: the test is expected to fail until it is fixed */
	bug?: string;
}

const CASES: Case[] = [
	{
		route: '/join',
		action: 'join',
		who: 'stranger',
		fields: () => ({ code: ['id', 'ZZZZZZ'], name: ['text', 'Fuzz'] }),
		required: ['code', 'name']
	},
	{
		route: '/reenter/[token]',
		action: 'enter',
		who: 'stranger',
		param: () => 'not-a-token',
		fields: () => ({ junk: ['text', 'x'] })
	},
	{
		route: '/teacher/sign-in',
		action: 'signIn',
		who: 'stranger',
		fields: () => ({ email: ['email', 'nobody@example.org'], password: ['text', 'a password'] }),
		required: ['email', 'password']
	},
	{
		route: '/teacher/sign-up',
		action: 'signUp',
		who: 'stranger',
		query: 'invite=not-an-invite',
		fields: () => ({
			name: ['text', 'Fuzz'],
			email: ['email', 'fuzz@example.org'],
			password: ['text', 'a long fuzz password']
		}),
		required: ['name', 'email', 'password']
	},
	{
		route: '/teacher/sign-out',
		action: 'signOut',
		who: 'stranger',
		// signed out already: back to sign-in (a signed-in teacher's sign-out is tested below)
		fields: () => ({ junk: ['text', 'x'] }),
		accepts: [303]
	},
	...(['save', 'all', 'none', 'clear'] as const).map((action): Case => ({
		route: '/teacher',
		action,
		who: 'teacher',
		fields: () => ({
			shown: ['list', article.questions[0].id],
			id: ['list', article.questions[0].id],
			query: ['text', 'type=short']
		}),
		// an empty or partial selection form is a selection: saved, back to the page
		accepts: [303]
	})),
	{
		route: '/teacher',
		action: 'assessment',
		who: 'teacher',
		// never a target the bank has: a mark would take an article out of public practice
		fields: () => ({ mark: ['id', 'article:no-such-article'], query: ['text', 'type=short'] }),
		required: ['mark']
	},
	{
		route: '/teacher/classes',
		action: 'create',
		who: 'teacher',
		fields: () => ({ name: ['text', 'Fuzz class'] }),
		required: ['name']
	},
	{
		route: '/teacher/classes',
		action: 'invite',
		who: 'teacher',
		// no fields: every post makes a link
		fields: () => ({ junk: ['text', 'x'] }),
		accepts: [200]
	},
	...(['rename', 'remove', 'reentry'] as const).map((action): Case => ({
		route: '/teacher/classes/[id]',
		action,
		who: 'teacher',
		param: (w) => w.classId,
		fields: (w) => ({
			// a student of no class of this teacher's: refused, whatever else is right
			student: ['id', 'not-a-student'],
			...(action === 'rename' ? { name: ['text', `Renamed ${w.studentId}`] } : {})
		}),
		required: ['student', ...(action === 'rename' ? ['name'] : [])]
	})),
	{
		route: '/teacher/classes/[id]/assign',
		action: 'assign',
		who: 'teacher',
		param: (w) => w.classId,
		fields: () => ({
			title: ['text', 'Fuzz assignment'],
			article: ['choice', SLUG],
			n: ['int', '2'],
			mode: ['choice', 'test'],
			types: ['list', 'short'],
			skills: ['list', 'detail'],
			timeLimit: ['int', '0'],
			opensAt: ['date', ''],
			closesAt: ['date', ''],
			offset: ['int', '0'],
			attemptsAllowed: ['int', '1'],
			late: ['choice', 'refuse'],
			grace: ['int', '0'],
			release: ['choice', 'after-close'],
			show: ['choice', 'answers'],
			variant: ['choice', 'shared'],
			paragraphFrom: ['int', ''],
			paragraphTo: ['int', '']
		}),
		required: ['title', 'article']
	},
	{
		route: '/teacher/assignments/[id]/review',
		action: 'override',
		who: 'teacher',
		param: (w) => w.assignmentId,
		fields: () => ({
			question: ['id', 'not-a-question'],
			form: ['answer', 'x'],
			verdict: ['choice', 'partial'],
			score: ['int', '0.5'],
			note: ['answer', 'a note']
		}),
		required: ['question', 'verdict']
	},
	{
		route: '/teacher/assignments/[id]/review',
		action: 'undo',
		who: 'teacher',
		param: (w) => w.assignmentId,
		fields: () => ({ override: ['id', 'not-an-override'] }),
		required: ['override']
	},
	{
		route: '/teacher/assignments/[id]/review',
		action: 'regrade',
		who: 'teacher',
		param: (w) => w.assignmentId,
		// no fields: every post regrades
		fields: () => ({ junk: ['text', 'x'] }),
		accepts: [200]
	},
	{
		route: '/assignments/[id]',
		action: 'start',
		who: 'student',
		param: (w) => w.assignmentId,
		// no fields: starts, or resumes the attempt under way
		fields: () => ({ junk: ['text', 'x'] }),
		accepts: [303]
	},
	...(['save', 'check', 'submit'] as const).map((action): Case => ({
		route: '/assignments/[id]',
		action,
		who: 'student',
		param: (w) => w.assignmentId,
		fields: (w) => ({
			_attempt: ['id', w.attemptId],
			...(action === 'check' ? { _check: ['id', w.questions[0]] } : {}),
			...Object.fromEntries(w.questions.map((q) => [q, ['answer', 'x'] as [Kind, string]]))
		}),
		required: ['_attempt']
	})),
	{
		route: '/quiz/[slug]',
		action: 'start',
		who: 'stranger',
		param: () => SLUG,
		query: 'seed=fuzzall&mode=test',
		fields: () => ({ junk: ['text', 'x'] }),
		accepts: [303]
	},
	...(['save', 'check', 'submit'] as const).map((action): Case => ({
		route: '/quiz/[slug]',
		action,
		who: 'stranger',
		param: () => SLUG,
		query: 'seed=fuzzall&mode=practice',
		fields: () => ({
			_attempt: ['id', 'not-an-attempt'],
			...(action === 'check' ? { _check: ['id', article.questions[0].id] } : {}),
			...Object.fromEntries(
				article.questions.slice(0, 20).map((q) => [q.id, ['answer', 'x'] as [Kind, string]])
			)
		}),
		// a practice quiz saves what it can read (a new attempt if need be), and submits it
		accepts: [200, 303]
	}))
];

/** One bad form: what it is, its fields (a File is sent as a file) and whether it is multipart. */
interface Variant {
	name: string;
	fields: [string, string | { file: string }][];
	multipart?: boolean;
	/** who posts it, when not the case's own */
	who?: Who;
}

/** The bad forms of a case: nothing, each required field left out, each field wrong, all huge… */
function variants(c: Case, w: World): Variant[] {
	const fields = c.fields(w);
	const entries = Object.entries(fields);
	const valid = (except?: string): [string, string][] =>
		entries.filter(([k]) => k !== except).map(([k, [, v]]) => [k, v]);
	const out: Variant[] = [{ name: 'no fields', fields: [] }];
	for (const name of c.required ?? []) out.push({ name: `no ${name}`, fields: valid(name) });
	for (const [name, [kind]] of entries) {
		for (const wrong of WRONG[kind]) {
			out.push({
				name: `${name}=${JSON.stringify(wrong)}`,
				fields: [...valid(name), [name, wrong]]
			});
		}
	}
	out.push({ name: 'every field huge', fields: entries.map(([k]) => [k, HUGE]) });
	out.push({
		name: 'every field a file',
		fields: entries.map(([k]) => [k, { file: 'x' }]),
		multipart: true
	});
	out.push({ name: 'beyond the body size limit', fields: [['x', BEYOND_BODY_LIMIT]] });
	// a student's form from a device of no student of the class: not theirs to post
	if (c.who === 'student') out.push({ name: 'as a stranger', fields: valid(), who: 'stranger' });
	return out;
}

/** The form's body and content type. */
function bodyOf(v: Variant): { type: string; data: Buffer } {
	if (!v.multipart) {
		const form = new URLSearchParams();
		for (const [k, value] of v.fields)
			form.append(k, typeof value === 'string' ? value : value.file);
		return { type: 'application/x-www-form-urlencoded', data: Buffer.from(form.toString()) };
	}
	const boundary = 'fuzzallboundary';
	const parts = v.fields.map(([k, value]) =>
		typeof value === 'string'
			? `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${value}\r\n`
			: `--${boundary}\r\nContent-Disposition: form-data; name="${k}"; filename="x.txt"\r\n` +
				`Content-Type: text/plain\r\n\r\n${value.file}\r\n`
	);
	return {
		type: `multipart/form-data; boundary=${boundary}`,
		data: Buffer.from(parts.join('') + `--${boundary}--\r\n`)
	};
}

interface Response {
	status: number;
	text: string;
	location?: string;
	cookie: string;
}

/** adapter-node's default body size limit (BODY_SIZE_LIMIT, which the suite's servers keep). */
const BODY_SIZE_LIMIT = 512 * 1024;

/**
 * Posts (or gets) from FROM, same origin; the answer's status, body, Location and cookies.
 *
 * A body beyond the server's limit is announced (its length) but not sent: the server refuses it
 * from the length alone and closes. Sent, the bytes it never read made the close a reset, which
 * could drop its answer unread (EPIPE, then a wait for nothing: a 90 s time-out in CI).
 */
function send(
	base: URL,
	method: 'GET' | 'POST',
	path: string,
	headers: Record<string, string>,
	body?: { type: string; data: Buffer }
): Promise<Response> {
	return new Promise((resolve, reject) => {
		let answered = false;
		// a time-out of its own, whatever the socket does
		const timer = setTimeout(() => {
			req.destroy();
			reject(new Error(`no answer to ${method} ${path}`));
		}, 20_000);
		const req = httpRequest(
			{
				host: base.hostname,
				port: base.port,
				localAddress: FROM,
				method,
				path,
				agent: false,
				headers: {
					origin: base.origin,
					...headers,
					...(body ? { 'content-type': body.type, 'content-length': body.data.length } : {})
				}
			},
			(res) => {
				answered = true;
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (c: string) => (text += c));
				res.on('end', () => {
					clearTimeout(timer);
					req.destroy();
					resolve({
						status: res.statusCode ?? 0,
						text,
						location: res.headers.location,
						cookie: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ')
					});
				});
			}
		);
		req.on('error', (e) => {
			if (answered) return;
			clearTimeout(timer);
			reject(e);
		});
		if (body && body.data.length > BODY_SIZE_LIMIT) req.flushHeaders();
		else req.end(body?.data);
	});
}

const post = (base: URL, path: string, form: Record<string, string>, cookie = '') =>
	send(
		base,
		'POST',
		path,
		{ accept: 'text/html', cookie },
		{
			type: 'application/x-www-form-urlencoded',
			data: Buffer.from(new URLSearchParams(form).toString())
		}
	);

let handle: DatabaseHandle;
let world: Promise<World> | undefined;
const classesMade: string[] = [];

test.beforeAll(async ({ baseURL }) => {
	handle = await openServerDatabase(baseURL!);
});
test.afterAll(async () => {
	// an open test hides its questions from public practice: none is left behind
	for (const id of classesMade) {
		await handle.db.deleteFrom('assignment').where('class_id', '=', id).execute();
	}
	await handle.close();
});

/** The teacher's session cookie, from the saved session of the setup project. */
function teacherCookie(base: URL): string {
	const state = JSON.parse(readFileSync(TEACHER_STATE, 'utf8')) as {
		cookies: { name: string; value: string; domain: string }[];
	};
	return state.cookies
		.filter((c) => c.domain === base.hostname)
		.map((c) => `${c.name}=${c.value}`)
		.join('; ');
}

/**
 * A class of the test teacher with a test on it (open an hour), a student in it (joined over
 * HTTP) with an attempt under way, and a stranger with a quiz cookie. Made once per worker.
 */
async function makeWorld(base: URL): Promise<World> {
	const made = await createClass(handle.db, await teacherId(handle.db), 'Fuzz all actions');
	classesMade.push(made.id);
	const spec = assignmentSpec({
		title: 'Fuzz all actions',
		article: SLUG,
		n: 3,
		types: ['short'],
		closesAt: Date.now() + 3600_000,
		release: 'after-close'
	});
	const assignmentId = await createAssignment(handle.db, made.id, spec);
	const joined = await post(base, '/join?/join', { code: made.joinCode, name: 'Fuzz student' });
	expect(joined.cookie, 'the student is signed in').toContain('dalil_student=');
	const [student] = await roster(handle.db, made.id);
	const started = await post(base, `/assignments/${assignmentId}?/start`, {}, joined.cookie);
	expect(started.status, started.text.slice(0, 200)).toBe(303);
	const page = await send(base, 'GET', `/assignments/${assignmentId}`, {
		accept: 'text/html',
		cookie: joined.cookie
	});
	const attemptId = /name="_attempt"[^>]*value="([^"]+)"/.exec(page.text)?.[1];
	expect(attemptId, 'the take page names its attempt').toBeTruthy();
	const questions = [...page.text.matchAll(/<input[^>]*type="text"[^>]*name="([^"_][^"]*)"/g)].map(
		(m) => m[1]
	);
	expect(questions.length, 'the take page shows its questions').toBeGreaterThan(0);
	const quiz = await post(base, `/quiz/${SLUG}?seed=fuzzall&mode=practice&/start`, {});
	return {
		classId: made.id,
		studentId: student.id,
		assignmentId,
		attemptId: attemptId!,
		questions,
		cookies: { teacher: teacherCookie(base), student: joined.cookie, stranger: quiz.cookie }
	};
}

test('the table names every form action of src/routes, and no other', () => {
	const actions = routes()
		.flatMap((r) => r.actions.map((a) => `${r.id} ?/${a}`))
		.sort();
	const table = [...new Set(CASES.map((c) => `${c.route} ?/${c.action}`))].sort();
	expect(table, 'a route’s action the table does not name (or one it names that is gone)').toEqual(
		actions
	);
});

/** Escapes a message as a page's text shows it. */
const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

for (const c of CASES) {
	test(`${c.route} ?/${c.action} refuses bad input in the interface language`, async ({
		baseURL
	}) => {
		test.fail(!!c.bug && !process.env.FUZZ_DEBUG, c.bug);
		test.setTimeout(90_000);
		const base = new URL(baseURL!);
		const w = await (world ??= makeWorld(base));
		const path =
			pathOf(c.route, () => c.param?.(w)) +
			'?' +
			[c.query, `/${c.action}`].filter(Boolean).join('&');
		const problems: string[] = [];
		/** refusals whose message was checked: a table of actions that refuse nothing proves nothing */
		let refusals = 0;
		for (const v of variants(c, w)) {
			for (const locale of ['ar', 'en'] as Locale[]) {
				const cookie = [w.cookies[v.who ?? c.who], `ui=${locale}`].filter(Boolean).join('; ');
				const what = `${v.name} (${locale})`;
				// as a script posts it (use:enhance)
				const json = await send(
					base,
					'POST',
					path,
					{ accept: 'application/json', cookie },
					bodyOf(v)
				);
				const answer = readActionAnswer(json.status, json.text, json.location);
				const wrong = judge(c, answer, locale);
				if (!wrong && answer.message) refusals++;
				if (wrong) problems.push(`${what}, by script: ${wrong}: ${json.text.slice(0, 200)}`);
				// as a page without script posts it: the same status, the message on the page
				const html = await send(base, 'POST', path, { accept: 'text/html', cookie }, bodyOf(v));
				if (answer.status >= 400 && answer.status < 500 && html.status !== answer.status) {
					problems.push(`${what}, by page: ${html.status}, by script: ${answer.status}`);
				} else if (html.status >= 500) {
					problems.push(`${what}, by page: ${html.status}`);
				} else if (answer.message && !html.text.includes(escaped(answer.message))) {
					problems.push(`${what}, by page: the message “${answer.message}” is not on the page`);
				}
			}
		}
		if (process.env.FUZZ_DEBUG) console.log(c.route, c.action, refusals, problems.slice(0, 8));
		expect(problems, problems.slice(0, 8).join('\n')).toEqual([]);
		if (!c.accepts) expect(refusals, 'refusals with their message').toBeGreaterThan(0);
	});
}

/** What is wrong with an action's answer to bad input, or undefined when nothing is. */
function judge(c: Case, answer: ActionAnswer, locale: Locale): string | undefined {
	if (answer.status >= 500) return `${answer.status}`;
	if (answer.status >= 400) {
		if (!answer.message) return `${answer.status} without a message`;
		if (!inTable(locale, answer.message)) {
			return `${answer.status}: “${answer.message}” is not a ${locale} string of the table`;
		}
		return undefined;
	}
	if (!(c.accepts as number[] | undefined)?.includes(answer.status)) {
		return `${answer.status} (${answer.type}), not a refusal`;
	}
	return undefined;
}

test('a signed-in teacher’s sign-out post, with junk in it, signs out and goes to sign-in', async ({
	baseURL
}) => {
	const base = new URL(baseURL!);
	// a session of its own: the saved one is every other spec's
	const signedIn = await post(base, '/teacher/sign-in?/signIn', {
		email: TEACHER.email,
		password: TEACHER.password
	});
	expect(signedIn.status).toBe(303);
	const out = await post(base, '/teacher/sign-out?/signOut', { junk: HUGE }, signedIn.cookie);
	expect(out.status).toBe(303);
	expect(out.location).toBe('/teacher/sign-in');
	const after = await send(base, 'GET', '/teacher/classes', { cookie: signedIn.cookie });
	expect(after.status).toBe(303);
	expect(after.location).toMatch(/^\/teacher\/sign-in/);
});
