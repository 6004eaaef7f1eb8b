/**
 * What an answer says beside the key: context quoted from the text, harmless filler, or a
 * contradiction (another number, fact, qualifier or candidate; a hedge; a negation).
 * Pure TypeScript: no DOM, no Node.
 */
import { sameWord, type Analyzed } from '../text/analyze';
import { FACT_CLASSES } from '../text/lexicon';
import { type RuleName } from './rules';
import { type PreparedResponse } from './answer-tokens';
import { type PreparedContext } from './context';
import { type PartMatch } from './form-match';
import { type KeyForm, NISBA, type PreparedKey, QUALIFIER_GROUP } from './keys';

interface Extras {
	wrong?: { rule: RuleName; reason: string };
	unsure: boolean;
	notes: string[];
	/** a word of the text the answer gave instead of the key */
	named?: string;
}

/** Judges what the answer says beside the key: context, filler, or a contradiction. */
export function judgeExtras(
	key: PreparedKey,
	matches: PartMatch[],
	resp: PreparedResponse,
	taken: ReadonlySet<number>,
	ctx?: PreparedContext
): Extras {
	// the tokens accounted for: the key's, and names a negation sets aside (a copy: the caller's
	// set stays as it is)
	const accounted = new Set(taken);
	const forms = matches.map((m) => m.form).filter((f): f is KeyForm => f !== undefined);
	const {
		facts: keyFacts,
		factIds: keyFactIds,
		qualifiers: keyQualifiers,
		qualifierGroups: keyGroups
	} = key.allows;
	let keyNegated = false;
	let keyNumbers = false;
	let keyNisba = false;
	let keyDated = false;
	for (const f of forms) {
		keyDated ||= f.facts.has('month') || f.facts.has('weekday');
		keyNegated ||= f.negated;
		keyNumbers ||= f.numbers.length > 0;
		keyNisba ||= f.nisba;
	}
	const anyOk = matches.some((m) => m.ok);
	// Which tokens quote the text around the key: worked out only if some extra word needs it.
	let quotedSet: Set<number> | undefined;
	const quoted = {
		has(i: number): boolean {
			quotedSet ??= ctx && anyOk ? quotedTokens(resp, accounted, ctx) : new Set<number>();
			return quotedSet.has(i);
		}
	};
	const notes: string[] = [];
	let unsure = false;
	let hedge = false;
	let others = 0;
	let named: string | undefined;
	let contextWords = 0;
	const ignored: string[] = [];
	const surnames = new Set(
		matches.filter((m) => m.ok && m.surname !== undefined).map((m) => m.surname!)
	);
	const toks = resp.toks;

	/** the nearest meaningful token before i (fillers skipped) */
	const before = (i: number) => {
		for (let j = i - 1; j >= 0; j--) {
			const l = toks[j].lex;
			if (l && l.cls === 'filler') continue;
			return toks[j];
		}
		return undefined;
	};
	const contextual = (i: number) => {
		const b = before(i);
		return (
			quoted.has(i) ||
			(b !== undefined &&
				(b.lex?.cls === 'relation' || b.lex?.cls === 'direction') &&
				b.num === undefined)
		);
	};
	const joined = (i: number) => {
		const b = i > 0 ? toks[i - 1] : undefined;
		if (b?.lex?.cls === 'and' || b?.lex?.cls === 'hedge') return true;
		// "وبنغازي": a conjunction written on the word, when the word without it is the word and
		// something stands before it to be joined to
		const t = toks[i];
		let before = false;
		for (let j = 0; j < i && !before; j++) before = !toks[j].lex || toks[j].lex!.cls !== 'filler';
		if (!before) return false;
		return (
			/^[وف]/.test(t.token) &&
			t.token.length >= 4 &&
			t.variants.length > 1 &&
			!(ctx && ctx.vocabulary.has(t.token)) &&
			!(ctx && ctx.vocabulary.has(t.variants[0]))
		);
	};

	const seenNumbers = new Set<number>();
	for (let i = 0; i < toks.length; i++) {
		if (accounted.has(i)) continue;
		const t = toks[i];
		if (t.num !== undefined) {
			if (seenNumbers.has(t.num)) continue;
			seenNumbers.add(t.num);
			const n = resp.numbers[t.num];
			if (keyNumbers) {
				if (anyOk)
					return {
						wrong: {
							rule: 'other-number',
							reason: `gives another number (${n.value}) beside the answer`
						},
						unsure,
						notes
					};
				continue;
			}
			// a year beside a date the text gives without one: cannot be checked, a teacher should look
			if (keyDated && !n.unit && Number.isInteger(n.value) && n.value >= 1000 && n.value <= 2100) {
				unsure = true;
				continue;
			}
			others++;
			if (quoted.has(i) || (ctx && ctx.nearNumbers.has(n.value))) continue;
			if (ctx)
				return {
					wrong: { rule: 'other-number', reason: `gives a number the text does not (${n.value})` },
					unsure,
					notes
				};
			unsure = true;
			continue;
		}
		const l = t.lex;
		if (l) {
			if (l.cls === 'filler' || l.cls === 'title' || l.cls === 'relation' || l.cls === 'and')
				continue;
			if (l.cls === 'hedge') {
				hedge = true;
				continue;
			}
			if (l.cls === 'negation') {
				if (keyNegated) continue;
				// A negation before the key negates the answer; before another name it only sets it aside.
				const next = toks.findIndex((x, j) => j > i && !(x.lex && x.lex.cls === 'filler'));
				if (next >= 0 && accounted.has(next))
					return { wrong: { rule: 'negation', reason: 'the answer is negated' }, unsure, notes };
				if (next >= 0) accounted.add(next);
				continue;
			}
			const meaning = `${l.cls}:${l.id}`;
			if (FACT_CLASSES.has(l.cls)) {
				const k = keyFacts.get(l.cls);
				if (keyFactIds.has(meaning)) continue;
				if (k !== undefined)
					return {
						wrong: { rule: 'other-fact', reason: `contradicts the key: «${t.token}»` },
						unsure,
						notes
					};
				others++;
				if (quoted.has(i) || ctx?.nearMeanings.has(meaning)) continue;
				if (ctx)
					return {
						wrong: { rule: 'other-fact', reason: `«${t.token}» contradicts the text` },
						unsure,
						notes
					};
				unsure = true;
				continue;
			}
			if (l.cls === 'qualifier') {
				if (keyQualifiers.has(meaning)) continue;
				// "أوائل" against "أواخر" contradicts; "الماضي" beside "أواخر" says something else
				if (keyGroups.has(QUALIFIER_GROUP[l.id]))
					return {
						wrong: { rule: 'other-qualifier', reason: `contradicts the key: «${t.token}»` },
						unsure,
						notes
					};
				if (quoted.has(i) || ctx?.nearMeanings.has(meaning)) continue;
				if (ctx)
					return {
						wrong: { rule: 'other-qualifier', reason: `«${t.token}» is not what the text says` },
						unsure,
						notes
					};
				unsure = true;
				continue;
			}
		}
		// Words of the prompt may be repeated, unless joined to the answer as a second one.
		const inPrompt = ctx !== undefined && t.variants.some((v) => ctx.prompt.has(v));
		if (inPrompt && !joined(i)) continue;
		// An ordinary word: context, a harmless extra, or a second answer.
		const inText =
			inPrompt ||
			(ctx !== undefined && t.variants.some((v) => v.length >= 3 && ctx.vocabulary.has(v)));
		// A word standing right before a surname the answer named is another first name.
		if (
			surnames.has(i + 1) &&
			!t.latin === !toks[i + 1].latin &&
			(!inText || toks[i + 1].variants.some((v) => ctx?.before.get(v)?.includes(t.variants[0])))
		) {
			return {
				wrong: { rule: 'other-first-name', reason: `«${t.token}» is not the person's first name` },
				unsure,
				notes
			};
		}
		const nisba = NISBA.test(t.token);
		if (inText) contextWords++;
		if (inText && (!nisba || keyNisba)) {
			if (contextual(i) && !joined(i)) continue;
			named ??= t.token;
			others++;
			if (anyOk)
				return {
					wrong: hedge
						? { rule: 'hedge', reason: `hedges between the answer and «${t.token}»` }
						: {
								rule: 'other-candidate',
								reason: `names «${t.token}» from the text beside the answer`
							},
					unsure,
					notes,
					named
				};
			continue;
		}
		if (joined(i) && !nisba) {
			others++;
			if (anyOk)
				return {
					wrong: hedge
						? { rule: 'hedge', reason: `hedges between the answer and «${t.token}»` }
						: { rule: 'second-answer', reason: `a second answer beside the key («${t.token}»)` },
					unsure,
					notes
				};
			continue;
		}
		if (t.token.length >= 2) {
			ignored.push(t.token);
			// An unknown name-like word could be a second answer: a teacher should look.
			if (anyOk && !t.token.startsWith('ال') && !nisba && t.token.length >= 3) unsure = true;
		}
	}
	if (hedge && (others > 0 || ignored.length > 0))
		return { wrong: { rule: 'hedge', reason: 'hedges between two answers' }, unsure, notes, named };
	const lossy = matches.find((m) => m.ok && m.lossy)?.lossy;
	if (lossy && (ignored.length > 0 || others > 0 || contextWords > 0)) {
		return {
			wrong: { rule: 'wrong-stand-in', reason: `another word stands in place of «${lossy}»` },
			unsure,
			notes,
			named
		};
	}
	if (ignored.length) notes.push(`extra words ignored: ${ignored.join(' ')}`);
	return { unsure, notes, named };
}

