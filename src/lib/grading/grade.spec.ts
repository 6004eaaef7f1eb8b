import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { question as questionSchema, type Question } from '../bank/schema';
import { gradeQuestion } from './grade';
import { parseResponse, coerceResponse } from './response';
import { gradeQuick } from './quick';

const common = {
	paragraph: 'p3',
	prompt: 'سؤال',
	evidence: 'الاجتماع الذي عقد في مدينة زوارة',
	explanation: 'شرح',
	skill: 'where',
	difficulty: 1
};
const q = (extra: Record<string, unknown>): Question =>
	questionSchema.parse({ id: 'q', ...common, ...extra });
const article = {
	paragraphs: [
		{
			id: 'p3',
			text: 'وعرض الاجتماع الذي عقد في مدينة زوارة الواقعة على مسافة 120 كلم غرب طرابلس "المستجدات العسكرية والأمنية في ليبيا".'
		}
	]
};

describe('short answers', () => {
	const short = q({ type: 'short', answer: 'زوارة', accept: ['Zuwara'] });
	const grade = (text: string) => gradeQuestion(short, { type: 'short', text }, { article });
	it('accepts variants and says what was normalized', () => {
		const r = grade('مدينةُ زُوارَة');
		expect(r).toMatchObject({
			correct: true,
			score: 1,
			verdict: 'correct',
			questionId: 'q',
			type: 'short'
		});
		expect(r.normalized).toContain('diacritics ignored');
		expect(r.explanation).toBe('شرح');
		expect(grade('Zwara').correct).toBe(true);
	});
	it('shows the answer as it was typed, not folded', () => {
		expect(grade('  زُوارَة ').parts[0].given).toBe('زُوارَة');
		expect(grade('مدينةُ زُوارَة، في ليبيا').parts[0].given).toBe('زُوارَة');
	});
	it('refuses another name from the paragraph, a hedge, an empty answer', () => {
		expect(grade('طرابلس').correct).toBe(false);
		expect(grade('زوارة أو طرابلس').correct).toBe(false);
		expect(grade('  ؟! ').correct).toBe(false);
	});
});

describe('numeric answers', () => {
	const numeric = q({ type: 'numeric', answer: { value: 120, unit: 'كم' } });
	const grade = (text: string) => gradeQuestion(numeric, { type: 'numeric', text }, { article });
	it('reads any script and spelling', () => {
		for (const t of ['120', '١٢٠ كم', '120km', 'مئة وعشرون كيلومترا', '۱۲۰ کیلومتر'])
			expect(grade(t).correct, t).toBe(true);
	});
	it('refuses wrong numbers, units and hedges', () => {
		for (const t of ['150', '120 ميل', '١٢٠ أو ١٥٠', 'بعيدة'])
			expect(grade(t).correct, t).toBe(false);
	});
	it('honours tolerance and a required unit', () => {
		const tol = q({
			type: 'numeric',
			answer: { value: 120, unit: 'كم', tolerance: 5, unitOptional: false }
		});
		expect(gradeQuestion(tol, { type: 'numeric', text: '124 كم' }).correct).toBe(true);
		expect(gradeQuestion(tol, { type: 'numeric', text: '126 كم' }).correct).toBe(false);
		expect(gradeQuestion(tol, { type: 'numeric', text: '120' }).correct).toBe(false);
	});
});

