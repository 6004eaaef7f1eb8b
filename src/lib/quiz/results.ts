/**
 * From grades to what the pages show: feedback with the evidence marked in its passage, the
 * student's answer in words, the score and its breakdown by skill.
 */
import type { Paragraph } from '../bank/article';
import { answerKeyParts, answerKeyText } from '../bank/answer-key';
import type { BankQuestion } from '../bank/check';
import { SKILLS, type Skill } from '../bank/kinds';
import type { StudentResponse } from '../grading/types';
import type { Grade } from './attempts';
import type { EvidenceExcerpt, FeedbackView, QuestionView } from './types';

/** How much of the paragraph to show on each side of the evidence. */
const AROUND = 70;

/**
 * A passage cut around an evidence span, at word boundaries.
 * @param paragraph the paragraph
 * @param start offset of the quote
 * @param end offset after it
 */
export function excerpt(paragraph: Paragraph, start: number, end: number): EvidenceExcerpt {
	const text = paragraph.text;
	let from = Math.max(0, start - AROUND);
	let to = Math.min(text.length, end + AROUND);
	if (from > 0) from = text.indexOf(' ', from) + 1 || from;
	if (to < text.length) to = text.lastIndexOf(' ', to) > end ? text.lastIndexOf(' ', to) : to;
	return {
		paragraph: paragraph.id,
		n: paragraph.n,
		start,
		end,
		before: (from > 0 ? '… ' : '') + text.slice(from, start),
		mark: text.slice(start, end),
		after: text.slice(end, to) + (to < text.length ? ' …' : '')
	};
}

/** An option the student chose, and whether it is one of the key's (results page). */
export interface ChosenOption {
	text: string;
	right: boolean;
}

/** Feedback with the student's choices marked, each on its own option (choice questions). */
export type MarkedFeedbackView = FeedbackView & { chosen?: ChosenOption[] };

/**
 * The feedback to show for a graded (or unanswered) question.
 * @param q the bank question
 * @param result its grade (a `Grade`, or a whole `GradeResult`), or undefined when not answered
 * @param paragraphs the article's paragraphs
 * @param trueFalse the words for true and false
 * @param given the student's answer in words, when the page shows it
 * @param response the answer itself, whose chosen options the results mark (choice questions)
 */
export function feedbackView(
	q: BankQuestion,
	result: Grade | undefined,
	paragraphs: readonly Paragraph[],
	trueFalse: [string, string],
	given?: string,
	response?: StudentResponse
): MarkedFeedbackView {
	// The grader's key and evidence are always the question's: the bank's, not the grade's, are used.
	const evidence = q.spans.flatMap((s) => {
		const p = paragraphs.find((x) => x.id === s.paragraph);
		return p ? [excerpt(p, s.start, s.end)] : [];
	});
	const labels = { true: trueFalse[0], false: trueFalse[1] };
	const chosen = response ? markChosen(q, response) : null;
	return {
		verdict: result ? result.verdict : 'unanswered',
		score: result?.score ?? 0,
		expected: answerKeyText(q, labels),
		key: answerKeyParts(q, labels),
		explanation: q.explanation,
		explanationLang: q.langs.explanation,
		evidence,
		...(given !== undefined ? { given } : {}),
		...(chosen?.length ? { chosen } : {}),
		...(result?.review ? { review: true } : {})
	};
}

/** A choice question's chosen options, each marked right or wrong; null for other questions. */
function markChosen(q: BankQuestion, response: StudentResponse): ChosenOption[] | null {
	if (q.type !== 'single' && q.type !== 'multiple') return null;
	const right = new Set(q.type === 'single' ? [q.answer.text] : q.answer.map((o) => o.text));
	const chosen =
		response.type === 'single'
			? [response.choice]
			: response.type === 'multiple'
				? response.choices
				: [];
	return chosen.map((text) => ({ text, right: right.has(text) }));
}

/**
 * A student's answer in words, for the results page.
 * @param r the saved answer
 * @param v the question as shown
 * @param paragraphs the article's paragraphs (for a marked phrase)
 * @param trueFalse the words for true and false
 */
export function describeResponse(
	r: StudentResponse | undefined,
	v: QuestionView,
	paragraphs: readonly Paragraph[],
	trueFalse: [string, string]
): string {
	if (!r) return '';
	switch (r.type) {
		case 'single':
			return r.choice;
		case 'multiple':
			return r.choices.join(' · ');
		case 'truefalse':
			return r.value ? trueFalse[0] : trueFalse[1];
		case 'short':
		case 'numeric':
			return r.text;
		case 'cloze':
			return r.blanks.map((b) => b || '–').join(' / ');
		case 'matching':
			return v.type === 'matching'
				? v.left.map((l, k) => `${l} ← ${r.matches[k] || '–'}`).join(' · ')
				: '';
		case 'ordering':
			return r.order.map((o, i) => `${i + 1}. ${o}`).join('  ');
		case 'evidence':
			return paragraphs.find((p) => p.id === r.paragraph)?.text.slice(r.start, r.end) ?? '';
	}
}

/** A quiz's score and its breakdown by skill. */
export interface Summary {
	/** sum of the questions' scores (partial credit counts) */
	score: number;
	total: number;
	percent: number;
	bySkill: { skill: Skill; score: number; total: number }[];
	/** questions not fully right, in quiz order */
	missed: string[];
}

/**
 * Sums up graded questions.
 * @param items each question's id, skill and score (0 when unanswered)
 */
export function summarize(items: readonly { id: string; skill: Skill; score: number }[]): Summary {
	const round = (x: number) => Math.round(x * 100) / 100;
	const score = items.reduce((s, i) => s + i.score, 0);
	const bySkill = SKILLS.flatMap((skill) => {
		const of = items.filter((i) => i.skill === skill);
		return of.length
			? [{ skill, score: round(of.reduce((s, i) => s + i.score, 0)), total: of.length }]
			: [];
	});
	return {
		score: round(score),
		total: items.length,
		percent: items.length ? Math.round((score / items.length) * 100) : 0,
		bySkill,
		missed: items.filter((i) => i.score < 1).map((i) => i.id)
	};
}
