/**
 * The quiz spec: what a teacher's link asks for (`/quiz/<slug>?n=10&seed=…&mode=test`), parsed with
 * zod at the boundary. A parameter that does not parse falls back to its default and leaves a note
 * the page shows; it never makes an error page.
 */
import { z } from 'zod';
import { QUESTION_TYPES, SKILLS, questionId, type QuestionType, type Skill } from '../bank/schema';

export const MODES = ['practice', 'test'] as const;
export type Mode = (typeof MODES)[number];

/** Limits a link may ask for. */
export const LIMITS = { n: 50, time: 180, seed: 40, ids: 50 } as const;
export const DEFAULT_N = 10;

/**
 * What a seed may be, as an HTML `pattern` (which the browser reads with the `v` flag, hence the
 * escaped dash): the one rule for quiz links, assignments and worksheets. Pages get it in their data.
 */
export const SEED_PATTERN = `[A-Za-z0-9_\\-]{1,${LIMITS.seed}}`;

/** A seed at the boundary (link, form, command line): trimmed, then held to `SEED_PATTERN`. */
export const seedSchema = z
	.string()
	.trim()
	.regex(new RegExp(`^${SEED_PATTERN}$`), {
		error: `a seed is 1 to ${LIMITS.seed} letters, digits, dashes or underscores`
	});

export interface QuizSpec {
	slug: string;
	/** how many questions (fewer when fewer match) */
	n: number;
	seed: string;
	mode: Mode;
	/** empty: every type */
	types: QuestionType[];
	/** empty: every skill */
	skills: Skill[];
	/** inclusive range, 1–3 */
	difficulty: [number, number];
	/** inclusive range of paragraph numbers, clamped to the article */
	paragraphs: [number, number];
	book: 'open' | 'closed';
	/** minutes; 0 for no limit (test mode only) */
	time: number;
	/** explicit question ids ("retry the ones I missed"): filters and n are then ignored */
	ids: string[];
}

/** A parameter that was not understood, and what was used instead. */
export interface SpecNote {
	param: string;
	given: string;
	used: string;
}

const list = <T extends string>(values: readonly T[]) =>
	z
		.array(z.enum(values as unknown as [T, ...T[]]))
		.max(values.length * 2)
		.transform((v) => [...new Set(v)].sort());

/** A number of a range: ASCII or Arabic-Indic digits (both Unicode blocks). */
const RANGE_DIGITS = '[0-9\\u0660-\\u0669\\u06f0-\\u06f9]{1,3}';

/**
 * A range of paragraphs as typed: "2" or "1-3", also with an en dash, spaces or Arabic-Indic
 * digits. The builder's field takes it as its HTML `pattern` (written for the `v` flag browsers
 * compile patterns with: the dash escaped), and the link's parser checks the same.
 */
export const RANGE_PATTERN = `\\s*${RANGE_DIGITS}\\s*(?:[\\-–]\\s*${RANGE_DIGITS}\\s*)?`;

/** A range (see `RANGE_PATTERN`) as an ordered pair */
const range = (min: number, max: number) =>
	z
		.string()
		.regex(new RegExp(`^${RANGE_PATTERN}$`))
		.transform(toAsciiDigits)
		.transform((s): [number, number] => {
			const [a, b = a] = s.split(/[-–]/).map((x) => Number(x.trim()));
			return a <= b ? [a, b] : [b, a];
		})
		.refine(([a, b]) => a >= min && b <= max);

const PARAMS = {
	n: z.string().transform(toAsciiDigits).pipe(z.coerce.number<string>().int().min(1).max(LIMITS.n)),
	seed: seedSchema,
	mode: z.enum(MODES),
	book: z.enum(['open', 'closed']),
	time: z
		.string()
		.transform(toAsciiDigits)
		.pipe(z.coerce.number<string>().int().min(0).max(LIMITS.time)),
	difficulty: range(1, 3)
};

/**
 * Arabic-Indic and Persian digits to ASCII: a teacher may type the link's numbers in either.
 * @param s any text
 */
