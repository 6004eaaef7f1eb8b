/**
 * A small class for the statistics' tests: six students, four questions, every figure of it
 * worked out by hand in the specs.
 *
 * | student | q1 single (key A) | q2 short        | q3 true/false (key true) | q4 single (key X) |
 * | ------- | ----------------- | --------------- | ------------------------ | ----------------- |
 * | s1      | A 1               | «زوارة» 1       | true 1                   | Y 0               |
 * | s2      | A 1               | «زُوارة» 1      | true 1                   | Y 0               |
 * | s3      | B 0               | «مدينة زوارة» 1 | true 1                   | X 1               |
 * | s4      | A 1               | «زوارا» ½       | false 0                  | X 1               |
 * | s5      | B 0               | «طرابلس» 0      | true 1                   | X 1               |
 * | s6      | C 0               | (blank) 0       | false 0                  | Z 0               |
 */
import type { StudentResponse } from '../grading/types';
import type { GradedAnswer, ItemInfo, Verdict } from './types';

export const ITEMS: ItemInfo[] = [
	{
		id: 'q1',
		type: 'single',
		options: [
			{ text: 'A', key: true },
			{ text: 'B', key: false },
			{ text: 'C', key: false },
			{ text: 'D', key: false }
		]
	},
	{ id: 'q2', type: 'short' },
	{
		id: 'q3',
		type: 'truefalse',
		options: [
			{ text: 'true', key: true },
			{ text: 'false', key: false }
		]
	},
	{
		id: 'q4',
		type: 'single',
		options: [
			{ text: 'X', key: true },
			{ text: 'Y', key: false },
			{ text: 'Z', key: false }
		]
	}
];

function verdictOf(score: number): Verdict {
	return score >= 1 ? 'correct' : score > 0 ? 'partial' : 'wrong';
}

function graded(
	attemptId: string,
	questionId: string,
	response: StudentResponse | null,
	score: number,
	extra: Partial<GradedAnswer> = {}
): GradedAnswer {
	const type = ITEMS.find((i) => i.id === questionId)!.type;
	return {
		attemptId,
		questionId,
		type,
		response,
		score,
		verdict: verdictOf(score),
		reason: score >= 1 ? 'the key' : 'not the key',
		unsure: false,
		...extra
	};
}

const single = (choice: string): StudentResponse => ({ type: 'single', choice });
const short = (text: string): StudentResponse => ({ type: 'short', text });
const truth = (value: boolean): StudentResponse => ({ type: 'truefalse', value });

/** The class's graded answers, attempt by attempt. */
export const ANSWERS: GradedAnswer[] = [
	graded('s1', 'q1', single('A'), 1),
	graded('s1', 'q2', short('زوارة'), 1, { rule: 'exact' }),
	graded('s1', 'q3', truth(true), 1),
	graded('s1', 'q4', single('Y'), 0),
	graded('s2', 'q1', single('A'), 1),
	graded('s2', 'q2', short('زُوارة'), 1, { rule: 'exact' }),
	graded('s2', 'q3', truth(true), 1),
	graded('s2', 'q4', single('Y'), 0),
	graded('s3', 'q1', single('B'), 0),
	graded('s3', 'q2', short('مدينة زوارة'), 1, { rule: 'qualifier' }),
	graded('s3', 'q3', truth(true), 1),
	graded('s3', 'q4', single('X'), 1),
	graded('s4', 'q1', single('A'), 1),
	graded('s4', 'q2', short('زوارا'), 0.5, { rule: 'fuzzy', unsure: true }),
	graded('s4', 'q3', truth(false), 0),
	graded('s4', 'q4', single('X'), 1),
	graded('s5', 'q1', single('B'), 0),
	graded('s5', 'q2', short('طرابلس'), 0, { rule: 'other-candidate' }),
	graded('s5', 'q3', truth(true), 1),
	graded('s5', 'q4', single('X'), 1),
	graded('s6', 'q1', single('C'), 0),
	graded('s6', 'q2', null, 0),
	graded('s6', 'q3', truth(false), 0),
	graded('s6', 'q4', single('Z'), 0)
];
