/**
 * An article's study set: its text and its questions with their answer keys, for practice on the
 * device. Self-study grades in the browser (that is what makes offline practice possible), and a
 * learner practising on their own may see the keys, unlike a test.
 *
 * Also the items the scheduler works on: questions that ask the same fact (`fact` in the bank) are
 * one item, asked through a ladder of ever harder forms.
 */
import type { Paragraph } from '../bank/article';
import type { BankQuestion, LoadedArticle } from '../bank/check';
import type { QuestionType } from '../bank/schema';

/** The article as self-study shows it. */
export interface StudyArticle {
	slug: string;
	title: string;
	translation?: string;
	language: string;
	direction: 'rtl' | 'ltr';
	paragraphs: Paragraph[];
}

/** What /study/<slug>/set.json serves. */
export interface StudySet {
	article: StudyArticle;
	questions: BankQuestion[];
}

/** An article in the list of /study/index.json. */
export interface StudyArticleSummary {
	slug: string;
	title: string;
	translation?: string;
	language: string;
	direction: 'rtl' | 'ltr';
	questions: number;
}

/**
 * The study set of a checked article: only questions that passed the check.
 * @param article a loaded article
 */
export function toStudySet(article: LoadedArticle): StudySet {
	return {
		article: {
			slug: article.slug,
			title: article.title,
			translation: article.translation,
			language: article.language,
			direction: article.direction,
			paragraphs: article.paragraphs
		},
		questions: article.questions
	};
}

/**
 * The summary of an article for the list of study sets.
 * @param article a loaded article
 */
export function toSummary(article: LoadedArticle): StudyArticleSummary {
	return {
		slug: article.slug,
		title: article.title,
		translation: article.translation,
		language: article.language,
		direction: article.direction,
		questions: article.questions.length
	};
}

/**
 * How hard a form is to answer: recognising (choice), recalling (typing), then proving (marking the
 * evidence in the text).
 */
export const FORM_RANK: Record<QuestionType, number> = {
	single: 0,
	multiple: 0,
	truefalse: 0,
	matching: 0,
	ordering: 0,
	short: 1,
	numeric: 1,
	cloze: 1,
	evidence: 2
};

/**
 * The key of the item a question belongs to: its fact (per article), or the question itself.
 * @param q a question
 */
export function itemKey(q: Pick<BankQuestion, 'id' | 'article' | 'fact'>): string {
	return q.fact ? `fact:${q.article}/${q.fact}` : `q:${q.id}`;
}

/**
 * The question whose fact a question asks: itself, or, for a follow-up without a fact of its own
 * ("now mark where the text says so"), the question it follows. A follow-up is the proof form of
 * its lead's fact, so it joins that fact's ladder.
 * @param q a question
 * @param byId the article's questions by id
 */
function factOwner(q: BankQuestion, byId: Map<string, BankQuestion>): BankQuestion {
	let owner = q;
	const seen = new Set<string>();
	while (!owner.fact && owner.follows && !seen.has(owner.id)) {
		seen.add(owner.id);
		const lead = byId.get(owner.follows);
		if (!lead) break;
		owner = lead;
	}
	return owner;
}

/** A scheduled item: one fact (or one lone question) and its forms from easiest to hardest. */
export interface StudyItem {
	key: string;
	article: string;
	/** the ladder: choice, then typed, then evidence; by difficulty within a form */
	ladder: BankQuestion[];
	/** every paragraph any of its questions is keyed to */
	paragraphs: string[];
	/** position of the item in its article, for presenting new items in reading order */
	order: number;
}

/**
 * The items of study sets, in reading order (articles as given, then by first paragraph).
 * @param sets study sets
 */
export function studyItems(sets: StudySet[]): StudyItem[] {
	const out: StudyItem[] = [];
	let order = 0;
	for (const set of sets) {
		const byKey = new Map<string, BankQuestion[]>();
		const byId = new Map(set.questions.map((q) => [q.id, q]));
		for (const q of set.questions) {
			const key = itemKey(factOwner(q, byId));
			const list = byKey.get(key);
			if (list) list.push(q);
			else byKey.set(key, [q]);
		}
		const pos = (p: string) => Number(p.slice(1));
		const items = [...byKey.entries()].map(([key, qs]) => {
			const ladder = [...qs].sort(
				(a, b) =>
					FORM_RANK[a.type] - FORM_RANK[b.type] ||
					a.difficulty - b.difficulty ||
					(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
			);
			const paragraphs = [...new Set(qs.flatMap((q) => q.paragraph))].sort(
				(a, b) => pos(a) - pos(b)
			);
			return { key, article: set.article.slug, ladder, paragraphs, order: 0 };
		});
		items.sort((a, b) => pos(a.paragraphs[0]) - pos(b.paragraphs[0]));
		for (const item of items) out.push({ ...item, order: order++ });
	}
	return out;
}

/**
 * The question that asks an item at a step of its ladder (the top form once past the top).
 * @param item an item
 * @param step how far up the ladder the learner is
 */
export function formAt(item: StudyItem, step: number): BankQuestion {
	return item.ladder[Math.min(step, item.ladder.length - 1)];
}
