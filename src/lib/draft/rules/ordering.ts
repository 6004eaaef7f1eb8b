/**
 * Rule `ordering`: events the text dates, put in order by their dates (never by the order they are
 * mentioned in). A date is a month (with «أواخر»، «مطلع»، "first week of", a day, a year, «الماضي»،
 * «المقبل»، «من العام الماضي»), a year («عام 2004», "in 1941"), «العام الماضي» / "last year" or
 * «مطلع الشهر الجاري», read against the article's date. Only events whose dates cannot overlap are
 * ordered, so the key is never in doubt.
 */
import { common, type Draft } from '../draft';
import { rawOf } from '../entities';
import { sentenceAt, type ReadArticle, type ReadParagraph, type Span } from '../text';

/** A dated event: the words that say when, the days they may mean, and what happened. */
interface Dated {
	when: Span;
	from: number;
	to: number;
}

const DAY = 86_400_000;
const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY;
const lastDay = (y: number, m: number) => day(y, m + 1, 1) - 1;

/** Reads the dates of a paragraph. */
function datesOf(p: ReadParagraph, today: { y: number; m: number; d: number }): Dated[] {
	const ws = p.words;
	const out: Dated[] = [];
	const used = new Set<number>();
	ws.forEach((w, i) => {
		if (w.lex?.cls !== 'month' || used.has(i)) return;
		const month = Number(w.lex.id.slice(1));
		let first = i;
		let last = i;
		// «آيار/مايو»: one month, two names
		if (ws[i + 1]?.lex?.id === w.lex.id) last = i + 1;
		used.add(i).add(last);
		let year: number | undefined;
		let part: 'early' | 'mid' | 'late' | undefined;
		let dayOfMonth: number | undefined;
		const prev = ws[first - 1];
		if (prev && /^\d{1,2}$/.test(prev.folded) && Number(prev.folded) <= 31) {
			dayOfMonth = Number(prev.folded);
			first--;
		} else if (prev?.lex?.id === 'end') {
			part = 'late';
			first--;
		} else if (prev?.lex?.id === 'start') {
			part = 'early';
			first--;
		} else if (prev?.lex?.id === 'mid') {
			part = 'mid';
			first--;
		} else if (
			prev?.folded === 'of' &&
			ws[first - 2]?.folded === 'week' &&
			ws[first - 3]?.lex?.id === 'start'
		) {
			part = 'early';
			first -= 3;
		}
		// what follows: a year, «الماضي», «المقبل», «من العام الماضي»
		const next = ws[last + 1];
		let direction: 'past' | 'next' | undefined;
		if (next && /^(1[89]|20)\d\d$/.test(next.folded)) {
			year = Number(next.folded);
			last++;
		} else if (next?.lex?.id === 'past') {
			direction = 'past';
			last++;
		} else if (next?.lex?.id === 'next') {
			direction = 'next';
			last++;
		} else if (
			next?.folded === 'من' &&
			ws[last + 2]?.lex?.cls === 'period' &&
			ws[last + 3]?.lex?.id === 'past'
		) {
			year = today.y - 1;
			last += 3;
		}
		if (year === undefined) {
			// the last such month before the article's date, or the next after it
			const thisYear = month < today.m || (month === today.m && (dayOfMonth ?? 1) <= today.d);
			year =
				direction === 'next'
					? month > today.m
						? today.y
						: today.y + 1
					: thisYear
						? today.y
						: today.y - 1;
		}
		let from = day(year, month, 1);
		let to = lastDay(year, month);
		if (dayOfMonth) from = to = day(year, month, dayOfMonth);
		else if (part === 'early') to = day(year, month, 10);
		else if (part === 'mid') [from, to] = [day(year, month, 10), day(year, month, 20)];
		else if (part === 'late') from = day(year, month, 20);
		for (let k = first; k <= last; k++) used.add(k);
		out.push({ when: { p, first, last }, from, to });
	});
	ws.forEach((w, i) => {
		if (used.has(i)) return;
		// «عام 2004», "in 1941"
		if (/^(1[89]|20)\d\d$/.test(w.folded)) {
			const y = Number(w.folded);
			const head = ws[i - 1]?.lex?.cls === 'period' || ws[i - 1]?.folded === 'in';
			if (!head || y > today.y) return;
			out.push({ when: { p, first: i - 1, last: i }, from: day(y, 1, 1), to: lastDay(y, 12) });
			used.add(i);
			return;
		}
		// «العام الماضي», "last year"; «مطلع الشهر الجاري»
		const next = ws[i + 1];
		if (w.lex?.id === 'year' && next?.lex?.id === 'past' && !used.has(i + 1)) {
			out.push({
				when: { p, first: i, last: i + 1 },
				from: day(today.y - 1, 1, 1),
				to: lastDay(today.y - 1, 12)
			});
		} else if (w.folded === 'last' && next?.lex?.id === 'year') {
			out.push({
				when: { p, first: i, last: i + 1 },
				from: day(today.y - 1, 1, 1),
				to: lastDay(today.y - 1, 12)
			});
		} else if (
			w.lex?.id === 'start' &&
			next?.lex?.id === 'month' &&
			ws[i + 2]?.lex?.id === 'current'
		) {
			out.push({
				when: { p, first: i, last: i + 2 },
				from: day(today.y, today.m, 1),
				to: day(today.y, today.m, 10)
			});
		}
	});
	return out;
}

