/**
 * Test fixtures for the study modules (used by the *.spec.ts files only): a small article with a
 * fact asked in three forms and two lone questions.
 */
import type { BankQuestion } from '../bank/check';
import type { StudySet } from './set';

const base = {
	article: 'town',
	file: 'questions/town/questions.yaml',
	line: 1,
	evidence: ['in the town of Zuwara'],
	explanation: 'The text says so.',
	skill: 'where' as const,
	difficulty: 1 as const,
	tags: [],
	spans: [{ paragraph: 'p2', start: 0, end: 21 }]
};

export const fixtureQuestions: BankQuestion[] = [
	{
		...base,
		id: 'where-short',
		type: 'short',
		paragraph: ['p2'],
		prompt: 'Where?',
		answer: 'Zuwara',
		accept: [],
		reject: [],
		fact: 'meeting-place',
		difficulty: 2
	},
	{
		...base,
		id: 'where-evidence',
		type: 'evidence',
		paragraph: ['p2'],
		prompt: 'Mark where the text says where.',
		minOverlap: 0.5,
		fact: 'meeting-place',
		difficulty: 3
	},
	{
		...base,
		id: 'where-choice',
		type: 'single',
		paragraph: ['p2'],
		prompt: 'Where? (choose)',
		answer: { text: 'Zuwara' },
		distractors: [{ text: 'Sirte' }],
		fact: 'meeting-place'
	},
	{
		...base,
		id: 'who-met',
		type: 'truefalse',
		paragraph: ['p1'],
		prompt: 'They met.',
		answer: true,
		spans: [{ paragraph: 'p1', start: 0, end: 4 }]
	},
	{
		...base,
		id: 'who-met-evidence',
		type: 'evidence',
		paragraph: ['p1'],
		prompt: 'Mark where the text says they met.',
		minOverlap: 0.5,
		follows: 'who-met',
		spans: [{ paragraph: 'p1', start: 0, end: 9 }]
	},
	{
		...base,
		id: 'how-far',
		type: 'numeric',
		paragraph: ['p3'],
		prompt: 'How far?',
		answer: { value: 120, unit: 'km', tolerance: 0, unitOptional: true },
		spans: [{ paragraph: 'p3', start: 0, end: 6 }]
	}
];

export const fixtureSet: StudySet = {
	article: {
		slug: 'town',
		title: 'A town',
		language: 'en',
		direction: 'ltr',
		paragraphs: [
			{ id: 'p1', n: 1, text: 'They met on Monday.' },
			{ id: 'p2', n: 2, text: 'in the town of Zuwara, by the sea.' },
			{ id: 'p3', n: 3, text: '120 km west of Tripoli.' },
			{ id: 'p4', n: 4, text: 'Nothing is asked here.' }
		]
	},
	questions: fixtureQuestions
};
