/**
 * Rules `number-cloze` and `name-cloze`: a span of the paragraph with its numbers, or its names,
 * places and months, blanked. Never a blank on a word that carries little meaning: only what the
 * entity finder named.
 */
import { arabicDigits, common, type Draft, type Example } from '../draft';
import { rawOf, type Entities } from '../entities';
import {
	crossesQuote,
	fold,
	windowAround,
	type ReadArticle,
	type ReadParagraph,
	type Span,
	type Word
} from '../text';

/** One blank: the words it covers and the accepted forms. */
interface Blank {
	span: Span;
	/** the written part blanked (a clitic may stay outside: «و[[سرت]]») */
	answer: string;
	accept: string[];
	/** the same-class answers a student might confuse it with */
	alternatives: string[];
	cls: 'number' | 'person' | 'place' | 'month';
}

/**
 * A cloze text for a window of a paragraph with blanks, or undefined when a blank cannot be cut.
 */
function clozeText(window: Span, blanks: Blank[]): string | undefined {
	const p = window.p;
	const from = p.words[window.first].start;
	const to = p.words[window.last].end;
	let text = '';
	let at = from;
	for (const b of [...blanks].sort((x, y) => x.span.first - y.span.first)) {
		const start = p.words[b.span.first].start;
		const end = p.words[b.span.last].end;
		const written = p.text.slice(start, end);
		if (!written.endsWith(b.answer)) return undefined;
		const blankStart = end - b.answer.length;
		if (blankStart < at) return undefined;
		text += p.text.slice(at, blankStart) + `[[${[b.answer, ...b.accept].join('|')}]]`;
		at = end;
	}
	text += p.text.slice(at, to);
	return text.replace(/\s+/g, ' ');
}

function promptFor(a: ReadArticle, window: Span, blanks: Blank[]): string {
	// the first words before the first blank name the passage (and keep prompts apart)
	const firstBlank = Math.min(...blanks.map((b) => b.span.first));
	const lead = rawOf({ ...window, last: Math.min(window.first + 2, firstBlank - 1) });
	const what = blanks.every((b) => b.cls === 'number') ? 'number' : 'name';
	if (a.lang === 'ar') {
		const noun = what === 'number' ? 'الأعداد الناقصة' : 'الكلمات الناقصة';
		return blanks.length === 1
			? `أكمل العبارة التي تبدأ بـ«${lead}» من الفقرة ${window.p.n}.`
			: `اكتب ${noun} في العبارة التي تبدأ بـ«${lead}» من الفقرة ${window.p.n}.`;
	}
	return `Complete the words from paragraph ${window.p.n} that begin “${lead}”.`;
}

function examplesFor(blanks: Blank[]): Example[] {
	const right = blanks.map((b) => b.answer);
	const out: Example[] = [{ answer: right, verdict: 'correct' }];
	blanks.forEach((b, i) => {
		for (const alt of b.accept.slice(0, 2)) {
			out.push({ answer: right.map((r, k) => (k === i ? alt : r)), verdict: 'correct' });
		}
	});
	const wrongAll = blanks.map((b) => b.alternatives[0]);
	if (wrongAll.every((w) => w !== undefined)) {
		out.push({
			answer: wrongAll as string[],
			verdict: 'wrong',
			reason: 'other names and numbers of the article'
		});
	}
	blanks.forEach((b, i) => {
		for (const alt of b.alternatives.slice(blanks.length > 1 ? 0 : 0, 2)) {
			out.push({
				answer: right.map((r, k) => (k === i ? alt : r)),
				verdict: blanks.length > 1 ? 'partial' : 'wrong'
			});
		}
	});
	return out.filter(
		(x, i, all) => all.findIndex((o) => JSON.stringify(o.answer) === JSON.stringify(x.answer)) === i
	);
}

/** Builds the cloze draft for a window and its blanks. */
function clozeDraft(
	a: ReadArticle,
	rule: 'number-cloze' | 'name-cloze',
	id: string,
	fact: string,
	window: Span,
	blanks: Blank[]
): Draft | undefined {
	if (crossesQuote(window)) return undefined;
	const text = clozeText(window, blanks);
	if (!text) return undefined;
	const shown =
		window.last - window.first + 1 - blanks.reduce((n, b) => n + b.span.last - b.span.first + 1, 0);
	if (shown < 4) return undefined;
	return {
		rule,
		fact,
		why: `blanks on ${blanks.map((b) => b.cls).join(', ')}`,
		question: {
			...common(
				a.lang,
				id,
				[window],
				blanks.every((b) => b.cls === 'number')
					? 'quantity'
					: blanks.some((b) => b.cls === 'person')
						? 'who'
						: blanks.some((b) => b.cls === 'month')
							? 'when'
							: 'where',
				2
			),
			type: 'cloze',
			prompt: promptFor(a, window, blanks),
			text,
			tags: ['cloze'],
			examples: examplesFor(blanks)
		}
	};
}

/**
 * Cloze drafts on numbers that no numeric draft asks.
 * @param a the article
 * @param e its entities
 * @param asked numbers (by paragraph and word) already asked as numbers
 */
