import { describe, expect, it } from 'vitest';
import { fixtureArticle } from './fixtures';
import { hashText } from './random';
import { parseSpec, type QuizSpec } from './spec';
import { gradeAnswer, questionOf, quizFor, quizLink, readForm } from './take';

describe('readForm', () => {
	it('reads a form posted without JavaScript (urlencoded) as the platform would', async () => {
		const body = new URLSearchParams([
			['q1', 'زوارة'],
			['ev', 'p3:4'],
			['ev', 'p3:5'],
			['_attempt', 'a b&c']
		]).toString();
		const form = await readForm(
			new Request('http://x/', {
				method: 'POST',
				body,
				headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' }
			})
		);
		const platform = await new Request('http://x/', {
			method: 'POST',
			body,
			headers: { 'content-type': 'application/x-www-form-urlencoded' }
		}).formData();
		expect([...form]).toEqual([...platform]);
		expect(form.getAll('ev')).toEqual(['p3:4', 'p3:5']);
		expect(form.get('q1')).toBe('زوارة');
	});

	it('leaves multipart posts to the platform', async () => {
		const sent = new FormData();
		sent.append('q1', 'زوارة');
		const form = await readForm(new Request('http://x/', { method: 'POST', body: sent }));
		expect(form.get('q1')).toBe('زوارة');
	});

	it('fails on a body that is not a form, for the caller to refuse it', async () => {
		const post = new Request('http://x/', {
			method: 'POST',
			body: 'x',
			headers: { 'content-type': 'multipart/form-data; boundary=nope' }
		});
		await expect(readForm(post)).rejects.toThrow();
	});
});

describe('quizLink', () => {
	const article = fixtureArticle();
	const url = (query: string) => new URL(`http://x/quiz/${article.slug}${query}`);

	it('reads a link once: the same query gives the same spec, notes and quiz', () => {
		const a = quizLink(article, url('?n=3&seed=abc&mode=test'));
		const b = quizLink(article, url('?n=3&seed=abc&mode=test'));
		expect(b).toBe(a);
		expect(a.spec).toMatchObject({ n: 3, seed: 'abc', mode: 'test' });
		expect(a.notes).toEqual([]);
		expect(a.page()).toBe(b.page());
		expect(a.page()).toBe(quizFor(article, { ...a.spec }));
		// another query is another entry, even for the same quiz (the page is shared)
		const c = quizLink(article, url('?mode=test&seed=abc&n=3'));
		expect(c).not.toBe(a);
		expect(c.page()).toBe(a.page());
	});

	it('keeps what parseSpec gives, and turns an invalid seed into a stable one, with a note', () => {
		const link = quizLink(article, url('?seed=not%20valid!&n=99'));
		const parsed = parseSpec(
			article.slug,
			new URLSearchParams('seed=not%20valid!&n=99'),
			article.paragraphs.length
		);
		expect(link.spec).toEqual({ ...parsed.spec, seed: hashText('not valid!').toString(36) });
		expect(link.notes).toEqual([
			{ param: 'n', given: '99', used: '10' },
			{ param: 'seed', given: 'not valid!', used: hashText('not valid!').toString(36) }
		]);
		expect(quizLink(article, url('?seed=not%20valid!&n=99')).spec.seed).toBe(link.spec.seed);
	});

	it('leaves a link without a seed without one, for the page to choose', () => {
		expect(quizLink(article, url('')).spec.seed).toBe('');
		expect(quizLink(article, url('?n=2')).spec.seed).toBe('');
	});

	it('shares a spec that nothing may change', () => {
		const link = quizLink(article, url('?seed=frozen&types=single,short'));
		expect(() => {
			(link.spec as QuizSpec).seed = 'x';
		}).toThrow(TypeError);
		expect(() => link.spec.types.push('cloze')).toThrow(TypeError);
		expect(link.spec.seed).toBe('frozen');
	});

	it('reads a very long query each time rather than keep it', () => {
		const long = `?seed=long&ids=${'x'.repeat(1200)}`;
		const a = quizLink(article, url(long));
		const b = quizLink(article, url(long));
		expect(b).not.toBe(a);
		expect(b.spec).toEqual(a.spec);
	});
});

describe('gradeAnswer', () => {
	const article = fixtureArticle();

	it('grades a question of the article by its id', () => {
		const g = gradeAnswer(article, 'who-met', { type: 'single', choice: 'Sara Haddad' });
		expect(g).toMatchObject({ questionId: 'who-met', score: 1, verdict: 'correct' });
		expect(
			gradeAnswer(article, 'who-met', { type: 'single', choice: 'Omar Nasser' })
		).toMatchObject({ score: 0, verdict: 'wrong' });
	});

	it('grades nothing for an id the article does not have', () => {
		expect(gradeAnswer(article, 'no-such-question', { type: 'short', text: 'x' })).toBeUndefined();
	});
});

describe('questionOf', () => {
	it("finds an article's question by id, and nothing for an id it does not have", () => {
		const article = fixtureArticle();
		expect(questionOf(article, 'who-met')).toBe(article.questions.find((q) => q.id === 'who-met'));
		expect(questionOf(article, 'no-such-question')).toBeUndefined();
	});
});
