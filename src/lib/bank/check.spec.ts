import { describe, expect, it } from 'vitest';
import { checkBank, exitCode, failedViews, type ArticleSource } from './check';
import { ar } from '../i18n/ar';
import { en } from '../i18n/en';
import { fmt } from '../quiz/format';

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

وبذلك اضطرت قوّات حفتر للتراجع إلى سرت الواقعة على مسافة 450 كلم شرق طرابلس.
`;

const base = `    paragraph: p2
    prompt: أين عقد الاجتماع؟
    explanation: في زوارة.
    skill: where
    difficulty: 2`;

function source(bank: string, article = ARTICLE): ArticleSource[] {
	return [
		{
			slug: 'test',
			article: { path: 'q/test/article.md', text: article },
			banks: [{ path: 'q/test/questions.yaml', text: bank }]
		}
	];
}

function run(bank: string, article?: string) {
	const result = checkBank(source(bank, article));
	const errors = result.diagnostics.filter((d) => d.severity === 'error');
	const warnings = result.diagnostics.filter((d) => d.severity === 'warning');
	return { result, errors, warnings, code: exitCode(result) };
}

const short = (
	extra = '',
	evidence = 'الاجتماع الذي عقد في مدينة زوارة',
	answer = 'زوارة'
) => `questions:
  - id: where-city
    type: short
${base}
    evidence: ${evidence}
    answer: ${answer}
${extra}`;

describe('checkBank', () => {
	it('proves a grounded question and records where its evidence stands', () => {
		const { result, errors, warnings, code } = run(short());
		expect(errors).toEqual([]);
		expect(warnings).toEqual([]);
		expect(code).toBe(0);
		const [q] = result.articles[0].questions;
		expect(q.id).toBe('where-city');
		const p2 = result.articles[0].paragraphs[1].text;
		expect(p2.slice(q.spans[0].start, q.spans[0].end)).toBe('الاجتماع الذي عقد في مدينة زوارة');
		expect(q.line).toBe(2);
	});

	it('finds a quote across folded white space and keeps offsets into the stored text', () => {
		const { result, errors } = run(short('', 'الاجتماع   الذي\tعقد', 'الاجتماع'));
		expect(errors).toEqual([]);
		const q = result.articles[0].questions[0];
		const p2 = result.articles[0].paragraphs[1].text;
		expect(p2.slice(q.spans[0].start, q.spans[0].end)).toBe('الاجتماع الذي عقد');
	});

	it('names file, line, id and the nearest passage when a quote is not in its paragraph', () => {
		const { errors, code, result } = run(short('', 'الاجتماع الذي عقد في مدينة غدامس', 'غدامس'));
		expect(code).toBe(1);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatchObject({
			file: 'q/test/questions.yaml',
			line: 9,
			questionId: 'where-city',
			kind: 'grounding'
		});
		expect(errors[0].message).toContain('evidence quote not found in p2');
		expect(errors[0].message).toContain('nearest passage in p2: «الاجتماع الذي عقد في مدينة زوارة');
		expect(result.articles[0].failed.map((f) => f.id)).toEqual(['where-city']);
		expect(result.articles[0].questions).toEqual([]);
		// as the teacher's pages list it
		expect(failedViews(result.articles[0])).toEqual([
			{
				id: 'where-city',
				key: 'test where-city 2',
				prompt: expect.any(String),
				language: 'ar',
				errors: [
					{
						where: `q/test/questions.yaml:9:${errors[0].column}`,
						message: errors[0].message,
						code: 'quoteNotFoundNear',
						params: errors[0].params
					}
				]
			}
		]);
	});

	it('refuses an answer key the evidence does not hold', () => {
		const { errors } = run(short('', 'الاجتماع الذي عقد في مدينة زوارة', 'طرابلس'));
		expect(errors.map((e) => e.message)).toEqual(['«طرابلس» is not in the evidence']);
		expect(errors[0].line).toBe(10);
	});

	it('matches keys under the Arabic-aware folding (hamza, taa marbuta, clitics, digits)', () => {
		const bank = `questions:
  - id: who-met
    type: short