describe('the other types', () => {
	it('single and true/false are exact', () => {
		const single = q({ type: 'single', answer: 'زوارة', distractors: ['طرابلس', 'سرت'] });
		expect(gradeQuestion(single, { type: 'single', choice: 'زوارة' }).correct).toBe(true);
		expect(gradeQuestion(single, { type: 'single', choice: 'طرابلس' }).score).toBe(0);
		const tf = q({ type: 'truefalse', answer: false, correction: 'زوارة' });
		expect(gradeQuestion(tf, { type: 'truefalse', value: false }).correct).toBe(true);
		expect(gradeQuestion(tf, { type: 'truefalse', value: true }).correct).toBe(false);
	});
	it('multiple gives partial credit, or none when all-or-nothing', () => {
		const m = q({ type: 'multiple', answer: ['الجفرة', 'سرت'], distractors: ['زوارة', 'طرابلس'] });
		expect(gradeQuestion(m, { type: 'multiple', choices: ['سرت', 'الجفرة'] }).score).toBe(1);
		expect(gradeQuestion(m, { type: 'multiple', choices: ['سرت'] })).toMatchObject({
			score: 0.5,
			verdict: 'partial'
		});
		expect(gradeQuestion(m, { type: 'multiple', choices: ['سرت', 'زوارة'] }).score).toBe(0);
		expect(
			gradeQuestion(m, { type: 'multiple', choices: ['سرت', 'الجفرة', 'زوارة', 'طرابلس'] }).score
		).toBe(0);
		const aon = q({
			type: 'multiple',
			answer: ['الجفرة', 'سرت'],
			distractors: ['زوارة'],
			scoring: 'all-or-nothing'
		});
		expect(gradeQuestion(aon, { type: 'multiple', choices: ['سرت'] }).score).toBe(0);
	});
	it('matching scores per pair', () => {
		const m = q({
			type: 'matching',
			pairs: [
				{ left: 'a', right: 'زوارة' },
				{ left: 'b', right: 'طرابلس' },
				{ left: 'c', right: 'غرب' }
			]
		});
		const r = gradeQuestion(m, { type: 'matching', matches: ['زوارة', 'غرب', 'طرابلس'] });
		expect(r.score).toBeCloseTo(1 / 3, 3);
		expect(r.parts.map((p) => p.correct)).toEqual([true, false, false]);
	});
	it('ordering gives credit by pairs in the right order', () => {
		const o = q({ type: 'ordering', items: ['أ', 'ب', 'ج', 'د'] });
		expect(gradeQuestion(o, { type: 'ordering', order: ['أ', 'ب', 'ج', 'د'] }).score).toBe(1);
		expect(gradeQuestion(o, { type: 'ordering', order: ['ب', 'أ', 'ج', 'د'] }).score).toBeCloseTo(
			5 / 6,
			3
		);
		expect(gradeQuestion(o, { type: 'ordering', order: ['د', 'ج', 'ب', 'أ'] }).score).toBe(0);
	});
	it('cloze grades each blank', () => {
		const c = q({ type: 'cloze', text: 'في مدينة [[زوارة|Zuwara]] الواقعة على مسافة [[120]] كلم' });
		expect(gradeQuestion(c, { type: 'cloze', blanks: ['زواره', '١٢٠'] }).correct).toBe(true);
		const half = gradeQuestion(c, { type: 'cloze', blanks: ['Zuwara', '150'] });
		expect(half).toMatchObject({ score: 0.5, verdict: 'partial' });
		expect(half.parts.map((p) => p.correct)).toEqual([true, false]);
	});
	it('evidence without the paragraph text must hold the whole stored evidence', () => {
		const e = { ...q({ type: 'evidence' }), spans: [{ paragraph: 'p3', start: 10, end: 40 }] };
		const mark = (paragraph: string, start: number, end: number) =>
			gradeQuestion(e, { type: 'evidence', paragraph, start, end });
		expect(mark('p3', 8, 40).correct).toBe(true);
		// most of the quote is not the quote: no share of a long quote counts on its own
		expect(mark('p3', 12, 40)).toMatchObject({ correct: false, score: 0 });
		expect(mark('p3', 35, 60).correct).toBe(false);
		expect(mark('p3', 0, 200).correct).toBe(false);
		expect(mark('p4', 10, 40).score).toBe(0);
		expect(mark('p3', 10, 40).evidence).toEqual(e.spans);
	});
});

