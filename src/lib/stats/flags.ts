/**
 * Flags on questions that misbehave, each with the rule that raised it and the figure behind it,
 * so a teacher sees why, and the interface can say it in the teacher's language.
 */
import type { ItemStats } from './items';

/** The rules that flag a question. */
export const FLAG_RULES = [
	/** students who do well elsewhere do worse on it: a wrong key, or an ambiguous question */
	'negative-discrimination',
	/** it does not tell stronger readers from weaker ones */
	'low-discrimination',
	/** the top third chose a distractor more often than the key: the key is likely wrong */
	'likely-wrong-key',
	/** an option nobody chose: it distracts nobody */
	'unused-option',
	/** nearly everyone right */
	'too-easy',
	/** nearly everyone wrong */
	'too-hard',
	/** teachers overrode the grader on many answers: the key accepts too little (or too much) */
	'narrow-key'
] as const;
export type FlagRule = (typeof FLAG_RULES)[number];

/** A flag on a question. */
export interface ItemFlag {
	questionId: string;
	rule: FlagRule;
	/** the figure that raised it (a correlation, a share…) */
	value: number;
	/** the option it is about (likely-wrong-key, unused-option) */
	option?: string;
}

/** Where the flags draw their lines. */
export interface FlagThresholds {
	/** below this many attempts a question's figures are noise: no flags but narrow-key */
	minAttempts: number;
	/** discrimination below this (and not negative) is near zero */
	lowDiscrimination: number;
	/** facility at or above this is "nearly everyone right" */
	easy: number;
	/** facility at or below this is "nearly everyone wrong" */
	hard: number;
	/** share of answers overridden at or above this is a narrow key */
	overridden: number;
	/** a narrow key needs at least this many overridden answers */
	minOverridden: number;
}

/**
 * The usual lines: a corrected point-biserial under 0.1 barely discriminates (Ebel's guidance puts
 * items under 0.2 up for revision); "nearly everyone" is 95 %; a tenth of answers overridden
 * means the key misses a common answer.
 */
export const DEFAULT_THRESHOLDS: FlagThresholds = {
	minAttempts: 10,
	lowDiscrimination: 0.1,
	easy: 0.95,
	hard: 0.05,
	overridden: 0.1,
	minOverridden: 2
};

/** Flags from the option analysis: a distractor the top third prefers, options nobody chose. */
function optionFlags(stats: ItemStats): ItemFlag[] {
	const flags: ItemFlag[] = [];
	const options = stats.options ?? [];
	const keyTop = Math.max(0, ...options.filter((o) => o.key).map((o) => o.top ?? 0));
	for (const o of options) {
		if (!o.key && o.top !== null && o.top > keyTop) {
			flags.push({
				questionId: stats.questionId,
				rule: 'likely-wrong-key',
				value: o.top,
				option: o.text
			});
		}
	}
	// a true/false statement nobody thought false is "too easy", not an unused option
	for (const o of stats.type === 'truefalse' ? [] : options) {
		if (o.count === 0) {
			flags.push({ questionId: stats.questionId, rule: 'unused-option', value: 0, option: o.text });
		}
	}
	return flags;
}

/**
 * The flags a question's statistics raise, in the order of `FLAG_RULES`.
 * @param stats the question's statistics
 * @param thresholds where to draw the lines (default `DEFAULT_THRESHOLDS`)
 */
export function itemFlags(
	stats: ItemStats,
	thresholds: FlagThresholds = DEFAULT_THRESHOLDS
): ItemFlag[] {
	const flags: ItemFlag[] = [];
	const questionId = stats.questionId;
	if (stats.attempts >= thresholds.minAttempts) {
		const d = stats.discrimination;
		if (d !== null && d < 0) flags.push({ questionId, rule: 'negative-discrimination', value: d });
		else if (d !== null && d < thresholds.lowDiscrimination) {
			flags.push({ questionId, rule: 'low-discrimination', value: d });
		}
		flags.push(...optionFlags(stats));
		const f = stats.facility;
		if (f !== null && f >= thresholds.easy) flags.push({ questionId, rule: 'too-easy', value: f });
		if (f !== null && f <= thresholds.hard) flags.push({ questionId, rule: 'too-hard', value: f });
	}
	const overriddenAnswers = Math.round(stats.overridden * stats.attempts);
	if (stats.overridden >= thresholds.overridden && overriddenAnswers >= thresholds.minOverridden) {
		flags.push({ questionId, rule: 'narrow-key', value: stats.overridden });
	}
	return flags.sort((a, b) => FLAG_RULES.indexOf(a.rule) - FLAG_RULES.indexOf(b.rule));
}