${base.replace('p2', 'p1')}
    evidence: قائد القيادة العسكرية الأميركية في أفريقيا
    answer: القياده العسكريه الامريكيه في افريقيا
    accept: [AFRICOM]
  - id: distance
    type: numeric
${base}
    evidence: على مسافة 120 كلم غرب طرابلس
    answer: { value: 120, unit: كم }
  - id: distance-indic
    type: numeric
${base}
    evidence: على مسافة 120 كلم
    answer: { value: 120, unit: km }
`;
		const { errors } = run(bank.replace('الامريكيه', 'الأميركيه'));
		expect(errors).toEqual([]);
	});

	it('refuses a numeric key with another value or unit', () => {
		const bank = `questions:
  - id: distance
    type: numeric
${base}
    evidence: على مسافة 120 كلم غرب طرابلس
    answer: { value: 130, unit: كم }
  - id: unit
    type: numeric
${base}
    evidence: على مسافة 120 كلم غرب طرابلس
    answer: { value: 120, unit: متر }
  - id: unknown-unit
    type: numeric
${base}
    evidence: على مسافة 120 كلم غرب طرابلس
    answer: { value: 120, unit: فرسخ }
`;
		const { errors } = run(bank);
		expect(errors.map((e) => [e.questionId, e.message])).toEqual([
			['distance', 'the value 130 كم is not in the evidence'],
			['unit', 'the value 120 متر is not in the evidence'],
			['unknown-unit', 'unknown unit «فرسخ»']
		]);
	});

	it('names duplicate ids with the first place they stand', () => {
		const { errors } = run(short() + short().replace('questions:\n', ''));
		expect(errors).toHaveLength(1);
		expect(errors[0].message).toBe('duplicate id where-city (first at q/test/questions.yaml:2)');
		expect(errors[0].line).toBe(11);
	});

	it('names an unknown paragraph', () => {
		const { errors } = run(short().replace('paragraph: p2', 'paragraph: p9'));
		expect(errors.map((e) => e.message)).toEqual(['unknown paragraph p9 (the article has p1–p3)']);
		expect(errors[0].line).toBe(4);
	});

	it('treats schema errors as unusable input (exit 2), naming the field', () => {
		const { errors, code, result } = run(
			short().replace('prompt: أين عقد الاجتماع؟', 'prompt: "  "')
		);
		expect(code).toBe(2);
		expect(errors.map((e) => e.message)).toEqual(['prompt is empty']);
		expect(errors[0]).toMatchObject({ line: 5, questionId: 'where-city', kind: 'input' });
		expect(result.articles[0].failed[0].id).toBe('where-city');
	});

	it('names a choice question with no correct option', () => {
		const bank = `questions:
  - id: choice
    type: single
${base}
    evidence: مدينة زوارة
    distractors: [سرت, طرابلس]
`;
		const { errors } = run(bank);
		expect(errors.map((e) => e.message)).toEqual([
			'answer is missing (a question needs its correct answer)'
		]);
	});

	it('refuses a distractor that is the correct answer and an unknown field', () => {
		const bank = `questions:
  - id: choice
    type: single
${base}
    evidence: مدينة زوارة
    answer: زوارة
    distractors: [سرت, زوارة]
  - id: typo
    type: single
${base}
    evidence: مدينة زوارة
    answer: زوارة
    distractor: [سرت]
`;
		const { errors } = run(bank);
		expect(errors.map((e) => [e.questionId, e.message])).toEqual([
			['typo', 'distractors is missing'],
			['typo', 'unknown field distractor'],
			['choice', 'the distractor «زوارة» is the same as a correct answer']
		]);
	});

	it('names a cloze whose text is not in its paragraph', () => {
		const ok = `questions:
  - id: cloze
    type: cloze
${base}
    evidence: مدينة زوارة الواقعة على مسافة 120 كلم
    text: في مدينة [[زوارة|Zuwara]] الواقعة على مسافة [[120]] كلم [[غرب]] طرابلس
