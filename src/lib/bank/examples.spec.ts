import { describe, expect, it } from 'vitest';
import { checkBank, exitCode, strictResult, type ArticleSource } from './check';
import { coreFindings, markedSpan } from './examples';
import { question } from './schema';
import { loadBank } from '../server/bank';

const ARTICLE = `---
title: مقال للاختبار
language: ar
direction: rtl
source: Dalil tests
date: 2020-06-22
attribution: written for the tests
---

التقى فائز السراج الاثنين قائد القيادة العسكرية الأميركية في أفريقيا الجنرال ستيفن تاونسند.

وعرض الاجتماع الذي عقد في مدينة زوارة الواقعة على مسافة 120 كلم غرب طرابلس المستجدات.
`;

function check(bank: string) {
	const sources: ArticleSource[] = [
		{
			slug: 'test',
			article: { path: 'q/test/article.md', text: ARTICLE },
			banks: [{ path: 'q/test/questions.yaml', text: bank }]
		}
	];
	const result = checkBank(sources);
	return {
		result,
		errors: result.diagnostics.filter((d) => d.severity === 'error'),
		proven: result.articles[0].questions.length
	};
}

const short = (examples: string) => `questions:
  - id: where-city
    type: short
    paragraph: p2
    prompt: في أي مدينة عُقد الاجتماع؟
    evidence: الاجتماع الذي عقد في مدينة زوارة
    answer: زوارة
    accept: [Zuwara]
    explanation: في زوارة.
    skill: where
    difficulty: 2
    examples:
${examples}`;

describe('examples: answers as tests', () => {
	it('passes a question whose examples the grader marks as they say', () => {
		const { errors, proven } = check(
			short(`      - { answer: زوارة, verdict: correct }
      - { answer: مدينة زوارة, verdict: correct, reason: the word مدينة adds nothing }
      - { answer: Zuwara, verdict: correct }
      - { answer: طرابلس, verdict: wrong, reason: the city the distance is measured from }`)
		);
		expect(errors).toEqual([]);
		expect(proven).toBe(1);
	});

	it('fails the question when a verdict differs, naming the example, both verdicts and the reason', () => {
		const { result, errors, proven } = check(
			short(`      - { answer: زوارة, verdict: correct }
      - { answer: طرابلس, verdict: correct, reason: a student's likely slip }`)
		);
		expect(proven).toBe(0);
		expect(exitCode(result)).toBe(1);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatchObject({ kind: 'examples', questionId: 'where-city', line: 14 });
		expect(errors[0].message).toMatch(
			/example «طرابلس» should be correct \(a student's likely slip\), but the grader says wrong/
		);
	});

	it('grades an evidence example by the phrase the student marks, and refuses one not in the text', () => {
		const bank = (phrase: string, verdict: string) => `questions:
  - id: where-evidence
    type: evidence
    paragraph: p2
    prompt: حدّد العبارة التي تبيّن أين عُقد الاجتماع.
    evidence: عقد في مدينة زوارة
    explanation: في زوارة.
    skill: where
    difficulty: 2
    examples:
      - { answer: ${phrase}, verdict: ${verdict} }`;
		expect(check(bank('عقد في مدينة زوارة', 'correct')).errors).toEqual([]);
		expect(check(bank('120 كلم غرب طرابلس', 'wrong')).errors).toEqual([]);
		const missing = check(bank('في مدينة سرت', 'wrong')).errors;
		expect(missing[0].message).toMatch(/the marked phrase «في مدينة سرت» is not in p2/);
	});

	it('grades list answers (cloze blanks) and true/false', () => {
		const { errors } = check(`questions:
  - id: cloze-distance
    type: cloze
    paragraph: p2
    prompt: أكمل الفراغين.
    text: على مسافة [[120]] كلم [[غرب]] طرابلس
    evidence: على مسافة 120 كلم غرب طرابلس
    explanation: في النص.
    skill: direction
    difficulty: 2
    examples:
      - { answer: [120, غرب], verdict: correct }
      - { answer: [120, شرق], verdict: partial }
      - { answer: [450, شرق], verdict: wrong }
  - id: tf-west
    type: truefalse
    paragraph: p2
    prompt: تقع زوارة غرب طرابلس.
    evidence: زوارة الواقعة على مسافة 120 كلم غرب طرابلس
    answer: true
    explanation: في النص.
    skill: direction
    difficulty: 1
    examples:
      - { answer: true, verdict: correct }
      - { answer: false, verdict: wrong }`);
		expect(errors).toEqual([]);
	});

	it('finds where a marked phrase stands in the stored text', () => {
		const paragraphs = [{ id: 'p1', text: 'في  مدينة زوارة\nالواقعة غربًا' }];
		expect(markedSpan('مدينة زوارة الواقعة', paragraphs)).toEqual({
			paragraph: 'p1',
			start: 4,
			end: 23
		});
		expect(markedSpan('سرت', paragraphs)).toBeUndefined();
	});

	it("requires an evidence question's core to stand inside its evidence", () => {
		const base = {
			id: 'e',
			type: 'evidence',
			paragraph: 'p2',
			prompt: 'حدّد',
			evidence: 'عقد في مدينة زوارة',
			explanation: 'x',
			skill: 'where',
			difficulty: 2
		};
		expect(coreFindings(question.parse({ ...base, core: 'مدينة زوارة' }))).toEqual([]);
		expect(coreFindings(question.parse({ ...base, core: 'مدينة سرت' }))[0].message).toMatch(
			/not inside the evidence/
		);
	});
});

describe('strict', () => {
	it('makes every warning an error, so the exit code fails', () => {
		const { result } = check(`questions:
  - id: easy-typed
    type: short
    paragraph: p2
    prompt: في أي مدينة عُقد الاجتماع؟
    evidence: الاجتماع الذي عقد في مدينة زوارة
    answer: زوارة
    explanation: في زوارة.
    skill: where
    difficulty: 1`);
		const warning = result.diagnostics.find((d) => d.kind === 'item');
		expect(warning).toMatchObject({ severity: 'warning', questionId: 'easy-typed' });
		expect(warning?.message).toMatch(/^\[difficulty-type\] /);
		expect(exitCode(result)).toBe(0);
		const strict = strictResult(result);
		expect(strict.diagnostics.every((d) => d.severity === 'error')).toBe(true);
		expect(exitCode(strict)).toBe(1);
	});
});

describe('our bank', () => {
	it('gives every typed, numeric and evidence question of the two reviewed articles at least five examples', () => {
		const result = loadBank('questions');
		const thin = result.articles
			.filter((a) => ['sarraj-africom-zuwara', 'harbour-library'].includes(a.slug))
			.flatMap((a) => a.questions)
			.filter((q) => ['short', 'numeric', 'evidence'].includes(q.type))
			.filter((q) => (q.examples?.length ?? 0) < 5)
			.map((q) => q.id);
		expect(thin).toEqual([]);
		expect(result.articles.flatMap((a) => a.failed)).toEqual([]);
	});
});
