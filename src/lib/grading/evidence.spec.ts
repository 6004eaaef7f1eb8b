/**
 * The rule `evidence-span`, with the examples that motivate it: a mark is right when it holds the
 * smallest phrase that proves the answer (a declared core, the followed key's words in the
 * evidence, or the evidence without what proves nothing), and is not much longer than the evidence.
 */
import { describe, expect, it } from 'vitest';
import { question as questionSchema, type Question } from '../bank/schema';
import { gradeQuestion } from './grade';
import type { GradeContext } from './types';

const p3 =
	'وعرض الاجتماع الذي عقد في مدينة زوارة الواقعة على مسافة 120 كلم غرب طرابلس "المستجدات العسكرية والأمنية في ليبيا".';
const p4 =
	'من جانبها، اكدت السفارة الأميركية أن الاجتماع مع السراج أكد الحاجة إلى "وقف الأعمال العسكرية والعودة إلى المفاوضات".';
const p5 =
	'وقالت السفارة في بيان "في سياق تصاعد التدخل الأجنبي في ليبيا، ركّز الاجتماع على الفرص الحالية".';
const paragraphs = [
	{ id: 'p3', text: p3 },
	{ id: 'p4', text: p4 },
	{ id: 'p5', text: p5 }
];

function evidenceQuestion(
	paragraph: string,
	evidence: string,
	extra: Record<string, unknown> = {}
) {
	const text = paragraphs.find((p) => p.id === paragraph)!.text;
	const start = text.indexOf(evidence);
	const parsed = questionSchema.parse({
		id: 'e',
		type: 'evidence',
		paragraph,
		prompt: 'حدّد العبارة',
		evidence,
		explanation: '-',
		skill: 'where',
		difficulty: 2,
		...extra
	});
	return { ...parsed, spans: [{ paragraph, start, end: start + evidence.length }] };
}

const where: Question = questionSchema.parse({
	id: 'where',
	type: 'short',
	paragraph: 'p3',
	prompt: 'أين عقد الاجتماع؟',
	evidence: 'مدينة زوارة',
	answer: 'زوارة',
	explanation: '-',
	skill: 'where',
	difficulty: 1
});

function marker(q: ReturnType<typeof evidenceQuestion>, context: GradeContext) {
	return (phrase: string) => {
		const paragraph = q.spans[0].paragraph;
		const text = paragraphs.find((p) => p.id === paragraph)!.text;
		const start = text.indexOf(phrase);
		if (start < 0) throw new Error(`«${phrase}» is not in ${paragraph}`);
		return gradeQuestion(
			q,
			{ type: 'evidence', paragraph, start, end: start + phrase.length },
			context
		);
	};
}

const longQuote = 'الاجتماع الذي عقد في مدينة زوارة الواقعة على مسافة 120 كلم غرب طرابلس';

describe('evidence-span: a declared core', () => {
	const mark = marker(
		evidenceQuestion('p3', 'على مسافة 120 كلم غرب طرابلس', { core: 'غرب طرابلس' }),
		{ article: { paragraphs } }
	);
	it('accepts the core, the evidence, and a little more', () => {
		expect(mark('غرب طرابلس')).toMatchObject({ correct: true, rule: 'evidence-span' });
		expect(mark('على مسافة 120 كلم غرب طرابلس').correct).toBe(true);
		expect(mark('مدينة زوارة الواقعة على مسافة 120 كلم غرب طرابلس').correct).toBe(true);
	});
	it('refuses most of the quote without the core, with no share', () => {
		expect(mark('على مسافة 120 كلم')).toMatchObject({ correct: false, score: 0 });
		expect(mark('غرب')).toMatchObject({ correct: false, score: 0 });
	});
	it('refuses a mark much longer than the evidence', () => {
		expect(mark(p3).correct).toBe(false);
	});
});

describe('evidence-span: the key of the question it follows', () => {
	const q = evidenceQuestion('p3', longQuote, { follows: 'where' });
	const mark = marker(q, { article: { paragraphs, questions: [where] } });
	it('accepts exactly the phrase the prompt asks for, and the key word alone', () => {
		expect(mark('في مدينة زوارة').correct).toBe(true);
		expect(mark('زوارة').correct).toBe(true);
		expect(mark(longQuote).correct).toBe(true);
	});
	it('refuses more than half of a long quote without the key', () => {
		expect(mark('الواقعة على مسافة 120 كلم غرب طرابلس')).toMatchObject({
			correct: false,
			score: 0
		});
		expect(mark('الاجتماع الذي عقد في').correct).toBe(false);
	});
	it('without the questions, asks for the evidence less its wrapping', () => {
		const alone = marker(q, { article: { paragraphs } });
		expect(alone('زوارة الواقعة على مسافة 120 كلم غرب طرابلس').correct).toBe(true);
		expect(alone('في مدينة زوارة').correct).toBe(false);
		expect(alone('الواقعة على مسافة 120 كلم غرب طرابلس').correct).toBe(false);
	});
});

describe('evidence-span: the evidence, less what proves nothing', () => {
	it('leaves out the prompt’s own words and a closing qualifier', () => {
		const mark = marker(
			evidenceQuestion('p5', 'في سياق تصاعد التدخل الأجنبي في ليبيا', {
				prompt: 'حدّد العبارة التي تذكر السياق'
			}),
			{ article: { paragraphs } }
		);
		expect(mark('تصاعد التدخل الأجنبي').correct).toBe(true);
		expect(mark('التدخل الأجنبي في ليبيا').correct).toBe(false);
		expect(mark('في سياق').correct).toBe(false);
	});
	it('gives a share for each part of a phrase of several parts', () => {
		const mark = marker(evidenceQuestion('p4', 'وقف الأعمال العسكرية والعودة إلى المفاوضات'), {
			article: { paragraphs }
		});
		expect(mark('وقف الأعمال العسكرية والعودة إلى المفاوضات').correct).toBe(true);
		expect(mark('وقف الأعمال العسكرية')).toMatchObject({ verdict: 'partial', score: 0.5 });
		expect(mark('والعودة إلى المفاوضات')).toMatchObject({ verdict: 'partial', score: 0.5 });
		expect(mark('الأعمال العسكرية')).toMatchObject({ verdict: 'wrong', score: 0 });
	});
	it('keeps the reference of a direction', () => {
		const mark = marker(
			evidenceQuestion('p3', 'غرب طرابلس', { prompt: 'حدّد اتجاه زوارة من طرابلس' }),
			{ article: { paragraphs } }
		);
		expect(mark('غرب طرابلس').correct).toBe(true);
		expect(mark('غرب').correct).toBe(false);
	});
});
