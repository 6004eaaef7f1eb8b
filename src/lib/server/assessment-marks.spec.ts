import { expect, it } from 'vitest';
import type { LoadedArticle } from '../bank/check';
import { fixtureArticle } from '../quiz/fixtures';
import {
	allAssessmentMarks,
	markAssessment,
	marksOnArticles,
	marksView,
	markTargetOf,
	unmarkAssessment
} from './assessment-marks';
import { auditOf } from './audit';
import type { Database } from './db/schema';
import { dialectOf } from './db/dialect';
import { describeEachDatabase } from './db/testing';
import { eachPublicArticle, publicArticle, publicArticles } from './secrecy';
import type { Kysely } from 'kysely';

const article = fixtureArticle();
const [first, second] = article.questions;
const other: LoadedArticle = { ...fixtureArticle(), slug: 'other' };
const bank = {
	articles: new Map([
		[article.slug, article],
		[other.slug, other]
	]),
	questions: new Map(article.questions.map((q) => [q.id, q]))
};

async function teacher(db: Kysely<Database>, id: string, name: string) {
	const at = new Date(0).toISOString();
	const emailVerified = dialectOf(db as Kysely<unknown>) === 'postgres' ? false : 0;
	await db
		.insertInto('user')
		.values({
			id,
			name,
			email: `${id}@example.org`,
			image: null,
			createdAt: at,
			updatedAt: at,
			emailVerified
		})
		.execute();
}

it('reads what a form names, only for what the bank has', () => {
	expect(markTargetOf(bank, `article:${article.slug}`)).toEqual({ article: article.slug });
	expect(markTargetOf(bank, `question:${first.id}`)).toEqual({
		article: article.slug,
		question: first.id
	});
	for (const bad of [
		undefined,
		'',
		article.slug,
		'article:',
		'article:nowhere',
		'question:nowhere',
		`question:${article.slug}`,
		`class:${article.slug}`,
		`:${first.id}`
	]) {
		expect(markTargetOf(bank, bad), String(bad)).toBeNull();
	}
});

describeEachDatabase((database) => {
	it('marks a question and an article once each, with the teacher and the audit log', async () => {
		const { db } = database();
		await teacher(db, 't1', 'Salma');
		await teacher(db, 't2', 'Karim');
		expect(await markAssessment(db, 't1', { article: article.slug, question: first.id }, 5)).toBe(
			true
		);
		// a double post counts once, and keeps the first teacher
		expect(await markAssessment(db, 't2', { article: article.slug, question: first.id }, 6)).toBe(
			false
		);
		expect(await markAssessment(db, 't2', { article: other.slug }, 7)).toBe(true);
		expect(await allAssessmentMarks(db)).toEqual([
			{
				article: article.slug,
				question: first.id,
				teacherId: 't1',
				teacherName: 'Salma',
				markedAt: 5
			},
			{ article: other.slug, teacherId: 't2', teacherName: 'Karim', markedAt: 7 }
		]);
		expect((await marksOnArticles(db, [article.slug])).get(article.slug)).toEqual({
			article: false,
			questions: new Set([first.id])
		});
		expect((await marksOnArticles(db, [other.slug])).get(other.slug)).toEqual({
			article: true,
			questions: new Set()
		});
		const log = await auditOf(db, `assessment/${article.slug}/${first.id}`);
		expect(log.map((e) => [e.action, e.actorId])).toEqual([['assessment.mark', 't1']]);
	});

	it('shows the bank’s marks over a teacher’s, and only the shown questions', async () => {
		const { db } = database();
		const view = await marksView(
			db,
			{
				articles: new Map([
					...bank.articles,
					['kept', { ...other, slug: 'kept', assessment: true }]
				])
			},
			[first, { ...second, assessment: true }]
		);
		expect(view).toEqual({
			articles: {
				[other.slug]: { source: 'teacher', by: 'Karim' },
				kept: { source: 'bank' }
			},
			questions: {
				[first.id]: { source: 'teacher', by: 'Salma' },
				[second.id]: { source: 'bank' }
			}
		});
		expect((await marksView(db, bank, [second])).questions).toEqual({});
	});

	it('serves no marked question, and nothing of a marked article, to the public', async () => {
		const { db } = database();
		const served = await publicArticle(db, article, 0);
		expect(served.questions.map((q) => q.id)).toEqual(
			article.questions.filter((q) => q.id !== first.id).map((q) => q.id)
		);
		// the same object while the same questions are kept out (the quiz caches key on it)
		expect(await publicArticle(db, article, 0)).toBe(served);
		expect((await publicArticle(db, other, 0)).questions).toEqual([]);
		// self-study lists no article with nothing to serve
		expect((await publicArticles(db, [article, other], 0)).map((a) => a.slug)).toEqual([
			article.slug
		]);
		// all at once (two queries), each as served alone, in the order given
		const each = await eachPublicArticle(db, [other, article], 0);
		expect(each.map((a) => a.slug)).toEqual([other.slug, article.slug]);
		expect(each[0].questions).toEqual([]);
		expect(each[1]).toBe(served);
	});

	it('any teacher unmarks, once; the question is public again', async () => {
		const { db } = database();
		const target = { article: article.slug, question: first.id };
		expect(await unmarkAssessment(db, 't2', target, 8)).toBe(true);
		expect(await unmarkAssessment(db, 't2', target, 9)).toBe(false);
		expect(await unmarkAssessment(db, 't1', { article: other.slug }, 10)).toBe(true);
		expect(await allAssessmentMarks(db)).toEqual([]);
		expect(await publicArticle(db, article, 0)).toBe(article);
		expect((await publicArticle(db, other, 0)).questions).toHaveLength(other.questions.length);
		const log = await auditOf(db, `assessment/${article.slug}/${first.id}`);
		expect(log.map((e) => [e.action, e.actorId])).toEqual([
			['assessment.unmark', 't2'],
			['assessment.mark', 't1']
		]);
	});

	it('keeps a mark when its teacher’s account goes', async () => {
		const { db } = database();
		await teacher(db, 't3', 'Gone');
		await markAssessment(db, 't3', { article: other.slug }, 11);
		await db.deleteFrom('user').where('id', '=', 't3').execute();
		expect(await allAssessmentMarks(db)).toEqual([
			{ article: other.slug, teacherId: null, teacherName: null, markedAt: 11 }
		]);
		expect((await marksView(db, bank, [])).articles[other.slug]).toEqual({
			source: 'teacher',
			by: null
		});
	});
});
