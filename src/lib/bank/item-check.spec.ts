import { describe, expect, it } from 'vitest';
import { itemFindings, type ItemRule } from './item-check';
import { question, type Question, type QuestionInput } from './schema';

const PARAGRAPHS = [
	{
		id: 'p1',
		text: 'التقى فائز السراج الاثنين قائد القيادة العسكرية الأميركية في أفريقيا الجنرال ستيفن تاونسند والسفير الأميركي لدى ليبيا ريتشارد نورلاند.'
	},
	{
		id: 'p2',
		text: 'وعرض الاجتماع الذي عقد في مدينة زوارة الواقعة على مسافة 120 كلم غرب طرابلس المستجدات العسكرية والأمنية.'
	},
	{
		id: 'p3',
		text: 'وبذلك اضطرت قوّات حفتر للتراجع إلى سرت الواقعة على مسافة 450 كلم شرق طرابلس.'
	}
];

let n = 0;
/** A question with sensible defaults, parsed by the real schema. */
function q(fields: Partial<QuestionInput> & Pick<QuestionInput, 'type'>): Question {
	return question.parse({
		id: `q${++n}`,
		paragraph: 'p2',
		prompt: 'في أي مدينة عُقد الاجتماع؟',
		evidence: 'في مدينة زوارة',
		explanation: 'في زوارة.',
		skill: 'where',
		difficulty: 2,
		...fields
	});
}

function rules(questions: Question[], rule: ItemRule) {
	return itemFindings(questions, PARAGRAPHS).filter((f) => f.rule === rule);
}

