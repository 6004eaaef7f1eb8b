import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateQuiz } from '../quiz/generate';
import { fixtureArticle } from '../quiz/fixtures';
import { assignmentSpec, quizSpecOf, readAssignmentForm, type AssignmentSpec } from './spec';

const base: AssignmentSpec = {
	title: 'Week 3',
	article: 'harbour',
	n: 3,
	types: [],
	skills: [],
	paragraphs: null,
	mode: 'test',
	timeLimit: 20,
	opensAt: 0,
	closesAt: null,
	attemptsAllowed: 1,
	late: 'refuse',
	grace: 60,
	release: 'after-submission',
	show: 'answers',
	variant: 'shared',
	seed: 'abc'
};

function form(fields: Record<string, string | string[]>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) f.append(k, x);
	return f;
}

const good = {
	title: 'Week 3',
	article: 'harbour',
	n: '3',
	mode: 'test',
	timeLimit: '20',
	release: 'after-close',
	show: 'answers',
	variant: 'per-student',
	opensAt: '2026-03-01T08:00',
	closesAt: '2026-03-01T09:00'
};

describe('assignmentSpec', () => {
	it('takes a whole assignment and refuses a close before the open', () => {
		expect(assignmentSpec.parse(base)).toEqual(base);
		const r = assignmentSpec.safeParse({ ...base, opensAt: 10, closesAt: 5 });
		expect(r.success).toBe(false);
		expect(r.error?.issues[0].path).toEqual(['closesAt']);
	});

	it('refuses unknown fields, types and out-of-range numbers', () => {
		expect(assignmentSpec.safeParse({ ...base, key: 'x' }).success).toBe(false);
		expect(assignmentSpec.safeParse({ ...base, types: ['essay'] }).success).toBe(false);
		expect(assignmentSpec.safeParse({ ...base, n: 0 }).success).toBe(false);
		expect(assignmentSpec.safeParse({ ...base, attemptsAllowed: 11 }).success).toBe(false);
		expect(assignmentSpec.safeParse({ ...base, paragraphs: [3, 2] }).success).toBe(false);
	});
});

describe('quizSpecOf', () => {
	const article = fixtureArticle();
	const count = article.paragraphs.length;

	it('gives every student the same quiz for a shared variant', () => {
		const a = generateQuiz(article.questions, quizSpecOf(base, 'student-1', count));
		const b = generateQuiz(article.questions, quizSpecOf(base, 'student-2', count));
		expect(a.ids).toHaveLength(3);
		expect(b.ids).toEqual(a.ids);
	});

	it('gives a student the same variant every time, and students their own', () => {
		const perStudent = { ...base, variant: 'per-student' as const };
		const ids = (student: string) =>
			generateQuiz(article.questions, quizSpecOf(perStudent, student, count)).ids.join();
		expect(ids('s1')).toBe(ids('s1'));
		const variants = new Set(['s1', 's2', 's3', 's4', 's5', 's6'].map(ids));
		expect(variants.size).toBeGreaterThan(1);
	});

	it('clamps the paragraphs to the article and keeps no time for practice', () => {
		const spec = quizSpecOf({ ...base, mode: 'practice', paragraphs: [2, 99] }, 's', count);
		expect(spec.paragraphs).toEqual([2, count]);
		expect(spec.time).toBe(0);
	});
});

describe('readAssignmentForm', () => {
	it('reads a good form, times in the teacher’s offset', () => {
		const r = readAssignmentForm(form(good), 'seed1', 180);
		expect(r.problems).toEqual([]);
		expect(r.spec).toMatchObject({
			n: 3,
			variant: 'per-student',
			seed: 'seed1',
			opensAt: Date.UTC(2026, 2, 1, 5, 0),
			closesAt: Date.UTC(2026, 2, 1, 6, 0),
			late: 'refuse',
			attemptsAllowed: 1
		});
	});

	it('reads Arabic-Indic digits and paragraph ranges', () => {
		const r = readAssignmentForm(
			form({ ...good, n: '٥', paragraphFrom: '٢', paragraphTo: '3' }),
			's'
		);
		expect(r.spec).toMatchObject({ n: 5, paragraphs: [2, 3] });
	});

	it('names each field that does not fit, never throws', () => {
		const r = readAssignmentForm(
			form({ ...good, title: '', n: 'many', mode: 'exam', closesAt: '2026-02-01T08:00' }),
			's'
		);
		expect(r.spec).toBeUndefined();
		expect(r.problems).toEqual(
			expect.arrayContaining([
				{ field: 'title', code: 'required' },
				{ field: 'n', code: 'invalid' },
				{ field: 'mode', code: 'invalid' }
			])
		);
	});

	it('says which field is missing and refuses a huge field unread', () => {
		const missing = readAssignmentForm(form({}), 's');
		expect(missing.problems).toContainEqual({ field: 'article', code: 'required' });
		const huge = readAssignmentForm(form({ ...good, title: 'x'.repeat(100_000) }), 's');
		expect(huge.problems).toEqual([{ field: 'title', code: 'too-long' }]);
		const file = new FormData();
		file.append('title', new Blob(['x']));
		expect(readAssignmentForm(file, 's').problems).toEqual([{ field: 'title', code: 'too-long' }]);
	});

	it('refuses a close before the open', () => {
		const r = readAssignmentForm(form({ ...good, closesAt: '2026-02-01T08:00' }), 's');
		expect(r.problems).toEqual([{ field: 'closesAt', code: 'closes-before-opens' }]);
	});
});

describe('readAssignmentForm, fuzzed', () => {
	const FIELDS = [
		'title',
		'article',
		'n',
		'types',
		'skills',
		'paragraphFrom',
		'paragraphTo',
		'mode',
		'timeLimit',
		'opensAt',
		'closesAt',
		'attemptsAllowed',
		'late',
		'grace',
		'release',
		'show',
		'variant',
		'seed',
		'__proto__',
		'constructor'
	];
	const value = fc.oneof(
		fc.string(),
		fc.string({ unit: 'grapheme', maxLength: 300 }),
		fc.integer().map(String),
		fc.constantFrom('', ' ', '-1', '1e9', 'NaN', '2026-13-45T99:99', '٣', 'test', 'per-student'),
		fc.constant('x'.repeat(10_000))
	);

	it('never throws: a spec that parses, or problems naming fields', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.constantFrom(...FIELDS), value), { maxLength: 30 }),
				(entries) => {
					const f = new FormData();
					for (const [k, v] of entries) f.append(k, v);
					const r = readAssignmentForm(f, 'seed');
					if (r.spec) expect(assignmentSpec.safeParse(r.spec).success).toBe(true);
					else expect(r.problems.length).toBeGreaterThan(0);
				}
			),
			{ numRuns: 300 }
		);
	});
});
