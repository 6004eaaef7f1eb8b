/**
 * Rule `completion`: a single choice that completes a phrase of the text, with distractors of the
 * same class (numbers for a number, places for a place, people for a person) from the same
 * article and of similar length, so neither class nor length gives the key away.
 */
import { lexeme } from '../../text/lexicon';
import { foldArabic } from '../../text/normalize';
import { common, similarLength, type Draft } from '../draft';
import { rawOf, type Entities } from '../entities';
import { crossesQuote, windowAround, type ReadArticle, type Span } from '../text';

const GAP = '_____';

/** The window with the target's words replaced by a gap. */
function gapped(window: Span, target: Span, answer: string): string | undefined {
	const p = window.p;
	const start = p.words[target.first].start;
	const end = p.words[target.last].end;
	const written = p.text.slice(start, end);
	if (!written.endsWith(answer)) return undefined;
	const before = p.text.slice(p.words[window.first].start, end - answer.length);
	const after = p.text.slice(end, p.words[window.last].end);
	return `${before}${GAP}${after}`.replace(/\s+/g, ' ');
}

/**
 * Completion drafts: one a paragraph at most, on a number or a place.
 * @param a the article
 * @param e its entities
 */
export function completionDrafts(a: ReadArticle, e: Entities): Draft[] {
	const out: Draft[] = [];
	const ar = a.lang === 'ar';
	type Target = { span: Span; answer: string; others: string[]; what: 'number' | 'place' };
	const targets: Target[] = [];
	// the class of a number: a year, an area, or a count or measure in its unit
	const classOf = (n: (typeof e.numbers)[number]) => {
		const written = rawOf(n.number);
		if (/^(1[89]|20)\d\d$/.test(written)) return 'year';
		const after = n.p.words[n.withUnit.last + 1];
		if (after && /^(مربع|مربعا|مربعه|square)$/.test(after.folded)) return 'area';
		return n.unit ?? 'count';
	};
	const numbers = e.numbers.filter((n) => /\d/.test(rawOf(n.number)) && !n.qualified);
	for (const n of numbers) {
		const answer = rawOf(n.number);
		const others = numbers
			.filter((o) => o.value !== n.value && classOf(o) === classOf(n))
			.map((o) => rawOf(o.number));
		targets.push({ span: n.number, answer, others, what: 'number' });
	}
	for (const place of e.places) {
		if (new Set(place.mentions.map((m) => m.p)).size >= 4) continue;
		// a country among countries, a town among towns
		const country = (text: string) => lexeme(foldArabic(text))?.cls === 'country';
		const others = e.places
			.filter((o) => o !== place && country(o.text) === country(place.text))
			.map((o) => o.text);
		for (const m of place.mentions)
			targets.push({ span: m, answer: place.text, others, what: 'place' });
	}
	const done = new Set<string>();
	for (const t of targets) {
		if (done.has(t.span.p.id)) continue;
		const window = windowAround(t.span.p, t.span.first, t.span.last, 6, 14);
		const around = foldArabic(rawOf(window));
		const distractors = similarLength(
			t.answer,
			// an option the phrase itself shows is no option
			[...new Set(t.others)].filter((o) => o !== t.answer && !around.includes(foldArabic(o))),
			(s) => s,
			3
		);
		if (distractors.length < 2) continue;
		if (t.answer.length > 1.2 * Math.max(...distractors.map((d) => d.length))) continue;
		if (crossesQuote(window) || window.first === t.span.first) continue;
		const shown = gapped(window, t.span, t.answer);
		if (!shown) continue;
		done.add(t.span.p.id);
		const kind = t.what === 'number' ? (ar ? 'عدد' : 'number') : ar ? 'اسم' : 'name';
		out.push({
			rule: 'completion',
			fact: `completion-${t.span.p.id}-${t.span.first}`,
			why: `a ${t.what} of the text; the article's other ${t.what}s as options`,
			question: {
				...common(
					a.lang,
					`complete-${t.span.p.id}-${t.span.first}`,
					[window],
					t.what === 'number' ? 'quantity' : 'where',
					1
				),
				type: 'single',
				prompt: ar
					? `أيّ ${kind} يكمل العبارة كما وردت في الفقرة ${t.span.p.n}: «${shown}»؟`
					: `Which ${kind} completes the words of paragraph ${t.span.p.n}: “${shown}”?`,
				answer: t.answer,
				distractors,
				tags: ['completion'],
				examples: [
					{ answer: t.answer, verdict: 'correct' },
					...distractors.map((d) => ({ answer: d, verdict: 'wrong' as const }))
				]
			}
		});
	}
	return out;
}