export function toAsciiDigits(s: string): string {
	return s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/** All values of a list parameter: repeated (`types=a&types=b`, as a form sends) or comma-separated. */
function listValues(query: URLSearchParams, name: string): string[] {
	return query
		.getAll(name)
		.flatMap((v) => v.split(','))
		.map((v) => v.trim())
		.filter(Boolean);
}

/**
 * Parses a quiz spec from a link's query. Anything not understood falls back to its default, with a
 * note. A missing seed is left empty for the caller to choose (and show) one.
 * @param slug the article
 * @param query the link's query parameters
 * @param paragraphCount how many paragraphs the article has
 */
export function parseSpec(
	slug: string,
	query: URLSearchParams,
	paragraphCount: number
): { spec: QuizSpec; notes: SpecNote[] } {
	const notes: SpecNote[] = [];
	const spec: QuizSpec = {
		slug,
		n: DEFAULT_N,
		seed: '',
		mode: 'practice',
		types: [],
		skills: [],
		difficulty: [1, 3],
		paragraphs: [1, paragraphCount],
		book: 'open',
		time: 0,
		ids: []
	};
	const take = <K extends keyof typeof PARAMS>(
		name: K,
		apply: (v: z.output<(typeof PARAMS)[K]>) => void,
		shown: () => string
	) => {
		const raw = query.get(name);
		if (raw === null || raw.trim() === '') return;
		const r = PARAMS[name].safeParse(raw);
		if (r.success) apply(r.data as z.output<(typeof PARAMS)[K]>);
		else notes.push({ param: name, given: clip(raw), used: shown() });
	};
	take(
		'n',
		(v) => (spec.n = v),
		() => String(spec.n)
	);
	take(
		'seed',
		(v) => (spec.seed = v),
		() => ''
	);
	take(
		'mode',
		(v) => (spec.mode = v),
		() => spec.mode
	);
	take(
		'book',
		(v) => (spec.book = v),
		() => spec.book
	);
	take(
		'time',
		(v) => (spec.time = v),
		() => String(spec.time)
	);
	take(
		'difficulty',
		(v) => (spec.difficulty = v),
		() => spec.difficulty.join('-')
	);

	const rawParagraphs = query.get('paragraphs');
	if (rawParagraphs !== null && rawParagraphs.trim() !== '') {
		const r = range(1, Math.max(1, paragraphCount)).safeParse(rawParagraphs);
		if (r.success) spec.paragraphs = r.data;
		else
			notes.push({ param: 'paragraphs', given: clip(rawParagraphs), used: `1-${paragraphCount}` });
	}

	const lists: [string, readonly string[], 'types' | 'skills'][] = [
		['types', QUESTION_TYPES, 'types'],
		['skills', SKILLS, 'skills']
	];
	for (const [name, values, key] of lists) {
		const given = listValues(query, name);
		if (given.length === 0) continue;
		const good = given.filter((v) => (values as readonly string[]).includes(v));
		const parsed = list(values).safeParse(good);
		if (parsed.success) (spec[key] as string[]) = parsed.data;
		if (good.length < given.length) {
			const bad = given.filter((v) => !good.includes(v));
			notes.push({ param: name, given: clip(bad.join(',')), used: spec[key].join(',') || '*' });
		}
	}

	const ids = listValues(query, 'ids');
	if (ids.length > 0) {
		const good = ids.filter((id) => questionId.safeParse(id).success).slice(0, LIMITS.ids);
		spec.ids = [...new Set(good)];
		if (good.length < ids.length) {
			notes.push({ param: 'ids', given: clip(ids.join(',')), used: spec.ids.join(',') });
		}
	}
	if (spec.mode === 'practice') spec.time = 0;
	return { spec, notes };
}

function clip(s: string): string {
	return s.length > 40 ? s.slice(0, 39) + '…' : s;
}

/**
 * The spec as a canonical query string: equal specs give equal strings, so it names a quiz in the
 * page cache and in links. Defaults are left out to keep links short.
 * @param spec a parsed spec
 * @param paragraphCount how many paragraphs the article has
 */
export function specQuery(spec: QuizSpec, paragraphCount: number): string {
	const q = new URLSearchParams();
	if (spec.ids.length > 0) q.set('ids', spec.ids.join(','));
	else {
		if (spec.n !== DEFAULT_N) q.set('n', String(spec.n));
		if (spec.types.length) q.set('types', [...spec.types].sort().join(','));
		if (spec.skills.length) q.set('skills', [...spec.skills].sort().join(','));
		if (spec.difficulty[0] !== 1 || spec.difficulty[1] !== 3) {
			q.set('difficulty', spec.difficulty.join('-'));
		}
		if (spec.paragraphs[0] !== 1 || spec.paragraphs[1] !== paragraphCount) {
			q.set('paragraphs', spec.paragraphs.join('-'));
		}
	}
	if (spec.seed) q.set('seed', spec.seed);
	q.set('mode', spec.mode);
	if (spec.book !== 'open') q.set('book', spec.book);
	if (spec.mode === 'test' && spec.time > 0) q.set('time', String(spec.time));
	return q.toString();
}