describe('item-writing check', () => {
	it('key-longest: fires when the key is the longest option by far, quiet when lengths are even', () => {
		const bad = q({
			type: 'single',
			answer: 'اجتمع في مدينة زوارة الواقعة غرب العاصمة طرابلس',
			distractors: ['في سرت', 'في طرابلس', 'في الجفرة']
		});
		const good = q({
			type: 'single',
			answer: 'زوارة',
			distractors: ['طرابلس', 'سرت', 'الجفرة']
		});
		const found = rules([bad, good], 'key-longest');
		expect(found.map((f) => f.questionId)).toEqual([bad.id]);
		expect(found[0].message).toMatch(/shorten the key/);
	});

	it("key-longest-share: fires when an article's keys are the longest far above chance", () => {
		const longKey = () =>
			q({ type: 'single', answer: 'زوارة غربًا', distractors: ['سرت', 'طرابلس', 'الجفرة'] });
		const shortKey = () =>
			q({ type: 'single', answer: 'سرت', distractors: ['زوارة غربًا', 'طرابلس', 'الجفرة'] });
		const skewed = [...Array.from({ length: 6 }, longKey), ...Array.from({ length: 4 }, shortKey)];
		const even = [...Array.from({ length: 2 }, longKey), ...Array.from({ length: 8 }, shortKey)];
		const found = rules(skewed, 'key-longest-share');
		expect(found).toHaveLength(1);
		expect(found[0].message).toMatch(/6 of 10 single-choice keys/);
		expect(rules(even, 'key-longest-share')).toEqual([]);
	});

	it('verbatim-key: fires when only the key copies the text, quiet when a distractor does too', () => {
		const bad = q({
			type: 'single',
			answer: 'في مدينة زوارة الواقعة',
			distractors: ['قرب ميناء بنغازي', 'في جنوب البلاد', 'في عاصمة تونس']
		});
		const good = q({
			type: 'single',
			answer: 'في مدينة زوارة الواقعة',
			distractors: ['للتراجع إلى سرت', 'في جنوب البلاد', 'في عاصمة تونس']
		});
		expect(rules([bad, good], 'verbatim-key').map((f) => f.questionId)).toEqual([bad.id]);
	});

	it('same-meaning: fires on two options with the same words, quiet on different ones', () => {
		const bad = q({
			type: 'single',
			answer: 'زوارة',
			distractors: ['ازدياده واشتداده', 'اشتداده وازدياده', 'سرت']
		});
		const good = q({
			type: 'single',
			answer: 'زوارة',
			distractors: ['ازدياده واشتداده', 'تراجعه وانحساره', 'سرت']
		});
		const found = rules([bad, good], 'same-meaning');
		expect(found.map((f) => f.questionId)).toEqual([bad.id]);
		expect(found[0].message).toMatch(/replace one/);
	});

	it('all-none: fires on "all/none of the above", quiet otherwise', () => {
		const bad = q({ type: 'single', answer: 'زوارة', distractors: ['سرت', 'كل ما سبق'] });
		const worse = q({
			type: 'multiple',
			answer: ['زوارة'],
			distractors: ['None of the above']
		});
		const good = q({ type: 'single', answer: 'زوارة', distractors: ['سرت', 'طرابلس'] });
		expect(rules([bad, worse, good], 'all-none').map((f) => f.questionId)).toEqual([
			bad.id,
			worse.id
		]);
	});

	it("leak: fires when a prompt shows another question's answer in context, quiet with a shared fact or a bare name", () => {
		const asker = q({
			type: 'short',
			answer: 'زوارة',
			evidence: 'الاجتماع الذي عقد في مدينة زوارة'
		});
		const shower = q({
			type: 'cloze',
			prompt: 'أكمل الفراغ.',
			text: 'في مدينة زوارة الواقعة على مسافة [[120]] كلم',
			evidence: 'في مدينة زوارة الواقعة على مسافة 120 كلم'
		});
		const found = rules([asker, shower], 'leak');
		expect(found.map((f) => f.questionId)).toEqual([shower.id]);
		expect(found[0].message).toContain(asker.id);
		// the same fact: a quiz never holds both
		const sameFact = [
			{ ...asker, fact: 'meeting-city' },
			{ ...shower, fact: 'meeting-city' }
		] as Question[];
		expect(rules(sameFact, 'leak')).toEqual([]);
		// the name alone, out of its context, tells nothing
		const bare = q({
			type: 'single',
			prompt: 'ما الذي عرضه الاجتماع في زوارة؟',
			answer: 'المستجدات العسكرية',
			distractors: ['المستجدات الاقتصادية'],
			evidence: 'المستجدات العسكرية والأمنية'
		});
		expect(rules([asker, bare], 'leak')).toEqual([]);
	});

	it('near-duplicate-prompt: fires on nearly the same prompt, quiet on a different one', () => {
		const a = q({
			type: 'short',
			answer: 'زوارة',
			prompt: 'في أي مدينة عُقد الاجتماع بين الطرفين؟'
		});
		const b = q({ type: 'short', answer: 'زوارة', prompt: 'في أيّ مدينة عقد الاجتماع بين الطرفين' });
		const c = q({
			type: 'numeric',
			answer: { value: 120, unit: 'كلم' },
			prompt: 'كم كيلومترًا تبعد زوارة عن طرابلس؟',
			evidence: 'على مسافة 120 كلم'
		});
		const found = rules([a, b, c], 'near-duplicate-prompt');
		expect(found.map((f) => f.questionId)).toEqual([b.id]);
		expect(found[0].message).toContain(a.id);
	});

	it('evidence-longer: fires on a long evidence without a short core, quiet with one', () => {
		const long = 'الاجتماع الذي عقد في مدينة زوارة الواقعة على مسافة 120 كلم غرب طرابلس';
		const bare = q({ type: 'evidence', evidence: long });
		const tooLong = q({ type: 'evidence', evidence: long, core: 'زوارة' });
		const good = q({ type: 'evidence', evidence: long, core: 'على مسافة 120 كلم غرب طرابلس' });
		const short = q({ type: 'evidence', evidence: 'في مدينة زوارة' });
		expect(rules([bare, tooLong, good, short], 'evidence-longer').map((f) => f.questionId)).toEqual(
			[bare.id, tooLong.id]
		);
	});

	it('difficulty-type: fires when the label is out of line with what a student must do', () => {
		const hardChoice = q({
			type: 'single',
			answer: 'زوارة',
			distractors: ['سرت'],
			difficulty: 3
		});
		const easyTyped = q({ type: 'short', answer: 'زوارة', difficulty: 1 });
		const hardEvidence = q({ type: 'evidence', difficulty: 3 });
		const inference = q({
			type: 'single',
			answer: 'زوارة',
			distractors: ['سرت'],
			skill: 'inference',
			difficulty: 3
		});
		const typed = q({ type: 'short', answer: 'زوارة', difficulty: 2 });
		const found = rules([hardChoice, easyTyped, hardEvidence, inference, typed], 'difficulty-type');
		expect(found.map((f) => f.questionId)).toEqual([hardChoice.id, easyTyped.id, hardEvidence.id]);
		expect(found[1].message).toMatch(/label it 2–3/);
	});

	it('names the question, the rule and what to do in every finding', () => {
		const bad = q({
			type: 'single',
			answer: 'اجتمع في مدينة زوارة الواقعة غرب العاصمة طرابلس',
			distractors: ['سرت', 'كل ما سبق'],
			difficulty: 3
		});
		const found = itemFindings([bad], PARAGRAPHS);
		expect(found.length).toBeGreaterThanOrEqual(3);
		for (const f of found) {
			expect(f.questionId).toBe(bad.id);
			expect(f.message).toMatch(/: .*(replace|shorten|label|paraphrase|give|ask|declare)/);
		}
	});
});