/**
 * Response tokens that, together with a token that named the key, quote a contiguous run of a
 * cited paragraph ("زوارة الواقعة على مسافة"): context, not a second answer.
 */
function quotedTokens(
	resp: PreparedResponse,
	taken: ReadonlySet<number>,
	ctx: PreparedContext
): Set<number> {
	const quoted = new Set<number>();
	for (const named of taken) {
		for (const v of resp.toks[named].variants) {
			const at = ctx.positions.get(v);
			if (!at) continue;
			for (let x = 0; x < at.length; x += 2)
				extendQuote(resp, named, ctx.all[at[x]], at[x + 1], quoted);
		}
	}
	return quoted;
}

/**
 * Adds to `quoted` the answer's tokens around `named` that follow the paragraph around its word
 * `word`, both ways, letting the quote skip up to two words of the text at a time.
 */
function extendQuote(
	resp: PreparedResponse,
	named: number,
	paragraph: Analyzed,
	word: number,
	quoted: Set<number>
) {
	const toks = resp.toks;
	const same = (p: number, t: number) => sameWord(paragraph.variants[p], toks[t].variants);
	const last = paragraph.tokens.length - 1;
	let t = named - 1;
	let p = word - 1;
	while (t >= 0 && p >= 0) {
		if (same(p, t)) {
			quoted.add(t);
			t--;
			p--;
		} else if (p >= 1 && same(p - 1, t)) p--;
		else if (p >= 2 && same(p - 2, t)) p -= 2;
		else break;
	}
	t = named + 1;
	p = word + 1;
	while (t < toks.length && p <= last) {
		if (same(p, t)) {
			quoted.add(t);
			t++;
			p++;
		} else if (p + 1 <= last && same(p + 1, t)) p++;
		else if (p + 2 <= last && same(p + 2, t)) p += 2;
		else break;
	}
}