describe('bounded input', () => {
	const short = q({ type: 'short', answer: 'زوارة' });
	it('refuses an over-long answer politely', () => {
		const r = gradeQuestion(short, { type: 'short', text: 'ز'.repeat(501) });
		expect(r.correct).toBe(false);
		expect(r.refused).toMatch(/500 characters/);
	});
	it('refuses the wrong shape without throwing', () => {
		for (const bad of [
			null,
			undefined,
			42,
			'زوارة',
			{},
			{ type: 'short' },
			{ type: 'short', text: 5 },
			{ type: 'single', choice: 'x' },
			{ type: 'nope' },
			[1, 2]
		]) {
			const r = gradeQuestion(short, bad);
			expect(r.refused, JSON.stringify(bad)).toBeTruthy();
			expect(r.score).toBe(0);
		}
	});
	it('parses and coerces raw responses', () => {
		expect(parseResponse({ type: 'short', text: 'x' }).ok).toBe(true);
		expect(parseResponse({ type: 'evidence', paragraph: 'p1', start: 5, end: 2 }).ok).toBe(false);
		expect(coerceResponse('truefalse', 'صح')).toEqual({
			ok: true,
			response: { type: 'truefalse', value: true }
		});
		expect(coerceResponse('multiple', 'سرت | الجفرة')).toMatchObject({
			ok: true,
			response: { choices: ['سرت', 'الجفرة'] }
		});
		expect(coerceResponse('short', { nope: 1 }).ok).toBe(false);
	});
});

describe('properties', () => {
	const marks = fc.constantFrom(
		'\u064B',
		'\u064C',
		'\u064D',
		'\u064E',
		'\u064F',
		'\u0650',
		'\u0651',
		'\u0652',
		'\u0640'
	);
	const decorate = (s: string, extra: string[]) => {
		let i = 0;
		return s.replace(/[\u0621-\u064A]/g, (ch) => ch + (extra[i++ % extra.length] ?? ''));
	};
	const cases: [string, string, string[] | undefined][] = [
		['زوارة', 'مدينة زوارة', undefined],
		['زوارة', 'طرابلس', undefined],
		['فائز السراج', 'السراج', undefined],
		['فائز السراج', 'حفتر', undefined],
		['غرب', 'غرب طرابلس', undefined],
		['غرب', 'شرق', undefined],
		['120 كلم', 'مئة وعشرون كيلومترا', undefined],
		['120 كلم', '١٥٠ كم', undefined],
		['أواخر مايو', 'أوائل مايو', undefined],
		['أواخر مايو', 'أيار', undefined],
		['الجفرة', 'قاعدة الجفرة', ['سرت']]
	];
	it('adding diacritics or tatweel never changes the verdict', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...cases),
				fc.array(marks, { minLength: 1, maxLength: 8 }),
				([key, answer, more], extra) => {
					const k = { expected: more ? [key, ...more] : key };
					const plain = gradeQuick(k, answer, article);
					const fancy = gradeQuick(k, decorate(answer, extra), article);
					expect(fancy.correct).toBe(plain.correct);
					expect(fancy.score).toBe(plain.score);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('changing any digit of a numeric answer never keeps it correct', () => {
		const scripts = [
			(d: number) => String(d),
			(d: number) => String.fromCharCode(0x660 + d),
			(d: number) => String.fromCharCode(0x6f0 + d)
		];
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 999_999 }),
				fc.nat(),
				fc.integer({ min: 1, max: 9 }),
				fc.constantFrom(0, 1, 2),
				fc.constantFrom('', ' كم', ' km', 'كلم'),
				(value, at, shift, script, unit) => {
					const numeric = q({ type: 'numeric', answer: { value, unit: 'كم' } });
					const digits = String(value).split('').map(Number);
					const i = at % digits.length;
					const write = (ds: number[]) => ds.map(scripts[script]).join('') + unit;
					expect(gradeQuestion(numeric, { type: 'numeric', text: write(digits) }).correct).toBe(
						true
					);
					const changed = [...digits];
					changed[i] = (changed[i] + shift) % 10;
					expect(gradeQuestion(numeric, { type: 'numeric', text: write(changed) }).correct).toBe(
						false
					);
				}
			),
			{ numRuns: 500 }
		);
	});
});
