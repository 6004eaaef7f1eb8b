/**
 * The free-text matcher behind short answers, numeric answers, cloze blanks and quick keys.
 *
 * A key is one or more parts, all required in any order; each part has accepted forms. A response
 * is right when every part stands in it (clitics, spelling variants, transliterations and small
 * typos in long words aside, numbers by value and unit) and nothing else in it contradicts the
 * key: no other number, direction, month or qualifier than the text's, no second name from the
 * text beside the right one, no hedge, no negation, no pasted paragraph.
 *
 * Keys and contexts are prepared once (`prepareKey`, `prepareContext`) and reused for every answer.
 * Pure TypeScript: no DOM, no Node.
 */
import { findPhrase, sameWord } from '../text/analyze';
import { type RuleName } from './rules';
import { readAnswerTimes, readTimeAgainstKey } from './time';
import { type PreparedResponse, prepareResponse, surface } from './answer-tokens';
import { type PreparedContext } from './context';
import { judgeExtras } from './extras';
import { type PartMatch, addNote, matchForm } from './form-match';
import { type PreparedKey } from './keys';
import { matchExact } from './word-match';

export { prepareContext, type ContextParagraph, type PreparedContext } from './context';
export { prepareKey, type KeySpec, type PreparedKey, type PreparedPart } from './keys';

/** The result of matching a free-text answer. */
export interface MatchResult {
	score: number;
	correct: boolean;
	unsure: boolean;
	/** the named rule that decided */
	rule: RuleName;
	reason: string;
	notes: string[];
	parts: { label: string; expected: string; given: string; correct: boolean; score: number }[];
}

/** The verdict on each part of the key, as the grade shows it. */
type PartVerdict = MatchResult['parts'][number];

/**
 * Judges a free-text answer against a prepared key.
 * @param key the key (see `prepareKey`)
 * @param text the student's answer
 * @param ctx the text around the answer, if known
 */
export function matchAnswer(key: PreparedKey, text: string, ctx?: PreparedContext): MatchResult {
	const typed = prepareResponse(text);
	const refused = refusedAsAWhole(key, typed);
	if (refused) return refused;
	// Times relative to the article's date, in the key's terms ("last year" = «عام 2023»).
	const timed = readTimes(key, typed, ctx);
	if ('contradiction' in timed) return wrongAnswer(key, 'other-fact', timed.contradiction);
	const { resp, timeNote } = timed;
	const exact = exactFormMatch(key, resp, text, timeNote);
	if (exact) return exact;

	const { matches, taken } = matchParts(key, resp, ctx);
	const notes: string[] = timeNote ? [timeNote] : [];
	for (const m of matches) if (m.ok) for (const n of m.notes) addNote(notes, n);
	const parts = partVerdicts(key, matches, text, resp);

	// What else the answer says.
	const extra = judgeExtras(key, matches, resp, taken, ctx);
	for (const n of extra.notes) addNote(notes, n);
	if (extra.wrong) {
		return {
			score: 0,
			correct: false,
			unsure: extra.unsure,
			rule: extra.wrong.rule,
			reason: extra.wrong.reason,
			notes,
			parts: parts.map((p) => ({ ...p, correct: false, score: 0 }))
		};
	}
	return verdictOnParts(key, matches, { notes, parts, timeNote, extra });
}

/** A wrong answer: score 0, every part missed. */
function wrongAnswer(key: PreparedKey, rule: RuleName, reason: string): MatchResult {
	return {
		score: 0,
		correct: false,
		unsure: false,
		rule,
		reason,
		notes: [],
		parts: key.parts.map((p) => ({
			label: p.label,
			expected: p.expected,
			given: '',
			correct: false,
			score: 0
		}))
	};
}

/** The rules on the answer as a whole: empty, a pasted passage, a form the teacher rejected. */
function refusedAsAWhole(key: PreparedKey, resp: PreparedResponse): MatchResult | undefined {
	if (resp.toks.length === 0) return wrongAnswer(key, 'empty', 'empty answer');
	if (resp.toks.length > key.maxWords)
		return wrongAnswer(key, 'too-long', 'too long: a passage copied instead of the answer');
	for (const { form, insideKey } of key.reject) {
		const whole =
			form.tokens.length === resp.toks.length &&
			form.variants.every((v, i) => sameWord(v, resp.toks[i].variants));
		if (whole || (!insideKey && findPhrase(resp.a, form) >= 0))
			return wrongAnswer(key, 'reject-form', 'a form the teacher marked as wrong');
	}
	return undefined;
}

/**
 * The answer with its relative times read in the key's terms, and a note saying so; or the
 * contradiction («هذا العام» for «العام الماضي»).
 */
function readTimes(
	key: PreparedKey,
	resp: PreparedResponse,
	ctx?: PreparedContext
): { resp: PreparedResponse; timeNote?: string } | { contradiction: string } {
	if (!ctx?.date || key.parts.length !== 1) return { resp };
	const answerTimes = readAnswerTimes(resp.a, resp.numbers, ctx.date);
	if (!answerTimes) return { resp };
	for (const form of key.parts[0].forms) {
		const t = readTimeAgainstKey(form.text, answerTimes);
		if (t.kind === 'none') continue;
		if (t.kind === 'contradicts') return { contradiction: t.reason };
		return { resp: prepareResponse(t.text), timeNote: t.note };
	}
	return { resp };
}

