/**
 * Taking a quiz: an article's question by id, and grading an answer with the grading module.
 */
import type { BankQuestion, LoadedArticle } from '../bank/check';
import { gradeQuestion } from '../grading/grade';
import type { GradeResult, StudentResponse } from '../grading/types';

/** Each article's questions by id (an article is graded, and shown, question by question). */
const questionIndex = new WeakMap<LoadedArticle, Map<string, BankQuestion>>();

/**
 * The question of an article with this id (the first, should the bank repeat one).
 * @param article the checked article
 * @param id a question id
 */
export function questionOf(article: LoadedArticle, id: string): BankQuestion | undefined {
	let byId = questionIndex.get(article);
	if (!byId) {
		byId = new Map();
		for (const q of article.questions) if (!byId.has(q.id)) byId.set(q.id, q);
		questionIndex.set(article, byId);
	}
	return byId.get(id);
}

/**
 * Grades one answer with the grading module, against the article's text.
 * @param article the checked article
 * @param id the question id
 * @param response the student's answer
 */
export function gradeAnswer(
	article: LoadedArticle,
	id: string,
	response: StudentResponse
): GradeResult | undefined {
	const q = questionOf(article, id);
	return q ? gradeQuestion(q, response, { article }) : undefined;
}
