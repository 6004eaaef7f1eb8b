/**
 * Rules `distance` and `direction`: "X الواقعة على مسافة N كلم غرب Y" says clearly what the
 * number measures, so it is asked as a number (how far is X from Y), its direction as a choice of
 * the compass points, and each as a false statement with one fact swapped.
 */
import { unitOf } from '../../text/units';
import { arabicDigits, common, slugOf, type Draft, type Example } from '../draft';
import { rawOf, type DistanceFact, type Entities } from '../entities';
import type { ReadArticle, Span } from '../text';

const UNIT_WORD: Record<string, { ar: string; en: string }> = {
	km: { ar: 'كيلومترًا', en: 'kilometres' },
	m: { ar: 'مترًا', en: 'metres' },
	mile: { ar: 'ميلًا', en: 'miles' }
};

const POINTS: Record<string, { ar: string; en: string }> = {
	N: { ar: 'شمال', en: 'north' },
	S: { ar: 'جنوب', en: 'south' },
	E: { ar: 'شرق', en: 'east' },
	W: { ar: 'غرب', en: 'west' }
};
const OPPOSITE: Record<string, string> = { N: 'S', S: 'N', E: 'W', W: 'E' };

/** The span from the subject to the reference, or the two parts when they stand apart. */
function evidenceOf(d: DistanceFact): Span[] {
	const { subject, reference } = d;
	if (subject.span.p === reference.span.p && reference.span.last - subject.span.first <= 16) {
		return [
			{
				p: subject.span.p,
				first: Math.min(subject.span.first, d.n.withUnit.first),
				last: reference.span.last
			}
		];
	}
	return [
		subject.span,
		{ p: d.n.withUnit.p, first: d.n.withUnit.first, last: reference.span.last }
	];
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Drafts from the article's distances.
 * @param a the article
 * @param e its entities
 */
export function distanceDrafts(a: ReadArticle, e: Entities): Draft[] {
	const out: Draft[] = [];
	const ar = a.lang === 'ar';
	for (const d of e.distances) {
		const X = d.subject.text;
		const Y = d.reference.text;
		const key = slugOf(`${d.n.value}`, 'x') + '-' + slugOf(Y, 'ref');
		const unitRaw = rawOf({ ...d.n.withUnit, first: d.n.number.last + 1 });
		const unit = unitOf(unitRaw) ? unitRaw : d.n.unit!;
		const evidence = evidenceOf(d);
		const others = e.distances.filter(
			(o) => o !== d && o.n.unit === d.n.unit && o.n.value !== d.n.value
		);
		const distanceFact = `distance-${key}`;
		// how far
		const v = String(d.n.value);
		const examples: Example[] = [
			{ answer: `${v} ${unitRaw}`, verdict: 'correct' },
			{
				answer: v,
				verdict: 'correct',
				reason: ar ? 'the unit may be left out' : 'the unit may be left out'
			},
			ar
				? { answer: arabicDigits(v), verdict: 'correct', reason: 'Arabic-Indic digits' }
				: { answer: `${v} ${UNIT_WORD[d.n.unit!].en}`, verdict: 'correct' },
			...others.map((o) => ({
				answer: `${o.n.value} ${unitRaw}`,
				verdict: 'wrong' as const,
				reason: `the distance of ${o.subject.text}`
			})),
			{ answer: `${d.n.value * 10} ${unitRaw}`, verdict: 'wrong', reason: 'ten times the distance' }
		];
		const swapped = v.split('').reverse().join('');
		if (swapped !== v && !swapped.startsWith('0')) {
			examples.push({
				answer: `${swapped} ${unitRaw}`,
				verdict: 'wrong',
				reason: 'the digits swapped'
			});
		}
		out.push({
			rule: 'distance',
			fact: distanceFact,
			why: `«${rawOf(evidence[evidence.length - 1])}» says what the number measures`,
			question: {
				...common(a.lang, `distance-${key}`, evidence, 'quantity', 2),
				type: 'numeric',
				prompt: ar
					? `كم ${UNIT_WORD[d.n.unit!].ar} ${d.subject.text.startsWith('ال') ? 'تبعد' : 'تبعد'} ${X} عن ${Y}؟`
					: `How many ${UNIT_WORD[d.n.unit!].en} is ${X} from ${Y}?`,
				answer: { value: d.n.value, unit, tolerance: 0, unitOptional: true },
				tags: ['distance'],
				examples
			}
		});
		// which direction
		if (d.direction && d.dirPhrase && POINTS[d.direction.id]) {
			const dirFact = `direction-${key}`;
			const option = (id: string) => (ar ? `${POINTS[id].ar} ${Y}` : `${POINTS[id].en} of ${Y}`);
			const rawDir = d.direction.span.p.words[d.direction.span.first].raw;
			const keyText = ar ? `${rawDir} ${Y}` : `${rawDir.toLowerCase()} of ${Y}`;
			const proof = rawOf(d.dirPhrase);
			const distractors = ['N', 'S', 'E', 'W'].filter((id) => id !== d.direction!.id).map(option);
			out.push({
				rule: 'direction',
				fact: dirFact,
				why: 'the direction word of a distance pattern; the other compass points as options',
				question: {
					...common(a.lang, `direction-${key}`, [d.dirPhrase], 'direction', 1),
					type: 'single',
					prompt: ar ? `في أي اتجاه من ${Y} تقع ${X}؟` : `In which direction from ${Y} is ${X}?`,
					answer: keyText === proof ? keyText : { text: keyText, proof },
					distractors,
					tags: ['direction'],
					examples: [
						{ answer: keyText, verdict: 'correct' },
						...distractors.map((t) => ({ answer: t, verdict: 'wrong' as const }))
					]
				}
			});
			// the opposite direction: false, never also true
			const opp = OPPOSITE[d.direction.id];
			out.push({
				rule: 'truefalse',
				fact: dirFact,
				why: 'the direction swapped for its opposite',
				question: {
					...common(a.lang, `tf-direction-${key}`, [d.dirPhrase], 'direction', 1),
					type: 'truefalse',
					prompt: ar
						? `تقع ${X} ${POINTS[opp].ar} ${Y}.`
						: `${cap(X)} is ${POINTS[opp].en} of ${Y}.`,
					answer: false,
					correction: proof,
					tags: ['direction']
				}
			});
		}
		// another distance of the article in its place: false
		const other = others[0];
		if (other) {
			out.push({
				rule: 'truefalse',
				fact: distanceFact,
				why: `the distance swapped for another of the article (${other.n.value})`,
				question: {
					...common(a.lang, `tf-distance-${key}`, evidence, 'quantity', 1),
					type: 'truefalse',
					prompt: ar
						? `تبعد ${X} ${other.n.value} ${unitRaw} عن ${Y}.`
						: `${cap(X)} is ${other.n.value} ${unitRaw} from ${Y}.`,
					answer: false,
					correction: rawOf(d.n.withUnit),
					tags: ['distance']
				}
			});
		}
	}
	return out;
}
