/**
 * The bank learns from overrides, end to end on a copy of the real bank: teachers' overrides become
 * a patch, the patch is read back and applied to the bank's files, `dalil check` still passes, and
 * the grader now agrees with the teachers.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BankQuestion } from '../../src/lib/bank/check';
import { exitCode } from '../../src/lib/bank/check';
import { readYaml } from '../../src/lib/bank/yaml-source';
import { gradeQuestion } from '../../src/lib/grading/grade';
import { loadBank } from '../../src/lib/server/bank';
import type { OverrideRecord } from '../../src/lib/stats/overrides';
import { applySuggestions } from '../../src/lib/stats/patch';
import { bankSuggestions, readPatch, writePatch } from '../../src/lib/stats/suggest';
import { foldArabic } from '../../src/lib/text/normalize';

const copy = mkdtempSync(join(tmpdir(), 'dalil-review-bank-'));
cpSync('questions', copy, { recursive: true });
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const original = loadBank(copy);
const article = original.articles[0];
const shorts = article.questions.filter(
	(q): q is BankQuestion & { type: 'short' } => q.type === 'short'
);
// a short question with forms to spare, and a form it does not accept: another question's key
const target = shorts.find((q) => q.accept.length >= 2)!;
const listed = new Set([target.answer, ...target.accept, ...target.reject].map(foldArabic));
const newForm = shorts.map((q) => q.answer).find((a) => !listed.has(foldArabic(a)))!;
const refusedForm = target.accept[target.accept.length - 1];

function override(text: string, verdict: 'correct' | 'wrong', teacherId: string): OverrideRecord {
	return {
		id: `${teacherId}-${verdict}`,
		assignmentId: `class-of-${teacherId}`,
		questionId: target.id,
		form: foldArabic(text),
		text,
		verdict,
		score: verdict === 'correct' ? 1 : 0,
		teacherId,
		at: '2026-12-01T12:00:00.000Z',
		undone: false
	};
}

describe('overrides → patch → bank', () => {
	it('starts from a bank that holds, with the grader disagreeing with the teachers', () => {
		expect(exitCode(original)).toBe(0);
		expect(target && newForm && refusedForm).toBeTruthy();
		const ctx = { article };
		expect(gradeQuestion(target, { type: 'short', text: newForm }, ctx).correct).toBe(false);
		expect(gradeQuestion(target, { type: 'short', text: refusedForm }, ctx).correct).toBe(true);
	});

	it('applies, and dalil check passes with the grader now on the teachers’ side', () => {
		const suggestions = bankSuggestions(
			[
				override(newForm, 'correct', 't1'),
				override(newForm, 'correct', 't2'),
				override(refusedForm, 'wrong', 't1')
			],
			(id) => {
				const q = article.questions.find((x) => x.id === id);
				return q && { ...q, file: relative(copy, join(process.cwd(), q.file)) };
			}
		);
		expect(suggestions.map((s) => [s.field, s.answer, s.teachers])).toEqual([
			['accept', newForm, 2],
			['reject', refusedForm, 1]
		]);

		const patch = readPatch((readYaml(writePatch(suggestions)) as { value: unknown }).value);
		if (!patch.ok) throw new Error(patch.error);
		const file = target.file;
		const result = applySuggestions(readFileSync(file, 'utf8'), patch.suggestions);
		expect(result.skipped).toEqual([]);
		writeFileSync(file, result.text);

		const patched = loadBank(copy);
		expect(patched.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		expect(exitCode(patched)).toBe(0);
		const a = patched.articles.find((x) => x.slug === article.slug)!;
		const q = a.questions.find((x) => x.id === target.id)!;
		expect(gradeQuestion(q, { type: 'short', text: newForm }, { article: a }).correct).toBe(true);
		expect(gradeQuestion(q, { type: 'short', text: refusedForm }, { article: a }).correct).toBe(
			false
		);
	});
});
