/**
 * What the browser may see of a question: the student view. Types only, so components can import
 * them without pulling the bank's schema (and zod) into the page's JavaScript.
 */
import type { QuestionType, Skill } from '../bank/schema';
import type { AnswerKeyParts } from '../bank/answer-key';
import type { TextLanguage } from '../bank/text-language';

/** A word of a paragraph that can be marked as evidence: text and offsets in the stored text. */
export type Word = [text: string, start: number, end: number];

/** A paragraph an evidence question's words are marked in: its id and stored text. */
export interface EvidencePassage {
	paragraph: string;
	text: string;
}

interface ViewBase {
	id: string;
	type: QuestionType;
	prompt: string;
	translation?: string;
	/** the translation's language and direction (see bank/text-language.ts) */
	translationLang?: TextLanguage;
	/** the cited paragraphs: p1, p2, … */
	paragraphs: string[];
	skill: Skill;
	difficulty: number;
	/** the article's language and direction: a question is in the article's language */
	lang: string;
	dir: 'rtl' | 'ltr';
}

/** One question as sent to the browser: everything needed to answer it, no answer key. */
export type QuestionView = ViewBase &
	(
		| { type: 'single'; options: string[] }
		| { type: 'multiple'; options: string[] }
		| { type: 'truefalse' }
		| { type: 'short' }
		| { type: 'numeric' }
		/** the text around and between the blanks; a blank sits between two segments */
		| { type: 'cloze'; segments: string[] }
		| { type: 'matching'; left: string[]; right: string[] }
		| { type: 'ordering'; items: string[] }
		/** each cited paragraph's text: the page cuts it into words (`words` in fields.ts) */
		| { type: 'evidence'; passages: EvidencePassage[] }
	);

export type ViewOf<T extends QuestionType> = Extract<QuestionView, { type: T }>;

/** A passage of evidence cut around its quote, for showing it marked. */
export interface EvidenceExcerpt {
	paragraph: string;
	/** the paragraph's number */
	n: number;
	/** offsets of the quote in the paragraph's stored text */
	start: number;
	end: number;
	before: string;
	mark: string;
	after: string;
}

/** What the page shows of a grade: the verdict, the key, the explanation and where the text says so. */
export interface FeedbackView {
	verdict: 'correct' | 'partial' | 'wrong' | 'unanswered';
	/** 0–1 */
	score: number;
	expected: string;
	/** the key in parts (a list, the pairs of a matching question), for showing it laid out */
	key: AnswerKeyParts;
	explanation: string;
	/** the explanation's language and direction (the article's, or the one the bank names) */
	explanationLang: TextLanguage;
	evidence: EvidenceExcerpt[];
	/** the student's answer, in words (results page) */
	given?: string;
	/** the grader was unsure of the verdict: a teacher may review it */
	review?: boolean;
}
