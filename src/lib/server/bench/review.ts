/**
 * Bench figures of review and item analysis (issue: the teacher has the last word): answer groups
 * and item statistics with their flags for one assignment of 200 students × 30 questions, beside a
 * bare pass over the same answers that folds each typed answer and sums each question's scores
 * (the least any grouping or statistic must do).
 */
import type { StudentResponse } from '../../grading/types';
import { seededRandom, type Random } from '../../quiz/random';
import { itemFlags } from '../../stats/flags';
import { answerGroups, foldedForm } from '../../stats/groups';
import { itemStatistics } from '../../stats/items';
import type { GradedAnswer, ItemInfo } from '../../stats/types';
import { figure, medianMs } from './measure';
import type { Suite } from './types';

/** The forms a class types for a short answer: a few common ones and a long tail. */
const FORMS = ['زوارة', 'زُوارة', 'مدينة زوارة', 'في زوارة', 'زواره', 'طرابلس', 'سرت', 'ليبيا'];

/** A question of the synthetic assignment: its kind cycles single, short, true/false, numeric. */
function syntheticItems(count: number): ItemInfo[] {
	const kinds = ['single', 'short', 'truefalse', 'numeric'] as const;
	return Array.from({ length: count }, (_, i) => {
		const type = kinds[i % kinds.length];
		const id = `q${i + 1}`;
		if (type === 'single') {
			return {
				id,
				type,
				options: ['A', 'B', 'C', 'D'].map((text, k) => ({ text, key: k === 0 }))
			};
		}
		if (type === 'truefalse') {
			return {
				id,
				type,
				options: [
					{ text: 'true', key: true },
					{ text: 'false', key: false }
				]
			};
		}
		return { id, type };
	});
}

/** What a student gave to a question, right or wrong. */
function response(item: ItemInfo, right: boolean, random: Random): StudentResponse {
	switch (item.type) {
		case 'single':
			return { type: 'single', choice: right ? 'A' : ['B', 'C', 'D'][Math.floor(random() * 3)] };
		case 'truefalse':
			return { type: 'truefalse', value: right };
		case 'numeric':
			return { type: 'numeric', text: right ? '120 كم' : `${Math.floor(random() * 500)} كم` };
		default: {
			// the wrong ones spread over the tail of the forms, and a few typed once
			const text = right
				? FORMS[Math.floor(random() * 5)]
				: random() < 0.8
					? FORMS[5 + Math.floor(random() * 3)]
					: `جواب ${Math.floor(random() * 1000)}`;
			return { type: 'short', text };
		}
	}
}

/**
 * One student's graded answer: stronger students are right more often. One object literal, as
 * the app's stores build answers: built by spreading parts, every answer got a hidden class of
 * its own in V8, and each read of one of its fields became a slow lookup that the app never pays.
 */
function answer(item: ItemInfo, attemptId: string, ability: number, random: Random): GradedAnswer {
	const right = random() < ability;
	const unsure = !right && random() < 0.1;
	return {
		attemptId,
		questionId: item.id,
		type: item.type,
		reason: 'synthetic',
		score: right ? 1 : 0,
		verdict: right ? 'correct' : 'wrong',
		unsure,
		response: response(item, right, random)
	};
}

/**
 * A graded assignment of `students` × `questions`, the same for the same seed.
 * @param students how many attempts
 * @param questions how many questions each holds
 * @param seed the generator's seed
 */
export function syntheticAssignment(students: number, questions: number, seed = 'review') {
	const random = seededRandom(seed);
	const items = syntheticItems(questions);
	const answers: GradedAnswer[] = [];
	for (let s = 0; s < students; s++) {
		const ability = 0.3 + 0.6 * random();
		for (const item of items) answers.push(answer(item, `attempt-${s}`, ability, random));
	}
	return { items, answers };
}

export const reviewSuite: Suite = {
	name: 'review',
	async run() {
		const { items, answers } = syntheticAssignment(200, 30);
		let sink = 0;
		const analysis = await medianMs(() => {
			const groups = answerGroups(answers);
			const flags = itemStatistics(items, answers).flatMap((s) => itemFlags(s));
			sink += groups.length + flags.length;
		}, 15);
		const bare = await medianMs(() => {
			const sums = new Map<string, number>();
			for (const a of answers) {
				if (a.response) sink += foldedForm(a.response)?.length ?? 0;
				sums.set(a.questionId, (sums.get(a.questionId) ?? 0) + a.score);
			}
			sink += sums.size;
		}, 15);
		if (sink < 0) console.log(sink);
		return [
			figure(
				'answer groups + item statistics + flags, 200 students × 30 questions (baseline: one bare pass folding and summing)',
				analysis,
				'ms',
				bare,
				'≤ 100 ms'
			)
		];
	}
};
