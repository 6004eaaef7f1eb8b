/**
 * Teachers' "assessment only" marks (issue 13): an article, or one question, kept for assigned
 * tests, so that public routes (practice links, self-study, study sets) never serve it. The bank
 * can say the same (`assessment: true`), and a teacher cannot take that back here; a teacher's
 * mark any signed-in teacher may take back, since the bank is the school's, shared by all.
 *
 * `publicArticle` (./secrecy) applies the marks; each mark or unmark is written to the audit log.
 */
import type { Kysely } from 'kysely';
import type { BankQuestion } from '../bank/check';
import { audit } from './audit';
import type { Bank } from './bank';
import type { Database } from './db/schema';

/** What a mark is on: a whole article, or one of its questions. */
export interface MarkTarget {
	/** the article's slug (a question's own article) */
	article: string;
	/** the question's id; absent for the whole article */
	question?: string;
}

/** A mark as the teacher's page shows it. */
export interface AssessmentMark extends MarkTarget {
	/** who marked it; null once their account is gone */
	teacherId: string | null;
	/** their name, while their account exists */
	teacherName: string | null;
	/** ms since the epoch */
	markedAt: number;
}

/** The marks on one article, as `publicArticle` needs them. */
export interface ArticleMarks {
	/** the whole article is marked */
	article: boolean;
	/** the ids of its questions marked one by one */
	questions: Set<string>;
}

/** The audit log's subject of a mark: `assessment/slug` or `assessment/slug/question-id`. */
export function markSubject(target: MarkTarget): string {
	return target.question
		? `assessment/${target.article}/${target.question}`
		: `assessment/${target.article}`;
}

/** Writes a teacher's mark or unmark to the audit log, in the transaction that made it. */
function auditMark(
	trx: Kysely<Database>,
	teacherId: string,
	action: 'assessment.mark' | 'assessment.unmark',
	target: MarkTarget,
	now: number
) {
	return audit(
		trx,
		{ actorKind: 'teacher', actorId: teacherId, action, subject: markSubject(target) },
		now
	);
}

/**
 * Marks an article or a question "assessment only". Marking twice changes nothing (a double post
 * counts once) and keeps the first teacher's name.
 * @param db the database
 * @param teacherId who marks it
 * @param target the article, or a question with its article
 * @param now the moment (ms)
 * @returns whether the mark is new
 */
export async function markAssessment(
	db: Kysely<Database>,
	teacherId: string,
	target: MarkTarget,
	now = Date.now()
): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const inserted = await trx
			.insertInto('assessment_mark')
			.values({
				article: target.article,
				question_id: target.question ?? '',
				teacher_id: teacherId,
				marked_at: now
			})
			.onConflict((oc) => oc.columns(['article', 'question_id']).doNothing())
			.executeTakeFirst();
		const made = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
		if (made) await auditMark(trx, teacherId, 'assessment.mark', target, now);
		return made;
	});
}

/**
 * Takes a teacher's "assessment only" mark back (any teacher's: the bank is shared). A mark the
 * bank makes (`assessment: true`) is not stored here and stays.
 * @param db the database
 * @param teacherId who unmarks it
 * @param target the article, or a question with its article
 * @param now the moment (ms)
 * @returns whether there was a mark to take back
 */
export async function unmarkAssessment(
	db: Kysely<Database>,
	teacherId: string,
	target: MarkTarget,
	now = Date.now()
): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const deleted = await trx
			.deleteFrom('assessment_mark')
			.where('article', '=', target.article)
			.where('question_id', '=', target.question ?? '')
			.executeTakeFirst();
		const removed = Number(deleted.numDeletedRows) > 0;
		if (removed) await auditMark(trx, teacherId, 'assessment.unmark', target, now);
		return removed;
	});
}

/**
 * The teachers' marks on some articles, in one query: each slug's (no mark: none marked).
 * @param db the database
 * @param slugs the articles
 */
