/**
 * A test is secret until it is over (issue 13), tried as a student would, over HTTP against the
 * production build: while a test on an article is open, no public route serves its questions.
 * The test is stored straight into the server's database (the default SQLite file), and removed
 * afterwards. Request-level tests: they run in the `js` project only.
 */
import { expect, test } from '@playwright/test';
import { quizSpecOf } from '../../src/lib/assign/spec';
import { generateQuiz } from '../../src/lib/quiz/generate';
import { loadBank } from '../../src/lib/server/bank';
import { createAssignment } from '../../src/lib/server/assignments';
import {
	databaseConfig,
	openDatabase,
	migrateToLatest,
	type DatabaseHandle
} from '../../src/lib/server/db';
import { newId } from '../../src/lib/server/db/ids';
import { assignmentSpec } from './fixtures/assignments';

const SLUG = 'harbour-library';
const article = loadBank('questions').articles.find((a) => a.slug === SLUG)!;
const spec = assignmentSpec({
	title: 'Secret test',
	article: SLUG,
	n: 3,
	closesAt: Date.now() + 10 * 60_000,
	release: 'after-close',
	seed: 'e2e-secret'
});
const secret = generateQuiz(article.questions, quizSpecOf(spec, '', article.paragraphs.length)).ids;
const secretPrompts = article.questions.filter((q) => secret.includes(q.id)).map((q) => q.prompt);

// Opened in beforeAll, not at import: with fullyParallel a worker may run beforeAll/afterAll
// around each test of this file in turn, and a handle closed by the first afterAll is gone.
let handle: DatabaseHandle;
let teacherId: string;

test.beforeAll(async () => {
	handle = openDatabase(databaseConfig(process.env));
	teacherId = `e2e-${newId()}`;
	const classId = `e2e-${newId()}`;
	await migrateToLatest(handle.db);
	const at = new Date().toISOString();
	await handle.db
		.insertInto('user')
		.values({
			id: teacherId,
			name: 'Secrecy test',
			email: `${teacherId}@example.org`,
			emailVerified: handle.dialect === 'postgres' ? false : 0,
			image: null,
			createdAt: at,
			updatedAt: at
		})
		.execute();
	await handle.db
		.insertInto('class')
		.values({
			id: classId,
			teacher_id: teacherId,
			name: 'E2E',
			join_code: classId.slice(-6),
			created_at: 0
		})
		.execute();
	await createAssignment(handle.db, classId, spec);
});

test.afterAll(async () => {
	await handle.db.deleteFrom('user').where('id', '=', teacherId).execute();
	await handle.close();
});

test.beforeEach(({ javaScriptEnabled }) => {
	test.skip(!javaScriptEnabled, 'requests without a page: the js project runs them');
});

test('the study set leaves out an open test’s questions, and nothing else', async ({ request }) => {
	expect(secret).toHaveLength(3);
	const response = await request.get(`/study/${SLUG}/set.json`);
	expect(response.status()).toBe(200);
	const body = await response.text();
	for (const id of secret) expect(body).not.toContain(`"id":"${id}"`);
	for (const prompt of secretPrompts)
		expect(body).not.toContain(JSON.stringify(prompt).slice(1, -1));
	const served = (JSON.parse(body) as { questions: { id: string }[] }).questions.map((q) => q.id);
	expect(served.length).toBeGreaterThan(0);
	expect(served.length).toBeLessThanOrEqual(article.questions.length - secret.length);
});

/** Text as the server renders it into HTML. */
const html = (s: string) =>
	s
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;');

test('practice links leave out an open test’s questions, even asked for by id', async ({
	request
}) => {
	for (const query of [
		`ids=${secret.join(',')}&seed=peek&mode=practice`,
		'n=50&seed=peek&mode=practice',
		'n=50&seed=peek&mode=test'
	]) {
		const response = await request.get(`/quiz/${SLUG}?${query}`);
		expect(response.status()).toBe(200);
		const body = await response.text();
		expect(body).toContain('name=');
		for (const prompt of secretPrompts) expect(body).not.toContain(html(prompt));
	}
});
