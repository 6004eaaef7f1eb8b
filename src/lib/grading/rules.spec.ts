/**
 * Each named rule of the grader with the examples that motivate it: answers it accepts and answers
 * it refuses, over a small invented text. The result names the rule that decided.
 */
import { describe, expect, it } from 'vitest';
import { gradeQuick, type QuickKey } from './quick';
import { RULE_ORDER, RULES, type RuleName } from './rules';

const article = {
	paragraphs: [
		{
			id: 'p1',
			text: 'التقى الوزير سامر الحداد الأحد رئيس البلدية نادر القاسم في بلدة الريحان الواقعة على مسافة 40 كلم شرق مدينة الساحل، وبحثا إصلاح ميناء الريحان ومدرسة البلدة.'
		},
		{
			id: 'p2',
			text: 'وقال القاسم إن الأشغال بدأت في أواخر أيار الماضي وستنتهي قبل الشتاء، وإن البلدية تلقت دعما من فرنسا وإسبانيا.'
		}
	]
};

type Want = 'correct' | 'partial' | 'wrong';
interface Example {
	key: QuickKey;
	answer: string;
	want: Want;
	review?: boolean;
}

const at = (paragraph: number, extra: Omit<QuickKey, 'article' | 'paragraph'>): QuickKey => ({
	article: 'test',
	paragraph,
	...extra
});
const where = at(1, { expected: 'الريحان', prompt: 'أين التقى الوزير رئيس البلدية؟' });
const distance = at(1, { expected: '40 كلم', prompt: 'كم تبعد الريحان عن الساحل؟' });
const direction = at(1, { expected: 'شرق مدينة الساحل', prompt: 'في أي اتجاه تقع الريحان؟' });
const who = at(1, { expected: 'نادر القاسم', prompt: 'من التقى الوزير؟' });
const topics = at(1, { expected: ['ميناء الريحان', 'مدرسة البلدة'], prompt: 'ماذا بحثا؟' });
const when = at(2, { expected: 'أواخر أيار', prompt: 'متى بدأت الأشغال؟' });
const role = at(1, {
	expected: 'رئيس البلدية',
	reject: ['الوزير'],
	prompt: 'ما منصب نادر القاسم؟'
});

/** Examples by the rule that must decide them. */
const EXAMPLES: Partial<Record<RuleName, Example[]>> = {
	empty: [{ key: where, answer: ' ؟ ', want: 'wrong' }],
	'reject-form': [
		{ key: role, answer: 'الوزير', want: 'wrong' },
		// a rejected form anywhere in the answer, even hedged with the key
		{ key: role, answer: 'رئيس البلدية أو الوزير', want: 'wrong' }
	],
	'exact-form': [
		{ key: where, answer: 'الرَّيحان', want: 'correct' },
		{ key: who, answer: 'نادر القاسم', want: 'correct' }
	],
	'key-words': [
		{ key: where, answer: 'في بلدة الريحان', want: 'correct' },
		{ key: direction, answer: 'شرق الساحل', want: 'correct' }
	],
	number: [
		{ key: distance, answer: '٤٠ كم', want: 'correct' },
		{ key: distance, answer: '41 كم', want: 'wrong' }
	],
	surname: [{ key: who, answer: 'القاسم', want: 'correct' }],
	'first-name-only': [{ key: who, answer: 'نادر', want: 'wrong' }],
	parts: [{ key: topics, answer: 'ميناء الريحان', want: 'partial' }],
	'not-there': [{ key: where, answer: 'لا أعرف شيئا', want: 'wrong' }],
	'other-fact': [
		{ key: direction, answer: 'غرب الساحل', want: 'wrong' },
		{ key: when, answer: 'أواخر نيسان', want: 'wrong' }
	],
	'other-qualifier': [{ key: when, answer: 'أوائل أيار', want: 'wrong' }],
	'other-number': [{ key: where, answer: 'الريحان على بعد 70 كلم', want: 'wrong' }],
	'other-candidate': [{ key: where, answer: 'الريحان والساحل', want: 'wrong' }],
	hedge: [{ key: who, answer: 'القاسم أو الحداد', want: 'wrong' }],
	negation: [{ key: where, answer: 'ليس الريحان', want: 'wrong' }]
};

describe('the named rules of the grader', () => {
	it('lists every rule once, each with what it decides', () => {
		expect(new Set(RULE_ORDER).size).toBe(RULE_ORDER.length);
		for (const name of RULE_ORDER) expect(RULES[name].length).toBeGreaterThan(10);
	});

	for (const [rule, examples] of Object.entries(EXAMPLES) as [RuleName, Example[]][]) {
		it(`${rule}: ${RULES[rule]}`, () => {
			for (const ex of examples) {
				const r = gradeQuick(ex.key, ex.answer, article);
				const got = `${r.verdict} by ${r.rule} (${r.reason})`;
				expect(got, `«${ex.answer}»`).toMatch(new RegExp(`^${ex.want} by ${rule} `));
				expect(r.review).toBe(r.unsure);
				if (ex.review !== undefined) expect(r.review, `«${ex.answer}» review`).toBe(ex.review);
			}
		});
	}
});