export function numberClozes(a: ReadArticle, e: Entities, asked: Set<string>): Draft[] {
	const out: Draft[] = [];
	const digits = e.numbers.map((n) => String(n.value));
	for (const n of e.numbers) {
		const at = `${n.p.id}:${n.number.first}`;
		if (asked.has(at)) continue;
		const written = rawOf(n.number);
		const inWords = !/\d/.test(written);
		const alternatives = digits.filter((d) => d !== String(n.value));
		alternatives.push(String(n.value * 10));
		const blank: Blank = {
			span: n.number,
			answer: written,
			accept: inWords ? [String(n.value)] : a.lang === 'ar' ? [] : [],
			alternatives: [...new Set(alternatives)],
			cls: 'number'
		};
		const window = windowAround(n.p, n.number.first, n.withUnit.last, 6, 14);
		if (window.first === n.number.first && window.first > 0) continue;
		const d = clozeDraft(
			a,
			'number-cloze',
			`cloze-number-${n.p.id}-${n.number.first}`,
			`number-${n.p.id}-${n.number.first}`,
			window,
			[blank]
		);
		if (d) out.push(d);
	}
	void arabicDigits;
	return out;
}

/** A word without the conjunction or preposition written onto it («وسرت» → «سرت»), never without «ال». */
export function withoutClitic(w: Word): string {
	let raw = w.raw;
	for (let k = 0; k < 2; k++) {
		const rest = raw.slice(1);
		if (/^[وفبلك]/.test(raw) && rest.length >= 3 && w.variants.includes(fold(rest))) raw = rest;
	}
	return raw;
}

/** The blank for an entity mention: its written form without a clitic. */
function blankOf(p: ReadParagraph, span: Span, known: string): { answer: string } | undefined {
	if (span.first !== span.last) return { answer: rawOf(span) };
	const w: Word = p.words[span.first];
	// the name as the entity finder wrote it, when the word ends with it («وسرت» → «سرت»)
	if (w.raw.endsWith(known)) return { answer: known };
	return { answer: withoutClitic(w) };
}

/**
 * Cloze drafts on the names, places and months of a paragraph: one a paragraph, on the clause
 * that names the most.
 * @param a the article
 * @param e its entities
 */
export function nameClozes(a: ReadArticle, e: Entities): Draft[] {
	const out: Draft[] = [];
	for (const p of a.paragraphs) {
		const targets: Blank[] = [];
		for (const person of e.people) {
			for (const m of person.mentions.filter((x) => x.p === p)) {
				const others = e.people
					.filter((o) => o !== person)
					.map((o) => (m.first === m.last ? o.surnameRaw : o.name));
				const b = blankOf(p, m, person.surnameRaw);
				if (b)
					targets.push({
						span: m,
						answer: b.answer,
						accept: m.first === m.last ? [] : [person.surnameRaw],
						alternatives: others,
						cls: 'person'
					});
			}
		}
		for (const place of e.places) {
			if (new Set(place.mentions.map((m) => m.p)).size >= 4) continue;
			for (const m of place.mentions.filter((x) => x.p === p)) {
				if (targets.some((t) => t.span.first <= m.last && m.first <= t.span.last)) continue;
				const b = blankOf(p, m, place.text);
				const others = e.places.filter((o) => o !== place).map((o) => o.text);
				if (b)
					targets.push({
						span: m,
						answer: b.answer,
						accept: [],
						alternatives: others,
						cls: 'place'
					});
			}
		}
		p.words.forEach((w, i) => {
			if (w.lex?.cls !== 'month') return;
			// «آيار/مايو»: the two names of one month are one blank
			const pair = p.words[i + 1]?.lex?.id === w.lex.id && /^\/$/.test(w.gapAfter.trim());
			if (
				i > 0 &&
				p.words[i - 1].lex?.id === w.lex.id &&
				/^\/$/.test(p.words[i - 1].gapAfter.trim())
			)
				return;
			const span = { p, first: i, last: pair ? i + 1 : i };
			const answer = rawOf(span).replace(/^[وفب]/, (c) =>
				fold(w.raw.slice(1)) === w.variants.at(-1) ? '' : c
			);
			const names = pair ? [w.raw, p.words[i + 1].raw] : [];
			const monthWords = a.paragraphs.flatMap((q) =>
				q.words.filter((x) => x.lex?.cls === 'month' && x.lex.id !== w.lex!.id).map((x) => x.raw)
			);
			targets.push({
				span,
				answer,
				accept: names,
				alternatives: [...new Set(monthWords)],
				cls: 'month'
			});
		});
		if (targets.length === 0) continue;
		// the clause with the most targets, then one with those left (a month, a place)
		let left = targets;
		for (let k = 0; k < 2 && left.length > 0; k++) {
			let best: { window: Span; blanks: Blank[] } | undefined;
			for (const t of left) {
				const window = windowAround(p, t.span.first, t.span.last, 6, 16);
				const inside = left
					.filter((x) => x.span.first >= window.first && x.span.last <= window.last)
					.slice(0, 3);
				if (!best || inside.length > best.blanks.length) best = { window, blanks: inside };
			}
			if (!best) break;
			const chosen = best;
			const d = clozeDraft(
				a,
				'name-cloze',
				`cloze-names-${p.id}${k ? `-${k + 1}` : ''}`,
				`names-${p.id}-${k}`,
				chosen.window,
				chosen.blanks
			);
			if (d) out.push(d);
			left = left.filter(
				(t) => t.span.last < chosen.window.first || t.span.first > chosen.window.last
			);
		}
	}
	return out;
}