`;
		expect(run(ok).errors).toEqual([]);
		const { errors } = run(ok.replace('[[غرب]]', '[[شرق]]'));
		expect(errors).toHaveLength(1);
		expect(errors[0].message).toMatch(/^the cloze text \(blanks filled\) is not in p2/);
	});

	it('requires the correction of a false statement, from the evidence', () => {
		const tf = (correction: string) => `questions:
  - id: tf
    type: truefalse
${base}
    evidence: على مسافة 120 كلم غرب طرابلس
    answer: false
${correction}
`;
		expect(run(tf('    correction: 120 كلم غرب طرابلس')).errors).toEqual([]);
		expect(run(tf('')).errors.map((e) => e.message)).toEqual([
			'correction is missing (a false statement needs its correction)'
		]);
		expect(run(tf('    correction: شرق طرابلس')).errors.map((e) => e.message)).toEqual([
			'«شرق طرابلس» is not in the evidence'
		]);
	});

	it('proves matching sides and ordering items, with proof for paraphrases', () => {
		const bank = `questions:
  - id: match
    type: matching
${base.replace('p2', ['[p1, p3]'].join(''))}
    evidence: [فائز السراج, الجنرال ستيفن تاونسند, قوّات حفتر]
    pairs:
      - { left: السراج, right: { text: a head of government, proof: فائز السراج } }
      - { left: تاونسند, right: ستيفن }
      - { left: حفتر, right: بوتين }
`;
		const { errors } = run(bank);
		expect(errors.map((e) => e.message)).toEqual([
			'«بوتين» is not in the evidence; add `proof`: the words of the evidence'
		]);
		expect(errors[0].line).toBe(13);
	});

	it('reports a schema error and the grounding errors of the other questions together', () => {
		const bank =
			short('', 'الاجتماع الذي عقد في مدينة زوارة', 'طرابلس') +
			short().replace(
				'questions:\n  - id: where-city\n    type: short',
				'  - id: broken\n    type: short\n    colour: blue'
			);
		const { errors, code } = run(bank);
		expect(code).toBe(2);
		expect(errors.map((e) => [e.questionId, e.kind])).toEqual([
			['broken', 'input'],
			['where-city', 'grounding']
		]);
	});

	it('checks that a follow-up points at a question of the article', () => {
		const bank = `questions:
  - id: show
    type: evidence
${base}
    evidence: مدينة زوارة
    follows: where-city
`;
		expect(run(bank).errors.map((e) => e.message)).toEqual([
			'follows where-city, which is not a question of this article'
		]);
		expect(run(short() + bank.replace('questions:\n', '')).errors).toEqual([]);
	});

	it('says each coded message in English from the string table, its one source', () => {
		const banks = [
			short('', 'الاجتماع الذي عقد في مدينة طرابلس'),
			short('', 'لا شيء من هذا'),
			short('', 'الاجتماع الذي عقد في مدينة زوارة', 'طرابلس'),
			short('    accept: [" زوارة", "<b>زوارة</b>"]'),
			short().replace('paragraph: p2', 'paragraph: p9'),
			short() + short().replace('questions:\n', ''),
			short('    follows: nowhere')
		];
		const coded = banks.flatMap((b) => run(b).result.diagnostics).filter((d) => d.code);
		expect(new Set(coded.map((d) => d.code)).size).toBeGreaterThanOrEqual(7);
		for (const d of coded) {
			expect(d.message, d.code).toBe(fmt(en.bankText.check[d.code!], d.params!));
			expect(d.message, d.code).not.toMatch(/\{\w+\}/);
		}
	});

	it('gives pages each message as a key of the string tables with its values', () => {
		const { errors } = run(short('', 'الاجتماع الذي عقد في مدينة طرابلس'));
		expect(errors).toHaveLength(1);
		const [e] = errors;
		expect(e.code).toBe('quoteNotFoundNear');
		expect(e.params).toMatchObject({ paragraphs: 'p2', near: 'p2' });
		const said = fmt(ar.bankText.check[e.code!], e.params!);
		expect(said).toContain('اقتباس الدليل ليس في p2');
		expect(said).not.toMatch(/\{\w+\}/);
		const key = run(short('', 'الاجتماع الذي عقد في مدينة زوارة', 'طرابلس')).errors[0];
		expect([key.code, key.params]).toEqual(['keyNotInEvidence', { key: 'طرابلس' }]);
		// a view keeps them, so /teacher/check says them in the reader's language
		const failed = failedViews(run(short('', 'لا شيء من هذا')).result.articles[0]);
		expect(failed[0].errors[0].code).toBe('quoteNotFound');
	});

	it('does not blame a follow-up for the schema error of the question it follows', () => {
		const follower = `  - id: show
    type: evidence
