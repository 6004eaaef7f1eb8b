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
import { prepareResponse, surface } from './answer-tokens';
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

/**
 * Judges a free-text answer against a prepared key.
 * @param key the key (see `prepareKey`)
 * @param text the student's answer
 * @param ctx the text around the answer, if known
 */
export function matchAnswer(key: PreparedKey, text: string, ctx?: PreparedContext): MatchResult {
	let resp = prepareResponse(text);
	const wrong = (rule: RuleName, reason: string, unsure = false): MatchResult => ({
		score: 0,
		correct: false,
		unsure,
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
	});
	if (resp.toks.length === 0) return wrong('empty', 'empty answer');
	if (resp.toks.length > key.maxWords)
		return wrong('too-long', 'too long: a passage copied instead of the answer');
	for (const { form, insideKey } of key.reject) {
		const whole =
			form.tokens.length === resp.toks.length &&
			form.variants.every((v, i) => sameWord(v, resp.toks[i].variants));
		if (whole || (!insideKey && findPhrase(resp.a, form) >= 0)) {
			return wrong('reject-form', 'a form the teacher marked as wrong');
		}
	}

	// Times relative to the article's date, in the key's terms ("last year" = «عام 2023»).
	let timeNote: string | undefined;
	const answerTimes =
		ctx?.date && key.parts.length === 1
			? readAnswerTimes(resp.a, resp.numbers, ctx.date)
			: undefined;
	if (answerTimes) {
		for (const form of key.parts[0].forms) {
			const t = readTimeAgainstKey(form.text, answerTimes);
			if (t.kind === 'none') continue;
			if (t.kind === 'contradicts') return wrong('other-fact', t.reason);
			resp = prepareResponse(t.text);
			timeNote = t.note;
			break;
		}
	}

	// The answer is, once folded, exactly one of the accepted forms: nothing more to judge.
	if (key.parts.length === 1) {
		const part = key.parts[0];
		for (const f of part.forms) {
			if (f.folded === resp.a.folded) {
				return {
					score: 1,
					correct: true,
					unsure: false,
					rule: timeNote ? 'time' : 'exact-form',
					reason: timeNote ? `correct (${timeNote})` : 'correct',
					notes: [],
					parts: [
						{
							label: part.label,
							expected: part.expected,
							given: text.trim(),
							correct: true,
							score: 1
						}
					]
				};
			}
		}
	}

	// Response tokens that exactly name a word of one part: no other part may take them loosely.
	const exactByPart = key.parts.map((p) => {
		if (key.parts.length === 1) return new Set<number>();
		const set = new Set<number>();
		for (const f of p.forms)
			for (const k of f.words)
				resp.toks.forEach((r, i) => {
					if (matchExact(k, r)) set.add(i);
				});
		return set;
	});

	const taken = new Set<number>();
	const partMatches: PartMatch[] = [];
	key.parts.forEach((part, pi) => {
		const exactAny = new Set<number>();
		exactByPart.forEach((set, pj) => {
			if (pj !== pi) for (const i of set) exactAny.add(i);
		});
		let best: PartMatch | undefined;
		const rank = (m: PartMatch) => (m.ok ? 4 : 0) + (m.ok && !m.unsure ? 2 : 0) + m.coverage;
		for (const form of part.forms) {
			const m = matchForm(form, resp, taken, exactAny, ctx);
			if (!best || rank(m) > rank(best)) best = m;
			// every word of this form named, surely: no later form can rank higher
			if (rank(best) === 7) break;
		}
		best ??= {
			ok: false,
			unsure: false,
			rule: 'not-there',
			used: [],
			notes: [],
			coverage: 0,
			why: 'no key'
		};
		if (best.ok) for (const i of best.used) taken.add(i);
		partMatches.push(best);
	});

	const notes: string[] = timeNote ? [timeNote] : [];
	for (const m of partMatches) if (m.ok) for (const n of m.notes) addNote(notes, n);
	const okParts = partMatches.filter((m) => m.ok).length;
	const parts = key.parts.map((p, i) => {
		const m = partMatches[i];
		return {
			label: p.label,
			expected: p.expected,
			given: m.ok ? surface(text, resp, m.used) : '',
			correct: m.ok,
			score: m.ok ? 1 : 0
		};
	});

	// What else the answer says.
	const extra = judgeExtras(key, partMatches, resp, taken, ctx);
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
	const unsure =
		okParts === 0
			? partMatches.some((m) => m.nearMiss)
			: partMatches.some((m) => m.unsure || m.nearMiss) || extra.unsure;
	const ambiguous = partMatches.filter((m) => m.ok && m.ambiguous).length;
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
			rule: timeNote ? 'time' : decidingRule(partMatches),
			reason: notes.length ? `correct (${notes.join('; ')})` : 'correct',
			notes,
			parts
		};
	}
	const score = Math.round((okParts / key.parts.length) * 1000) / 1000;
	const missing = partMatches
		.map((m, i) => (m.ok ? undefined : `«${key.parts[i].expected}»`))
		.filter(Boolean);
	const firstWhy = partMatches.find((m) => !m.ok)?.why;
	let reason: string;
	let rule: RuleName;
	const tried = partMatches.find((m) => !m.ok && m.coverage > 0);
	if (okParts > 0) {
		reason = `partly right: ${missing.join(', ')} missing`;
		rule = 'parts';
	} else if (tried?.why) {
		reason = tried.why;
		rule = tried.rule;
	} else if (extra.named) {
		reason = `names «${extra.named}», not the answer`;
		rule = 'other-candidate';
	} else {
		reason = firstWhy ?? 'not the answer';
		rule = partMatches.find((m) => !m.ok)?.rule ?? 'not-there';
	}
	return { score, correct: false, unsure, rule, reason, notes, parts };
}

/** The rule that accepted every part: the most lenient one used (a surname over key words). */
function decidingRule(matches: PartMatch[]): RuleName {
	for (const lenient of ['less-precise', 'surname', 'name-in-head'] as const)
		if (matches.some((m) => m.rule === lenient)) return lenient;
	return matches.every((m) => m.rule === 'number') ? 'number' : 'key-words';
}
