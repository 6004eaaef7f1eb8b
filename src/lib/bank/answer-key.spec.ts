import { describe, expect, it } from 'vitest';
import { answerKeyParts, answerKeyText } from './answer-key';
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

describe('matching and ordering keys', () => {
	const matching = q({
		type: 'matching',
		evidence: 'التقى السراج قائد أفريكوم',
		pairs: [
			{ left: 'السراج', right: 'رئيس الحكومة' },
			{ left: 'تاونسند', right: 'قائد أفريكوم' }
		]
	});
	const ordering = q({ type: 'ordering', items: ['أول', 'ثان', 'ثالث'] });

	it('are pairs and an ordered list for pages', () => {
		expect(answerKeyParts(matching)).toEqual({
			kind: 'pairs',
			pairs: [
				['السراج', 'رئيس الحكومة'],
				['تاونسند', 'قائد أفريكوم']
			]
		});
		expect(answerKeyParts(ordering)).toEqual({
			kind: 'list',
			ordered: true,
			items: ['أول', 'ثان', 'ثالث']
		});
	});

	it('use no arrow in their text form, which reads the same either way', () => {
		for (const text of [answerKeyText(matching), answerKeyText(ordering)]) {
			expect(text).not.toMatch(/[→←]/);
		}
		expect(answerKeyText(matching)).toBe('السراج = رئيس الحكومة | تاونسند = قائد أفريكوم');
		expect(answerKeyText(ordering)).toBe('1. أول | 2. ثان | 3. ثالث');
	});

	it('is one text for the other types', () => {
		expect(answerKeyParts(q({ type: 'short', answer: 'كلم' }))).toEqual({
			kind: 'text',
			text: 'كلم'
		});
	});
});
