/**
 * Anonymous quiz attempts in the database (both databases): durable and found by a second
 * connection, owned by their client, bounded per client and per address without touching anyone
 * else's, pruned by age; and timed self-tests, whose deadline belongs to the attempt.
 */
import { expect, it } from 'vitest';
import type { Attempt } from '../quiz/attempts';
import { fixtureArticle } from '../quiz/fixtures';
import {
	anonymousLimits,
	findAnonymous,
	pruneAnonymous,
	quizClient,
	startAnonymous,
	type QuizClient
} from './attempts';
import { openDatabase } from './db/connect';
import { newId } from './db/ids';
import { describeEachDatabase } from './db/testing';
import {
	GRACE_MS,
	findAttempt,
	saveAnswers,
	startAttempt,
	submitAttempt,
	type SaveOutcome
} from './quiz';
import { quizLink } from './quizzes';

const article = fixtureArticle();
const link = (query: string) =>
	quizLink(article, new URL(`http://x/quiz/${article.slug}?${query}`));
const TEST = link('seed=t1&mode=test&time=5&ids=where-met,who-met');
const PRACTICE = link('seed=p1&ids=where-met,who-met');
const MINUTE = 60_000;

/** A client with its own cookie, from an address. */
const client = (name: string, address = '10.0.0.1'): QuizClient => quizClient(name, address);

/** A form answering the short question "where-met" with `text`. */
function form(text: string): FormData {
	const f = new FormData();
	f.set('where-met', text);
	return f;
}

/** The attempt started, or the test fails. */
function must(started: Attempt | 'address-full'): Attempt {
	if (started === 'address-full') throw new Error('the address bound refused a start');
	return started;
}

type SaveInput = Parameters<typeof saveAnswers>[0];

/**
 * Saves a post by `client` into `db`: unless the input says otherwise, the answer "Zuwara" to
 * "where-met" in the practice quiz, into a new attempt, in English.
 */
const answer = (input: Pick<SaveInput, 'db' | 'client'> & Partial<SaveInput>) =>
	saveAnswers({
		slug: article.slug,
		link: PRACTICE,
		attempt: undefined,
		form: form('Zuwara'),
		locale: 'en',
		...input
	});

const attemptOf = (outcome: SaveOutcome) => {
	if (outcome.kind !== 'saved') throw new Error(`not saved: ${outcome.kind}`);
	return outcome.attempt;
};

