import { describe, expect, it } from 'vitest';
import { fixtureArticle } from '../quiz/fixtures';
import { hashText } from '../quiz/random';
import { parseSpec } from '../quiz/spec';
import { quizFor, quizLink } from './quizzes';

describe('quizLink', () => {
	const article = fixtureArticle();
	const url = (query: string) => new URL(`http://x/quiz/${article.slug}${query}`);

	it('reads a link into its spec, and makes its quiz once per normalized spec', () => {
		const a = quizLink(article, url('?n=3&seed=abc&mode=test'));
		expect(a.spec).toMatchObject({ n: 3, seed: 'abc', mode: 'test' });
		expect(a.notes).toEqual([]);
		expect(a.page()).toBe(quizFor(article, { ...a.spec }));
		// another query for the same quiz shares it
		expect(quizLink(article, url('?mode=test&seed=abc&n=3')).page()).toBe(a.page());
		expect(quizLink(article, url('?mode=test&seed=abd&n=3')).page()).not.toBe(a.page());
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
});
