import { describe, expect, it } from 'vitest';
import type { AssignmentSpec } from '../assign/spec';
import { quizSpecOf } from '../assign/spec';
import { fixtureArticle } from '../quiz/fixtures';
import { generateQuiz } from '../quiz/generate';
import { assignmentSpec } from './assignments.fixtures';
import {
	publicQuestions,
	revealFor,
	withRelated,
	type ReleaseAssignment,
	type ReleaseAttempt
} from './secrecy';

const HOUR = 3_600_000;
const spec = assignmentSpec({
	title: 'Test',
	article: 'harbour',
	n: 3,
	timeLimit: 0,
	closesAt: 10 * HOUR,
	attemptsAllowed: 1
});
const assignment = (over: Partial<AssignmentSpec> = {}): ReleaseAssignment => ({
	teacherId: 't1',
	spec: { ...spec, ...over }
});
const open: ReleaseAttempt = { studentId: 's1', clientId: null, submittedAt: null };
const done: ReleaseAttempt = { ...open, submittedAt: HOUR };

describe('revealFor', () => {
	it('shows the class’s teacher everything, and another teacher nothing', () => {
		expect(revealFor({ teacherId: 't1' }, assignment({ release: 'never' }), open, 0)).toBe(
			'answers'
		);
		expect(revealFor({ teacherId: 't2' }, assignment(), done, 0)).toBe('nothing');
	});

	it('shows another student nothing, whatever is released', () => {
		expect(revealFor({ studentId: 's2' }, assignment(), done, 20 * HOUR)).toBe('nothing');
		expect(revealFor({}, assignment(), done, 20 * HOUR)).toBe('nothing');
		expect(revealFor({ clientId: 'x' }, null, { ...done, studentId: null }, 0)).toBe('nothing');
	});

	it('keeps a test secret from its own student until released', () => {
		const me = { studentId: 's1' };
		expect(revealFor(me, assignment(), open, 2 * HOUR)).toBe('nothing');
		expect(revealFor(me, assignment(), done, 2 * HOUR)).toBe('answers');
		expect(revealFor(me, assignment({ show: 'score' }), done, 2 * HOUR)).toBe('score');
		expect(revealFor(me, assignment({ release: 'after-close' }), done, 2 * HOUR)).toBe('nothing');
		expect(revealFor(me, assignment({ release: 'after-close' }), done, 11 * HOUR)).toBe('answers');
		expect(revealFor(me, assignment({ release: 'never' }), done, 99 * HOUR)).toBe('nothing');
	});

	it('shows practice as it goes, and an anonymous self-test once submitted', () => {
		expect(revealFor({ studentId: 's1' }, assignment({ mode: 'practice' }), open, 0)).toBe(
			'answers'
		);
		const anonymous = { studentId: null, clientId: 'c1', submittedAt: null };
		expect(revealFor({ clientId: 'c1' }, null, anonymous, 0)).toBe('nothing');
		expect(revealFor({ clientId: 'c1' }, null, anonymous, 0, 'practice')).toBe('answers');
		expect(revealFor({ clientId: 'c1' }, null, { ...anonymous, submittedAt: 1 }, 0)).toBe(
			'answers'
		);
	});
});

describe('publicQuestions', () => {
	const article = fixtureArticle();
	const count = article.paragraphs.length;
	const ids = (qs: { id: string }[]) => qs.map((q) => q.id);

	it('keeps a shared test’s questions secret until it is over', () => {
		const test = generateQuiz(article.questions, quizSpecOf(spec, '', count)).ids;
		const during = ids(publicQuestions(article, [{ spec }], HOUR));
		expect(during).toHaveLength(article.questions.length - test.length);
		for (const id of test) expect(during).not.toContain(id);
		const after = publicQuestions(article, [{ spec }], 11 * HOUR);
		expect(after).toHaveLength(article.questions.length);
	});

	it('keeps secret what would give a secret question away: its fact, lead and follow-up', () => {
		const questions = [
			{ id: 'lead', follows: 'first' },
			{ id: 'first' },
			{ id: 'second', follows: 'lead' },
			{ id: 'same', fact: 'f' },
			{ id: 'also', fact: 'f' },
			{ id: 'other', fact: 'g' }
		];
		expect([...withRelated(questions, new Set(['lead']))].sort()).toEqual([
			'first',
			'lead',
			'second'
		]);
		expect([...withRelated(questions, new Set(['same']))].sort()).toEqual(['also', 'same']);
		expect(withRelated(questions, new Set()).size).toBe(0);
	});

	it('keeps every question a per-student test draws from, and nothing for practice', () => {
		const perStudent = { ...spec, variant: 'per-student' as const, types: ['single' as const] };
		const served = publicQuestions(article, [{ spec: perStudent }], HOUR);
		expect(served.some((q) => q.type === 'single')).toBe(false);
		expect(served.length).toBeGreaterThan(0);
		const practice = { ...spec, mode: 'practice' as const };
		expect(publicQuestions(article, [{ spec: practice }], HOUR)).toHaveLength(
			article.questions.length
		);
	});

	it('never serves a question marked for assessment only', () => {
		const [first, ...rest] = article.questions;
		const marked = [{ ...first, assessment: true }, ...rest];
		expect(ids(publicQuestions({ ...article, questions: marked }, [], 0))).not.toContain(first.id);
		expect(publicQuestions({ ...article, assessment: true }, [], 0)).toEqual([]);
		const byTeacher = publicQuestions(article, [], 0, new Set([rest[0].id]));
		expect(ids(byTeacher)).not.toContain(rest[0].id);
	});
});
