import { describe, expect, it } from 'vitest';
import { assignmentResults, countedAttempt, type ResultAttempt } from './results';

const paragraphs = [
	{ id: 'p1', n: 1 },
	{ id: 'p2', n: 2 },
	{ id: 'p3', n: 3 }
];
const questions = new Map(
	[
		{ id: 'q-b', paragraphs: ['p2'] },
		{ id: 'q-a', paragraphs: ['p1'] },
		{ id: 'q-c', paragraphs: ['p2', 'p3'] }
	].map((q) => [q.id, q])
);
const roster = [
	{ id: 's1', name: 'Amal' },
	{ id: 's2', name: 'Badr' },
	{ id: 's3', name: 'Dina' }
];

function attempt(over: Partial<ResultAttempt>): ResultAttempt {
	return {
		studentId: 's1',
		ids: ['q-a', 'q-b'],
		startedAt: 0,
		submittedAt: 90_000,
		late: false,
		grades: {},
		...over
	};
}

describe('countedAttempt', () => {
	it('takes the best submitted attempt, the earliest of equals, never an open one', () => {
		const low = attempt({ submittedAt: 1, grades: { 'q-a': { score: 1, verdict: 'correct' } } });
		const high = attempt({
			submittedAt: 2,
			grades: {
				'q-a': { score: 1, verdict: 'correct' },
				'q-b': { score: 0.5, verdict: 'partial' }
			}
		});
		const equal = { ...high, submittedAt: 3 };
		const open = attempt({
			submittedAt: null,
			grades: { 'q-a': { score: 1, verdict: 'correct' }, 'q-b': { score: 1, verdict: 'correct' } }
		});
		expect(countedAttempt([low, equal, high, open])).toBe(high);
		expect(countedAttempt([open])).toBeUndefined();
	});
});

describe('assignmentResults', () => {
	const attempts = [
		attempt({
			studentId: 's1',
			startedAt: 1000,
			submittedAt: 61_000,
			grades: {
				'q-a': { score: 1, verdict: 'correct' },
				'q-b': { score: 0.5, verdict: 'partial' }
			}
		}),
		attempt({
			studentId: 's2',
			ids: ['q-c', 'q-a'],
			late: true,
			grades: { 'q-c': { score: 0, verdict: 'wrong' } }
		}),
		attempt({ studentId: 's3', submittedAt: null })
	];
	const r = assignmentResults(roster, questions, attempts, paragraphs);

	it('gives each student score, total, percent, time and lateness', () => {
		expect(r.students.map((s) => s.counted)).toEqual([
			{ score: 1.5, total: 2, percent: 75, seconds: 60, submittedAt: 61_000, late: false },
			{ score: 0, total: 2, percent: 0, seconds: 90, submittedAt: 90_000, late: true },
			undefined
		]);
		expect(r.students[2].attempts).toBe(1);
		expect(r.submitted).toBe(2);
	});

	it('lists the questions asked in paragraph order, with a verdict grid', () => {
		expect(r.questions.map((q) => q.id)).toEqual(['q-a', 'q-b', 'q-c']);
		expect(r.grid).toEqual([
			['correct', 'partial', null],
			['unanswered', null, 'wrong'],
			[null, null, null]
		]);
	});

	it('gives the class mastery of each paragraph in the study map’s shape', () => {
		expect(r.mastery).toEqual([
			{ paragraph: 'p1', items: 1, practised: 2, known: 1, score: 0.5, level: 'fair' },
			{ paragraph: 'p2', items: 2, practised: 2, known: 0, score: 0.25, level: 'weak' },
			{ paragraph: 'p3', items: 1, practised: 1, known: 0, score: 0, level: 'weak' }
		]);
	});

	it('shows an empty class as unseen', () => {
		const empty = assignmentResults(roster, questions, [], paragraphs);
		expect(empty.questions).toEqual([]);
		expect(empty.mastery.map((m) => m.level)).toEqual(['none', 'none', 'none']);
	});
});
