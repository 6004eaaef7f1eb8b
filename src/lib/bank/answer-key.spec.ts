import { describe, expect, it } from 'vitest';
import { answerKeyText } from './answer-key';
import { question, type Question } from './schema';

const base = {
	id: 'q',
	paragraph: 'p3',
	prompt: 'كم؟',
	evidence: 'على مسافة 120 كلم غرب طرابلس',
	explanation: 'x',
	skill: 'quantity',
	difficulty: 1
};
const q = (extra: Record<string, unknown>): Question => question.parse({ ...base, ...extra });

describe('answerKeyText', () => {
	it('writes a number with its tolerance and unit', () => {
		expect(answerKeyText(q({ type: 'numeric', answer: { value: 120, unit: 'كلم' } }))).toBe(
			'120 كلم'
		);
		expect(
			answerKeyText(q({ type: 'numeric', answer: { value: 120, unit: 'كلم', tolerance: 5 } }))
		).toBe('120 ± 5 كلم');
	});

	it("says true and false in the reader's words, with a false statement's correction", () => {
		const tf = q({ type: 'truefalse', answer: false, correction: 'غرب طرابلس' });
		expect(answerKeyText(tf)).toBe('false (غرب طرابلس)');
		expect(answerKeyText(tf, { true: 'صح', false: 'خطأ' })).toBe('خطأ (غرب طرابلس)');
	});

	it('lists the answers of cloze blanks', () => {
		expect(answerKeyText(q({ type: 'cloze', text: 'مسافة [[120]] كلم [[غرب|west]]' }))).toBe(
			'120 | غرب'
		);
	});
});