/** The answer is, once folded, exactly one of the accepted forms: nothing more to judge. */
function exactFormMatch(
	key: PreparedKey,
	resp: PreparedResponse,
	text: string,
	timeNote?: string
): MatchResult | undefined {
	if (key.parts.length !== 1) return undefined;
	const part = key.parts[0];
	if (!part.forms.some((f) => f.folded === resp.a.folded)) return undefined;
	return {
		score: 1,
		correct: true,
		unsure: false,
		rule: timeNote ? 'time' : 'exact-form',
		reason: timeNote ? `correct (${timeNote})` : 'correct',
		notes: [],
		parts: [
			{ label: part.label, expected: part.expected, given: text.trim(), correct: true, score: 1 }
		]
	};
}

/** For each part, the response tokens that exactly name one of its words (several parts only). */
function exactTokensByPart(key: PreparedKey, resp: PreparedResponse): Set<number>[] {
	return key.parts.map((p) => {
		const exact = new Set<number>();
		if (key.parts.length === 1) return exact;
		for (const f of p.forms)
			for (const k of f.words)
				resp.toks.forEach((r, i) => {
					if (matchExact(k, r)) exact.add(i);
				});
		return exact;
	});
}

/** A match's rank among a part's forms: right, surely right, then how much of the form it named. */
const rank = (m: PartMatch) => (m.ok ? 4 : 0) + (m.ok && !m.unsure ? 2 : 0) + m.coverage;
/** Every word of a form named, surely: no later form can rank higher. */
const BEST_RANK = 7;

const NO_KEY: PartMatch = {
	ok: false,
	unsure: false,
	rule: 'not-there',
	used: [],
	notes: [],
	coverage: 0,
	why: 'no key'
};

/**
 * Each part's best form in the answer, in key order; a part found takes its tokens, so no later
 * part names them again. Tokens that exactly name another part's word are not taken loosely.
 */
function matchParts(
	key: PreparedKey,
	resp: PreparedResponse,
	ctx?: PreparedContext
): { matches: PartMatch[]; taken: Set<number> } {
	const exactByPart = exactTokensByPart(key, resp);
	const taken = new Set<number>();
	const matches = key.parts.map((part, partIndex) => {
		const otherPartsExact = new Set<number>();
		exactByPart.forEach((exact, other) => {
			if (other !== partIndex) for (const i of exact) otherPartsExact.add(i);
		});
		let best: PartMatch | undefined;
		for (const form of part.forms) {
			const m = matchForm(form, resp, taken, otherPartsExact, ctx);
			if (!best || rank(m) > rank(best)) best = m;
			if (rank(best) === BEST_RANK) break;
		}
		best ??= NO_KEY;
		if (best.ok) for (const i of best.used) taken.add(i);
		return best;
	});
	return { matches, taken };
}

function partVerdicts(
	key: PreparedKey,
	matches: PartMatch[],
	text: string,
	resp: PreparedResponse
): PartVerdict[] {
	return key.parts.map((p, i) => {
		const m = matches[i];
		return {
			label: p.label,
			expected: p.expected,
			given: m.ok ? surface(text, resp, m.used) : '',
			correct: m.ok,
			score: m.ok ? 1 : 0
		};
	});
}

/** What the verdict on the parts rests on, besides the matches. */
interface Found {
	notes: string[];
	parts: PartVerdict[];
	timeNote?: string;
	extra: { unsure: boolean; named?: string };
}

/** The verdict once nothing beside the key contradicts it: right, partly right, or wrong. */
function verdictOnParts(key: PreparedKey, matches: PartMatch[], found: Found): MatchResult {
	const { notes, parts, timeNote, extra } = found;
	const okParts = matches.filter((m) => m.ok).length;
	const unsure =
		okParts === 0
			? matches.some((m) => m.nearMiss)
			: matches.some((m) => m.unsure || m.nearMiss) || extra.unsure;
	const ambiguous = matches.filter((m) => m.ok && m.ambiguous).length;
	if (ambiguous > 0 && okParts === key.parts.length) {
		return {
			score: Math.round(((okParts - ambiguous / 2) / key.parts.length) * 1000) / 1000,
			correct: false,
			unsure: true,
			rule: 'surname',
			reason: `partly right (${notes.join('; ')})`,
			notes,
			parts
		};
	}
	if (okParts === key.parts.length) {
		return {
			score: 1,
			correct: true,
			unsure,
			rule: timeNote ? 'time' : decidingRule(matches),
			reason: notes.length ? `correct (${notes.join('; ')})` : 'correct',
			notes,
			parts
		};
	}
	const score = Math.round((okParts / key.parts.length) * 1000) / 1000;
	const { rule, reason } = whyNotRight(key, matches, okParts, extra.named);
	return { score, correct: false, unsure, rule, reason, notes, parts };
}

/** Why an answer is not wholly right: a part missing, a near miss's reason, another name. */
function whyNotRight(
	key: PreparedKey,
	matches: PartMatch[],
	okParts: number,
	named?: string
): { rule: RuleName; reason: string } {
	if (okParts > 0) {
		const missing = matches.flatMap((m, i) => (m.ok ? [] : [`«${key.parts[i].expected}»`]));
		return { rule: 'parts', reason: `partly right: ${missing.join(', ')} missing` };
	}
	const tried = matches.find((m) => !m.ok && m.coverage > 0);
	if (tried?.why) return { rule: tried.rule, reason: tried.why };
	if (named) return { rule: 'other-candidate', reason: `names «${named}», not the answer` };
	const firstMissed = matches.find((m) => !m.ok);
	return {
		rule: firstMissed?.rule ?? 'not-there',
		reason: firstMissed?.why ?? 'not the answer'
	};
}

/** The rule that accepted every part: the most lenient one used (a surname over key words). */
function decidingRule(matches: PartMatch[]): RuleName {
	for (const lenient of ['less-precise', 'surname', 'name-in-head'] as const)
		if (matches.some((m) => m.rule === lenient)) return lenient;
	return matches.every((m) => m.rule === 'number') ? 'number' : 'key-words';
}