/** What happened: the words before the date in its sentence (at most seven), without a leading connector. */
function eventOf(d: Dated, all: Dated[]): { text: string; span: Span } | undefined {
	const p = d.when.p;
	const s = { ...sentenceAt(p, d.when.first) };
	// never over another date of the sentence
	for (const o of all)
		if (o !== d && o.when.p === p && o.when.last < d.when.first && o.when.last >= s.first)
			s.first = o.when.last + 1;
	let last = d.when.first - 1;
	// «في نيسان», "in September", "on Saturday": the preposition belongs to the date
	while (
		last >= s.first &&
		/^(في|on|in|the|of|week|first|عام|صيف|شتاء|ربيع|خريف|summer|winter|spring|autumn)$/.test(
			p.words[last].folded
		)
	)
		last--;
	while (
		last >= s.first &&
		(p.words[last].lex?.cls === 'weekday' || p.words[last].lex?.cls === 'filler')
	)
		last--;
	if (last < s.first) return undefined;
	let first = Math.max(s.first, last - 7);
	// never across a quote mark or a bracket
	for (let i = last - 1; i >= first; i--) if (/[«»"“”()]/.test(p.words[i].gapAfter)) first = i + 1;
	while (first < last && /^(أن|ان|التي|الذي|في|that|and|و|in|on|at)$/.test(p.words[first].folded))
		first++;
	if (last - first < 2) return undefined;
	const span = { p, first, last };
	return { text: rawOf(span).replace(/[،,]$/, ''), span };
}

/**
 * An ordering of the article's dated events.
 * @param a the article
 */
export function orderingDrafts(a: ReadArticle): Draft[] {
	const [y, m, d] = a.date.split('-').map(Number);
	if (!y || !m || !d) return [];
	const today = { y, m, d };
	const all = a.paragraphs.flatMap((p) => datesOf(p, today));
	const dated = all
		.map((x) => ({ ...x, event: eventOf(x, all) }))
		.filter((x) => x.event !== undefined)
		.sort((x, z) => x.from - z.from);
	// events whose dates cannot overlap, earliest first
	const chosen: typeof dated = [];
	for (const x of dated) {
		const prev = chosen.at(-1);
		if (prev && x.from <= prev.to) continue;
		if (chosen.some((c) => c.event!.text === x.event!.text)) continue;
		chosen.push(x);
	}
	if (chosen.length < 3) return [];
	const items = chosen.slice(0, 5);
	const evidence = items.map((x) => ({
		p: x.when.p,
		first: Math.min(x.event!.span.first, x.when.first),
		last: Math.max(x.event!.span.last, x.when.last)
	}));
	const ar = a.lang === 'ar';
	const order = items.map((x) => x.event!.text);
	return [
		{
			rule: 'ordering',
			fact: 'dated-events',
			why: `dated by ${items.map((x) => `«${rawOf(x.when)}»`).join(', ')}, read against the article's date ${a.date}`,
			question: {
				...common(a.lang, 'order-by-date', evidence, 'when', 2),
				type: 'ordering',
				prompt: ar
					? 'رتّب هذه الأحداث من الأقدم إلى الأحدث بحسب التواريخ التي يذكرها النص.'
					: 'Put these events in order, from the earliest to the latest, by the dates the text gives.',
				items: order,
				tags: ['time', 'sequence'],
				examples: [
					{ answer: order, verdict: 'correct' },
					{ answer: [...order].reverse(), verdict: 'wrong', reason: 'latest first' },
					{
						answer: [order[1], order[0], ...order.slice(2)],
						verdict: 'partial',
						reason: 'the first two swapped'
					}
				]
			}
		}
	];
}
