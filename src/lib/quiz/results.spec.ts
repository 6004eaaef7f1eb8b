import { describe, expect, it } from 'vitest';
import { answerKeyText } from '../bank/answer-key';
import { gradeQuestion } from '../grading/grade';
import type { StudentResponse } from '../grading/types';
import { loadBank } from '../server/bank';
import { keptGrade } from './attempts';
import { describeResponse, feedbackView } from './results';
import { studentView } from './view';

const articles = loadBank('questions').articles;

/** Some answer of the question's type (right or wrong does not matter here). */
function anAnswer(type: string): StudentResponse {
	switch (type) {
		case 'single':
			return { type, choice: 'x' };
		case 'multiple':
			return { type, choices: ['x'] };
		case 'truefalse':
			return { type, value: true };
		case 'short':
		case 'numeric':
			return { type, text: '120' };
		case 'cloze':
			return { type, blanks: ['x'] };
		case 'matching':
			return { type, matches: ['x'] };
		case 'ordering':
			return { type, order: ['x'] };
		default:
			return { type: 'evidence', paragraph: 'p1', start: 0, end: 5 };
	}
}

describe('feedbackView of a kept grade', () => {
	it('shows what the whole grade showed: the key and evidence are the question’s own', () => {
		let n = 0;
		for (const article of articles) {
			for (const q of article.questions) {
				const full = gradeQuestion(q, anAnswer(q.type), { article });
				expect(full.expected).toBe(answerKeyText(q));
				expect(full.evidence).toEqual(q.spans);
				const tf: [string, string] = ['صح', 'خطأ'];
				expect(feedbackView(q, keptGrade(full), article.paragraphs, tf)).toEqual(
					feedbackView(q, full, article.paragraphs, tf)
				);
				// an unanswered question shows the same key as a graded one
				expect(feedbackView(q, undefined, article.paragraphs, tf).expected).toBe(
					feedbackView(q, full, article.paragraphs, tf).expected
				);
				n++;
			}
		}
		expect(n).toBeGreaterThan(50);
	});
});

describe('the options of a choice answer, marked', () => {
	it('marks each chosen option of a multiple choice right or wrong on the results', () => {
		const q = articles.flatMap((a) => a.questions).find((x) => x.type === 'multiple')!;
		if (q.type !== 'multiple') throw new Error('no multiple-choice question in the bank');
		const article = articles.find((a) => a.slug === q.article)!;
		const right = q.answer[0].text;
		const wrong = q.distractors[0].text;
		const response: StudentResponse = { type: 'multiple', choices: [wrong, right] };
		const view = studentView(q, 's', article);
		const tf: [string, string] = ['صح', 'خطأ'];
		const given = describeResponse(response, view, article.paragraphs, tf);
		const grade = gradeQuestion(q, response, { article });
		expect(feedbackView(q, grade, article.paragraphs, tf, given, response).chosen).toEqual([
			{ text: wrong, right: false },
			{ text: right, right: true }
		]);
		// not on the quiz page (no answer there), nor for an unanswered question
		expect(feedbackView(q, grade, article.paragraphs, tf).chosen).toBeUndefined();
		expect(
			feedbackView(q, undefined, article.paragraphs, tf, '', undefined).chosen
		).toBeUndefined();
	});
});