describeEachDatabase((database) => {
	it('keeps an attempt in the database: another connection (another process) finds it', async () => {
		const handle = database();
		const amal = client('amal');
		const saved = attemptOf(await answer({ db: handle.db, client: amal }));
		// `where` is the file, or the URL (trust auth: no password to hide)
		const other = openDatabase(
			handle.dialect === 'sqlite'
				? { dialect: 'sqlite', file: handle.where }
				: { dialect: 'postgres', url: handle.where }
		);
		try {
			const found = await findAttempt(other.db, amal, article.slug, PRACTICE.page(), [saved.id]);
			expect(found?.answers['where-met']).toEqual({ type: 'short', text: 'Zuwara' });
			// its open attempt is found without the id too (no attempt cookie)
			expect((await findAttempt(other.db, amal, article.slug, PRACTICE.page(), []))?.id).toBe(
				saved.id
			);
			// another client, even knowing the id, finds nothing
			expect(
				await findAttempt(other.db, client('eve'), article.slug, PRACTICE.page(), [saved.id])
			).toBeUndefined();
			expect(await findAnonymous(other.db, client('eve'), saved.id)).toBeUndefined();
		} finally {
			await other.close();
		}
	});

	it('bounds attempts per client: a flood drops only the flooder’s own oldest', async () => {
		const { db } = database();
		const limits = { perClient: 5, perAddressPerDay: 1000, keepMs: MINUTE * 60 };
		const quiet = client('quiet', '10.0.0.2');
		const mine = must(
			await startAnonymous(db, quiet, { slug: 's', query: 'q', ids: [] }, 1000, limits)
		);
		const flooder = client('flood', '10.0.0.2');
		const flood: Attempt[] = [];
		for (let i = 0; i < 30; i++) {
			const start = { slug: 's', query: `f${i}`, ids: [] };
			flood.push(must(await startAnonymous(db, flooder, start, 2000 + i, limits)));
		}
		expect((await findAnonymous(db, quiet, mine.id))?.id).toBe(mine.id);
		const kept: string[] = [];
		for (const a of flood) if (await findAnonymous(db, flooder, a.id)) kept.push(a.id);
		expect(kept).toEqual(flood.slice(-5).map((a) => a.id));
	});

	it('bounds starts per address and day: past it starts are refused, nothing is dropped', async () => {
		const { db } = database();
		const limits = { perClient: 50, perAddressPerDay: 3, keepMs: MINUTE * 60 * 48 };
		const t = 10_000_000;
		const started: (Attempt | 'address-full')[] = [];
		for (let i = 0; i < 3; i++) {
			started.push(
				await startAnonymous(
					db,
					client(`c${i}`, '10.0.0.3'),
					{ slug: 's', query: 'q', ids: [] },
					t,
					limits
				)
			);
		}
		const fourth = client('c4', '10.0.0.3');
		expect(
			await startAnonymous(db, fourth, { slug: 's', query: 'q', ids: [] }, t + 1, limits)
		).toBe('address-full');
		// another address is not held back; the three stay
		expect(
			await startAnonymous(
				db,
				client('c5', '10.0.0.4'),
				{ slug: 's', query: 'q', ids: [] },
				t,
				limits
			)
		).not.toBe('address-full');
		for (const [i, a] of started.entries()) {
			expect(a).not.toBe('address-full');
			if (a !== 'address-full')
				expect(await findAnonymous(db, client(`c${i}`, '10.0.0.3'), a.id)).toBeDefined();
		}
		// a day later the address may start again
		expect(
			await startAnonymous(
				db,
				fourth,
				{ slug: 's', query: 'q', ids: [] },
				t + 24 * 60 * MINUTE + 1,
				limits
			)
		).not.toBe('address-full');
	});

	it('prunes anonymous attempts unused for the keeping time, and only those', async () => {
		const { db } = database();
		const old = client('old', '10.0.0.5');
		const recent = client('recent', '10.0.0.5');
		const t = 50_000_000;
		const a = await startAnonymous(db, old, { slug: 's', query: 'q', ids: [] }, t);
		const b = await startAnonymous(db, recent, { slug: 's', query: 'q', ids: [] }, t + 5 * MINUTE);
		if (a === 'address-full' || b === 'address-full') throw new Error('full');
		expect(await pruneAnonymous(db, 10 * MINUTE, t + 12 * MINUTE)).toBeGreaterThanOrEqual(1);
		expect(await findAnonymous(db, old, a.id)).toBeUndefined();
		expect(await findAnonymous(db, recent, b.id)).toBeDefined();
	});

	it('a timed test: starting again (without the attempt cookie) resumes it, deadline and all', async () => {
		const { db } = database();
		const amal = client('timed-amal');
		const first = await startAttempt(db, amal, article.slug, TEST, 1_000_000);
		if (first === 'address-full') throw new Error('full');
		expect(first.deadline).toBe(1_000_000 + 5 * MINUTE);
		const again = await startAttempt(db, amal, article.slug, TEST, 1_000_000 + 4 * MINUTE);
		expect(again).toMatchObject({ id: first.id, deadline: first.deadline });
		// a save without any attempt id finds it too, and a test is not started by a save
		const stranger = await answer({
			db,
			client: client('timed-stranger'),
			link: TEST,
			form: form('x')
		});
		expect(stranger).toMatchObject({
			kind: 'refused',
			refusal: { message: expect.stringMatching(/not been started/) }
		});
	});

	it('a timed test: a save past the deadline and grace is refused, the answers stay', async () => {
		const { db } = database();
		const amal = client('late-amal');
		const started = await startAttempt(db, amal, article.slug, TEST, 2_000_000);
		if (started === 'address-full') throw new Error('full');
		const deadline = started.deadline!;
		const save = async (text: string, now: number, final = false) =>
			answer({
				db,
				client: amal,
				link: TEST,
				attempt: await findAttempt(db, amal, article.slug, TEST.page(), [started.id]),
				form: form(text),
				final,
				now
			});
		expect((await save('Zuwara', deadline - 1000)).kind).toBe('saved');
		// within the grace: still saved
		expect((await save('Zuwara!', deadline + GRACE_MS - 1)).kind).toBe('saved');
		const late = await save('Sirte', deadline + GRACE_MS + 1);
		expect(late).toMatchObject({
			kind: 'refused',
			refusal: { message: expect.stringMatching(/Time is up/) }
		});
		const kept = await findAnonymous(db, amal, started.id);
		expect(kept?.answers['where-met']).toEqual({ type: 'short', text: 'Zuwara!' });

		// the submission past the deadline is taken, marked late
		const final = await save('Sirte', deadline + GRACE_MS + 2, true);
		const attempt = attemptOf(final);
		expect(await submitAttempt(db, article, attempt, deadline + GRACE_MS + 2)).toBe(true);
		const submitted = await findAnonymous(db, amal, started.id);
		expect(submitted?.submitted?.late).toBe(true);
		// a second submission changes nothing
		expect(await submitAttempt(db, article, attempt, deadline + GRACE_MS + 3)).toBe(false);
		// once submitted, starting again is a new attempt (a retake) with a clock of its own
		const retake = await startAttempt(db, amal, article.slug, TEST, deadline + 10 * MINUTE);
		if (retake === 'address-full') throw new Error('full');
		expect(retake.id).not.toBe(started.id);
		expect(retake.deadline).toBe(deadline + 15 * MINUTE);
	});

	it("a post that starts and submits an attempt does it in the caller's transaction, all or nothing", async () => {
		const { db } = database();
		// a browser without a client cookie: its attempt is started by the post that submits it
		const fresh = quizClient('new-browser', '10.0.0.6', true);
		const post = (trx: typeof db) =>
			answer({ db: trx, client: fresh, final: true }).then(async (outcome) => {
				const attempt = attemptOf(outcome);
				expect(await submitAttempt(trx, article, attempt)).toBe(true);
				return attempt;
			});
		// rolled back (the answer failed after the work): nothing stays
		let lost: Attempt | undefined;
		await expect(
			db.transaction().execute(async (trx) => {
				lost = await post(trx);
				throw new Error('the answer failed');
			})
		).rejects.toThrow('the answer failed');
		const owner = quizClient('new-browser', '10.0.0.6');
		expect(await findAnonymous(db, owner, lost!.id)).toBeUndefined();
		// committed: started, answered and graded at once
		const kept = await db.transaction().execute(post);
		const found = await findAnonymous(db, owner, kept.id);
		expect(found?.answers['where-met']).toEqual({ type: 'short', text: 'Zuwara' });
		expect(found?.submitted?.results['where-met']).toBeDefined();
	});

	it('a fresh client (its cookie made by this request) owns nothing, whatever ids it names', async () => {
		const { db } = database();
		const amal = client('fresh-amal');
		const saved = attemptOf(await answer({ db, client: amal }));
		const fresh = quizClient('fresh-amal', '10.0.0.1', true);
		expect(await findAttempt(db, fresh, article.slug, PRACTICE.page(), [saved.id])).toBeUndefined();
	});

	it('a check is graded and kept with the answers it checks, in one save', async () => {
		const { db } = database();
		const amal = client('check-amal');
		const outcome = await answer({ db, client: amal, check: { article, id: 'where-met' } });
		const attempt = attemptOf(outcome);
		const found = await findAnonymous(db, amal, attempt.id);
		expect(found?.answers['where-met']).toEqual({ type: 'short', text: 'Zuwara' });
		expect(found?.checks['where-met']).toEqual(attempt.checks['where-met']);
		expect(found?.checks['where-met']?.verdict).toBeDefined();
		// a test is not checked
		const test = await startAttempt(db, amal, article.slug, TEST, 4_000_000);
		if (test === 'address-full') throw new Error('full');
		const tested = await answer({
			db,
			client: amal,
			link: TEST,
			attempt: test,
			now: 4_000_000,
			check: { article, id: 'where-met' }
		});
		expect(attemptOf(tested).checks).toEqual({});
	});

	it('a submission within the grace is on time', async () => {
		const { db } = database();
		const amal = client('grace-amal');
		const started = await startAttempt(db, amal, article.slug, TEST, 3_000_000);
		if (started === 'address-full') throw new Error('full');
		expect(await submitAttempt(db, article, started, started.deadline! + GRACE_MS)).toBe(true);
		expect((await findAnonymous(db, amal, started.id))?.submitted?.late).toBe(false);
	});

	it('the same submission posted twice counts once: the id its page proposed finds the first', async () => {
		const { db } = database();
		const amal = client('twice-amal');
		const proposed = newId();
		/** One submitting post of the page, in its own transaction, as the quiz route runs it. */
		const submit = () =>
			db.transaction().execute(async (trx) => {
				// the second sending looks before the first has committed: it finds nothing either
				const outcome = await answer({ db: trx, client: amal, final: true, proposed });
				if (outcome.kind === 'saved') await submitAttempt(trx, article, outcome.attempt);
				return outcome;
			});
		// at once (on PostgreSQL the second waits for the first's commit), then once more
		const outcomes = [...(await Promise.all([submit(), submit()])), await submit()];
		expect(outcomes.map((o) => o.kind).sort()).toEqual(['closed', 'closed', 'saved']);
		for (const o of outcomes) expect(o.kind !== 'full' && o.attempt?.id).toBe(proposed);
		const rows = await db
			.selectFrom('attempt')
			.select(['id', 'submitted_at'])
			.where('client_hash', '=', amal.clientHash)
			.execute();
		expect(rows).toHaveLength(1);
		expect(rows[0].submitted_at).not.toBeNull();
	});

	it('a proposed id is used only when it names no attempt, and is well formed', async () => {
		const { db } = database();
		const amal = client('proposal-amal');
		const other = attemptOf(await answer({ db, client: client('proposal-omar') }));
		// another client's attempt: a new one, the other's untouched
		const mine = attemptOf(await answer({ db, client: amal, proposed: other.id, form: form('x') }));
		expect(mine.id).not.toBe(other.id);
		const untouched = await findAnonymous(db, client('proposal-omar'), other.id);
		expect(untouched?.answers['where-met']).toEqual({ type: 'short', text: 'Zuwara' });
		// another quiz's attempt of the same client: a new one for this quiz
		const test = must(await startAttempt(db, amal, article.slug, TEST, 5_000_000));
		const practice = attemptOf(await answer({ db, client: amal, proposed: test.id }));
		expect(practice.id).not.toBe(test.id);
		// not an id newId makes: not used
		for (const proposed of ['short', 'a'.repeat(64), 'ÿ'.repeat(22)]) {
			const made = attemptOf(await answer({ db, client: client(`odd-${proposed}`), proposed }));
			expect(made.id).not.toBe(proposed);
		}
	});
});

it('reads the bounds from the environment', () => {
	expect(
		anonymousLimits({ DALIL_QUIZ_ADDRESS_LIMIT: '50', DALIL_QUIZ_KEEP_DAYS: '2' })
	).toMatchObject({
		perAddressPerDay: 50,
		keepMs: 2 * 24 * 60 * MINUTE
	});
	expect(anonymousLimits({ DALIL_QUIZ_ADDRESS_LIMIT: 'lots' }).perAddressPerDay).toBe(2000);
});
