import { describe, expect, it } from 'vitest';
import { ANSWERS, ITEMS } from './fixtures';
import { DEFAULT_THRESHOLDS, itemFlags } from './flags';
import { itemStatistics, type ItemStats } from './items';

const stats = itemStatistics(ITEMS, ANSWERS);
const smallClass = { ...DEFAULT_THRESHOLDS, minAttempts: 6 };
const flagsOf = (id: string, thresholds = smallClass) =>
	itemFlags(
		stats.find((s) => s.questionId === id)!,
		thresholds
	).map((f) => [f.rule, f.option]);

/** Statistics of a plain short-answer question, to vary one figure at a time. */
function plain(over: Partial<ItemStats>): ItemStats {
	return {
		questionId: 'x',
		type: 'short',
		attempts: 40,
		answered: 40,
		facility: 0.6,
		meanScore: 0.6,
		discrimination: 0.4,
		upperLower: 0.5,
		overridden: 0,
		...over
	};
}

describe('itemFlags on the fixture class', () => {
	it('flags a likely wrong key: negative discrimination and a distractor the top third prefers', () => {
		expect(flagsOf('q4')).toEqual([
			['negative-discrimination', undefined],
			['likely-wrong-key', 'Y']
		]);
		const wrongKey = itemFlags(stats[3], smallClass).find((f) => f.rule === 'likely-wrong-key');
		expect(wrongKey?.value).toBe(1); // all of the top third chose Y
	});

	it('flags near-zero discrimination and an option nobody chose', () => {
		// q1: r ≈ 0.092; D was chosen by nobody; B ties the key in the top third (not more)
		expect(flagsOf('q1')).toEqual([
			['low-discrimination', undefined],
			['unused-option', 'D']
		]);
	});

	it('leaves good questions alone, and true/false options out of "unused"', () => {
		expect(flagsOf('q2')).toEqual([]);
		expect(flagsOf('q3')).toEqual([]);
	});

	it('raises no statistical flag on fewer attempts than the minimum', () => {
		expect(stats.flatMap((s) => itemFlags(s))).toEqual([]);
	});
});

describe('itemFlags rules', () => {
	it('flags a question nearly everyone gets right, or wrong', () => {
		expect(itemFlags(plain({ facility: 0.95 })).map((f) => f.rule)).toEqual(['too-easy']);
		expect(itemFlags(plain({ facility: 0.94 }))).toEqual([]);
		expect(itemFlags(plain({ facility: 0.05 })).map((f) => f.rule)).toEqual(['too-hard']);
		expect(itemFlags(plain({ facility: 0.06 }))).toEqual([]);
	});

	it('flags a narrow key when teachers overrode many answers, whatever the class size', () => {
		expect(itemFlags(plain({ overridden: 0.1 }))).toEqual([
			{ questionId: 'x', rule: 'narrow-key', value: 0.1 }
		]);
		expect(itemFlags(plain({ overridden: 0.075 }))).toEqual([]);
		// one overridden answer out of five is one teacher's call, not a pattern
		expect(itemFlags(plain({ attempts: 5, overridden: 0.2 }))).toEqual([]);
		expect(itemFlags(plain({ attempts: 5, overridden: 0.4 })).map((f) => f.rule)).toEqual([
			'narrow-key'
		]);
	});

	it('draws the discrimination lines at 0 and 0.1', () => {
		expect(itemFlags(plain({ discrimination: 0.1 }))).toEqual([]);
		expect(itemFlags(plain({ discrimination: 0.099 }))[0].rule).toBe('low-discrimination');
		expect(itemFlags(plain({ discrimination: -0.01 }))[0].rule).toBe('negative-discrimination');
		expect(itemFlags(plain({ discrimination: null }))).toEqual([]);
	});
});
