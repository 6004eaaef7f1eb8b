/**
 * The grader's named rules. A free-text answer (short, numeric, cloze blank, quick key) is judged
 * by these rules in this order; the first that decides names itself in the result (`rule`), so a
 * teacher, the CLI and the review page can say *why*. The other question types are decided by one
 * rule each. Each rule's examples (accepted and refused) live in `rules.spec.ts`.
 */

/** The rules, in the order they are tried, with what each decides. */
export const RULES = {
	// ── the answer as a whole ──────────────────────────────────────────────────────────────
	refused: 'the response cannot be graded as given (wrong shape, too long)',
	empty: 'nothing was typed',
	'too-long': 'a passage pasted instead of an answer',
	'reject-form': 'a form the teacher listed as wrong stands in the answer',
	'exact-form': 'the answer, folded, is one of the accepted forms',
	// ── naming the key ─────────────────────────────────────────────────────────────────────
	number: 'the number of the key, by value within tolerance and in a unit that converts',
	'key-words': 'every word of the key is named (clitics, spellings, transliterations, typos aside)',
	'name-in-head': 'the proper name of a key made of a generic head and a name',
	surname: 'a person named by surname, which no other person of the article shares',
	'first-name-only': 'a first name alone does not name a person',
	time: 'relative and absolute times agree through the article’s date («العام الماضي» = 2023 in 2024)',
	'less-precise': 'a qualifier of the key left out, without contradicting it',
	incomplete: 'a required word of the key is missing',
	parts: 'a key of several parts: each part counts for its share',
	'not-there': 'nothing of the key stands in the answer',
	// ── what else the answer says ──────────────────────────────────────────────────────────
	'other-number': 'a number beside the key that the key or the text contradicts',
	'other-fact': 'another direction, month, weekday or time than the key’s',
	'other-qualifier': 'a qualifier that changes what the key refers to',
	'other-candidate': 'another name, place or thing of the text given beside the key',
	'second-answer': 'a second answer joined to the key',
	hedge: 'a hedge between two candidates («X أو Y», "X or Y", "X/Y")',
	negation: 'the key negated',
	'other-first-name': 'another first name before the surname of the key',
	'wrong-stand-in': 'another word stands where the key has one the answer left out',
	// ── the other question types ───────────────────────────────────────────────────────────
	choice: 'the choice is the key (single choice)',
	choices: 'the chosen options against the key (multiple choice)',
	'true-false': 'the statement’s truth value',
	pairs: 'each pair matched (matching)',
	order: 'the items in order, pair by pair (ordering)',
	blanks: 'each blank graded as a free-text answer (cloze)',
	'evidence-span':
		'the marked span holds the phrase that proves the answer (a declared core, the followed key’s words, or the evidence less what proves nothing) and is not much longer than the evidence'
} as const;

/** The name of a rule of the grader. */
export type RuleName = keyof typeof RULES;

/** Rule names in the order they are tried. */
export const RULE_ORDER = Object.keys(RULES) as RuleName[];