${base}
    evidence: مدينة زوارة
    follows: where-city
`;
		const { errors } = run(short().replace('difficulty: 2', 'difficulty: 7') + follower);
		expect(errors.map((e) => [e.questionId, e.message])).toEqual([
			['where-city', 'difficulty must be 1, 2 or 3']
		]);
	});

	it('warns of an ambiguous key, a duplicate accepted form and stray spaces or markup', () => {
		const bank = short(
			'    accept: [Zuwara, " zuwara", "<b>زوارة</b>"]',
			'على مسافة 120 كلم غرب طرابلس',
			'طرابلس'
		);
		const { errors, warnings, code } = run(bank);
		expect(errors).toEqual([]);
		expect(code).toBe(0);
		expect(warnings.map((w) => w.message)).toEqual([
			'the accepted form « zuwara» is a duplicate of «Zuwara»',
			'stray spaces in the key « zuwara»',
			'markup in the key «<b>زوارة</b>»',
			'the answer «طرابلس» also stands in p3: is the question ambiguous?'
		]);
	});

	it('places each diagnostic on the line and column of what it names', () => {
		// a second question whose id repeats the first, with a block list of accepted forms
		const second = [
			'  - id: where-city',
			'    type: short',
			base,
			'    evidence: الاجتماع الذي عقد في مدينة زوارة',
			'    answer: زوارة',
			'    accept:',
			'      - Zuwara',
			'      - " Zuwara "',
			''
		].join('\n');
		const bank = short() + second;
		const lines = bank.split('\n');
		const at = (line: number, text: string) => ({
			line,
			column: lines[line - 1].indexOf(text) + 1
		});
		const { errors, warnings } = run(bank);
		const where = (d: { line: number; column: number }) => ({ line: d.line, column: d.column });
		// the duplicate id, on the repeated `id:`
		expect(errors.map(where)).toEqual([at(11, 'id: where-city')]);
		// the second accepted form, on its own `- ` item
		const stray = warnings.find((w) => w.message.startsWith('stray spaces'));
		expect(stray && where(stray)).toEqual(at(22, '" Zuwara "'));
		expect(lines[21]).toBe('      - " Zuwara "');
		// a field that fails the schema, on its key
		const broken = run(short().replace('    answer: زوارة', '    answer: [1]'));
		expect(broken.errors.map(where)).toEqual([at(10, 'answer:')]);
		// what belongs to the question as a whole (an unknown field), on its first key after "- "
		const unknown = run(short('    colour: blue'));
		expect(unknown.errors.map((e) => e.message)).toEqual(['unknown field colour']);
		expect(unknown.errors.map(where)).toEqual([at(2, 'id: where-city')]);
	});

	it('reports a YAML syntax error with its line and column', () => {
		const { errors, code } = run('questions:\n  - id: x\n    prompt: [unclosed\n');
		expect(code).toBe(2);
		expect(errors[0].message).toMatch(/^YAML: /);
		expect(errors[0].file).toBe('q/test/questions.yaml');
		expect(errors[0].line).toBeGreaterThanOrEqual(3);
	});

	it('reports a broken article front matter and leaves the article out', () => {
		const { errors, result, code } = run(
			short(),
			ARTICLE.replace('direction: rtl', 'direction: up')
		);
		expect(code).toBe(2);
		expect(errors[0]).toMatchObject({ file: 'q/test/article.md', line: 4 });
		expect(errors[0].message).toBe('direction is rtl or ltr');
		expect(result.articles).toEqual([]);
	});
});
