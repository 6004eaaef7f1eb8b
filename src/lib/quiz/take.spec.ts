import { describe, expect, it } from 'vitest';
import { fixtureArticle } from './fixtures';
import { gradeAnswer, questionOf } from './take';

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