export async function marksOnArticles(
	db: Kysely<Database>,
	slugs: readonly string[]
): Promise<Map<string, ArticleMarks>> {
	const marks = new Map<string, ArticleMarks>(
		slugs.map((slug) => [slug, { article: false, questions: new Set<string>() }])
	);
	if (slugs.length === 0) return marks;
	const rows = await db
		.selectFrom('assessment_mark')
		.select(['article', 'question_id'])
		.where('article', 'in', slugs)
		.execute();
	for (const row of rows) {
		const of = marks.get(row.article)!;
		if (row.question_id === '') of.article = true;
		else of.questions.add(row.question_id);
	}
	return marks;
}

/**
 * Every teacher's mark, with the teacher's name, oldest first.
 * @param db the database
 */
export async function allAssessmentMarks(db: Kysely<Database>): Promise<AssessmentMark[]> {
	const rows = await db
		.selectFrom('assessment_mark')
		.leftJoin('user', 'user.id', 'assessment_mark.teacher_id')
		.select([
			'assessment_mark.article',
			'assessment_mark.question_id',
			'assessment_mark.teacher_id',
			'assessment_mark.marked_at',
			'user.name'
		])
		.orderBy('assessment_mark.marked_at')
		.orderBy('assessment_mark.article')
		.orderBy('assessment_mark.question_id')
		.execute();
	return rows.map((r) => ({
		article: r.article,
		...(r.question_id ? { question: r.question_id } : {}),
		teacherId: r.teacher_id,
		teacherName: r.name ?? null,
		markedAt: Number(r.marked_at)
	}));
}

/** Who keeps an article or a question for assessment only: its bank file, or a teacher. */
export type MarkSource = { source: 'bank' } | { source: 'teacher'; by: string | null };

/** The marks the teacher's bank page shows. */
export interface MarksView {
	/** by article slug: every marked article */
	articles: Record<string, MarkSource>;
	/** by question id: the marked questions among those shown (their own marks only) */
	questions: Record<string, MarkSource>;
}

/**
 * The marks of the bank's articles and of the questions a page shows: the bank's own first (a
 * teacher cannot take those back), else a teacher's, with their name.
 * @param db the database
 * @param bank the loaded bank
 * @param shown the questions on the page
 */
export async function marksView(
	db: Kysely<Database>,
	bank: Pick<Bank, 'articles'>,
	shown: readonly Pick<BankQuestion, 'id' | 'assessment'>[]
): Promise<MarksView> {
	const view: MarksView = { articles: {}, questions: {} };
	const ids = new Set(shown.map((q) => q.id));
	for (const mark of await allAssessmentMarks(db)) {
		const source: MarkSource = { source: 'teacher', by: mark.teacherName };
		if (mark.question === undefined) view.articles[mark.article] = source;
		else if (ids.has(mark.question)) view.questions[mark.question] = source;
	}
	for (const article of bank.articles.values()) {
		if (article.assessment) view.articles[article.slug] = { source: 'bank' };
	}
	for (const q of shown) if (q.assessment) view.questions[q.id] = { source: 'bank' };
	return view;
}

/**
 * What a form's value names: `article:<slug>` or `question:<id>`, for an article or question the
 * bank has (a question's article is the bank's, not the form's); null for anything else.
 * @param bank the loaded bank
 * @param value the posted value
 */
export function markTargetOf(
	bank: Pick<Bank, 'articles' | 'questions'>,
	value: unknown
): MarkTarget | null {
	if (typeof value !== 'string') return null;
	const colon = value.indexOf(':');
	const kind = value.slice(0, colon);
	const name = value.slice(colon + 1);
	if (colon < 0 || !name) return null;
	if (kind === 'article') return bank.articles.has(name) ? { article: name } : null;
	if (kind === 'question') {
		const q = bank.questions.get(name);
		return q ? { article: q.article, question: q.id } : null;
	}
	return null;
}
