/** Helpers the exporters share: escaping, Moodle's grade list, citations, answer keys as text. */
import { answerKeyText } from '../bank/answer-key';
import type { BankQuestion } from '../bank/check';
import type { MultipleQuestion } from '../bank/schema';
import type { ReportBuilder } from './report';
import { chooseLocale, strings, type Strings } from '../i18n';
import type { ExportArticle, ExportInput, ExportReport, ExportResult } from './types';

/**
 * The article a question belongs to; an input that lacks it is a bug of the caller.
 * @param input the export input
 * @param q a question of it
 */
export function articleOf(input: ExportInput, q: BankQuestion): ExportArticle {
	const a = input.articles.get(q.article);
	if (!a)
		throw new Error(`export: question ${q.id} names article ${q.article}, which was not given`);
	return a;
}

/**
 * What a question's article gives every row of an export (its strings, its attribution), made
 * once per article rather than once per question: a 10,000-question export has 100 articles.
 * @param input the export input
 * @param make the value for one article
 */
export function perArticle<T>(
	input: ExportInput,
	make: (a: ExportArticle) => T
): (q: BankQuestion) => T {
	const made = new Map<string, T>();
	return (q) => {
		let v = made.get(q.article);
		if (v === undefined) made.set(q.article, (v = make(articleOf(input, q))));
		return v;
	};
}

/** Characters a chunk of `TextJoin` gathers before it is joined: ≥ 128 KB, V8's large objects. */
const CHUNK = 1 << 17;

/**
 * A long text of many pieces joined by a separator, as `pieces.join(separator)` gives it, but
 * joined a chunk at a time while the pieces are added. Why: the pieces of a 10,000-question
 * export would all stay alive in the young generation until the end, and every minor GC would
 * copy them again (half of an export's time). A joined chunk is one flat string big enough to
 * go to the large-object space, which minor GCs do not copy, and its pieces die young.
 */
export class TextJoin {
	private readonly done: string[] = [];
	private pieces: string[] = [];
	private size = 0;

	/** @param separator what stands between two pieces */
	constructor(private readonly separator = '') {}

	/** Adds the next pieces. */
	add(...pieces: string[]): void {
		for (const p of pieces) {
			this.pieces.push(p);
			this.size += p.length;
		}
		if (this.size >= CHUNK) this.flush();
	}

	/** Adds the next piece (one: no array is made for it). */
	push(piece: string): void {
		this.pieces.push(piece);
		this.size += piece.length;
		if (this.size >= CHUNK) this.flush();
	}

	private flush(): void {
		// After the first chunk, a chunk opens with an empty piece: the join puts the separator
		// that stands between the two chunks in front of its first real piece.
		if (this.pieces.length <= (this.done.length ? 1 : 0)) return;
		this.done.push(this.pieces.join(this.separator));
		this.pieces = [''];
		this.size = 0;
	}

	/** The text as chunks: joined without a separator, they are the whole text. */
	chunks(): string[] {
		this.flush();
		return this.done;
	}
}

/**
 * A text export's result from its chunks. The whole text is joined only when someone reads it:
 * `toBytes` encodes the chunks one by one, so a download never holds the text twice.
 * @param out the export's text
 * @param report the export's report
 */
export function textResult(out: TextJoin, report: ExportReport): ExportResult {
	const chunks = out.chunks();
	let text: string | undefined;
	return {
		chunks,
		get text() {
			return (text ??= chunks.join(''));
		},
		report
	};
}

/**
 * The questions grouped by article, articles in the order they first appear, questions in
 * input order (one pass: a bank of 10,000 questions in 100 articles stays linear).
 * @param input the export input
 */
export function byArticle(input: ExportInput): [ExportArticle, BankQuestion[]][] {
	const groups = new Map<string, [ExportArticle, BankQuestion[]]>();
	for (const q of input.questions) {
		let g = groups.get(q.article);
		if (!g) groups.set(q.article, (g = [articleOf(input, q), []]));
		g[1].push(q);
	}
	return [...groups.values()];
}

/**
 * Interface strings in the article's language (worksheets and labels inside exports follow the
 * text, not the teacher's interface).
 * @param article the article
 */
export function textStrings(article: Pick<ExportArticle, 'language'>): Strings {
	return strings(chooseLocale(null, article.language));
}

/** One line naming the article and its attribution, for comments and footers. */
export function attributionLine(a: ExportArticle): string {
	return `${a.title} — ${a.source}, ${a.date}. ${a.attribution}`;
}

/** Text that needs no escaping. */
const asIs = (s: string) => s;

/**
 * The citations and feedback of an export's questions in one language, escaped for its format
 * part by part (the escaping must work character by character, as GIFT's and HTML's do, and leave
 * « », spaces and parentheses alone). Each paragraph's label ("Paragraph 3: «") is escaped once,
 * not once a question.
 */
export class Citations {
	private readonly labels = new Map<string, string>();

	/**
	 * @param t strings in the article's language
	 * @param escape the format's escaping
	 */
	constructor(
		private readonly t: Strings,
		private readonly escape: (s: string) => string = asIs
	) {}

	private label(p: string): string {
		let label = this.labels.get(p);
		if (label === undefined) {
			this.labels.set(p, (label = this.escape(`${this.t.paragraph} ${p.slice(1)}: «`)));
		}
		return label;
	}

	/** Where the answer stands: "Paragraph 3: «quote»" for each evidence quote. */
	citation(q: BankQuestion): string {
		let out = '';
		for (let i = 0; i < q.evidence.length; i++) {
			const p = q.spans[i]?.paragraph ?? q.paragraph[0];
			out += `${i ? ' ' : ''}${this.label(p)}${this.escape(q.evidence[i])}»`;
		}
		return out;
	}

	/** The general feedback most formats carry: the explanation and where the text proves it. */
	feedback(q: BankQuestion): string {
		return `${this.escape(q.explanation)} (${this.citation(q)})`;
	}
}

/**
 * Where the answer stands: "Paragraph 3: «quote»" for each evidence quote.
 * @param q a question
 * @param t strings in the article's language
 */
export function citation(q: BankQuestion, t: Strings): string {
	return new Citations(t).citation(q);
}

/**
 * The general feedback most formats carry: the explanation and where the text proves it.
 * @param q a question
 * @param t strings in the article's language
 */
export function feedbackText(q: BankQuestion, t: Strings): string {
	return new Citations(t).feedback(q);
}

/**
 * The answer key of any question as one line of text (CSV cells, worksheet keys, Quizlet), with
 * true and false in the article's language.
 * @param q a question
 * @param t strings in the article's language
 */
export function answerText(q: BankQuestion, t: Strings): string {
	return answerKeyText(q, { true: t.answerTrue, false: t.answerFalse });
}

/**
 * Moodle's grade list: an answer weight must be one of these or Moodle refuses the question
 * (question/format/gift: "weight not on the grade list"; same list for XML fractions).
 */
export const MOODLE_GRADES = [
	100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571,
	12.5, 11.11111, 10, 5, 0
] as const;

/**
 * The grade-list entry for a percentage, as Moodle writes it, or undefined when none is within
 * rounding (Moodle compares to five decimals).
 * @param percent a weight in percent, may be negative
 */
export function moodleGrade(percent: number): string | undefined {
	const abs = Math.abs(percent);
	const hit = MOODLE_GRADES.find((g) => Math.abs(g - abs) < 0.0001);
	if (hit === undefined) return undefined;
	return `${percent < 0 && hit !== 0 ? '-' : ''}${hit}`;
}

/**
 * Escapes text for XML character data and attribute values.
 * @param s any text
 */
export function xmlEscape(s: string): string {
	if (!/[&<>"']/.test(s)) return s;
	return s.replace(/[&<>"']/g, (c) =>
		c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;'
	);
}

// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const XML_FORBIDDEN_ALL = new RegExp(XML_FORBIDDEN.source, 'g');

/**
 * Characters XML 1.0 forbids (C0 controls other than tab, newline and return) dropped, so a
 * stray control character in the bank cannot make a file unreadable.
 * @param s any text
 */
export function xmlSafe(s: string): string {
	// Test first: a replace that finds nothing still costs more than a test (10,000 questions).
	return XML_FORBIDDEN.test(s) ? s.replace(XML_FORBIDDEN_ALL, '') : s;
}

/**
 * Text in a CDATA section; a `]]>` inside is split across two sections, the one sequence CDATA
 * cannot hold (XML 1.0 §2.7).
 * @param s any text
 */
export function cdata(s: string): string {
	const safe = xmlSafe(s);
	return `<![CDATA[${safe.includes(']]>') ? safe.replaceAll(']]>', ']]]]><![CDATA[>') : safe}]]>`;
}

/**
 * Escapes text for HTML content and attributes.
 * @param s any text
 */
export function htmlEscape(s: string): string {
	if (!/[&<>"]/.test(s)) return s;
	return s.replace(/[&<>"]/g, (c) =>
		c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'
	);
}

/**
 * A paragraph of HTML in the article's language and direction, for formats whose text is HTML
 * (Moodle shows right-to-left text right only with `dir="rtl"` on the element).
 * @param a the article
 * @param s plain text
 */
export function htmlPara(a: Pick<ExportArticle, 'language' | 'direction'>, s: string): string {
	return `<p dir="${a.direction}" lang="${a.language}">${htmlEscape(s)}</p>`;
}

/**
 * A number in ASCII digits with a dot, as every import format wants (never locale digits).
 * @param n a finite number
 */
export function asciiNumber(n: number): string {
	return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(10)));
}

/**
 * The weight of each correct choice of a multiple-response question in Moodle's formats (GIFT and
 * XML), reporting the question as it goes: left out when 100/n is not on the grade list, converted
 * when Dalil scores it all or nothing (Moodle gives partial credit). Each wrong choice takes back
 * what a right one gives, so ticking everything scores 0.
 * @param q the question
 * @param report the export's report
 * @param format the format's name, for the report
 */
export function multipleAnswerWeight(
	q: MultipleQuestion & BankQuestion,
	report: ReportBuilder,
	format: 'GIFT' | 'Moodle'
): string | undefined {
	const right = moodleGrade(100 / q.answer.length);
	if (!right) {
		report.omitted(q, 'moodleGradeList', { n: q.answer.length });
		return undefined;
	}
	if (q.scoring === 'all-or-nothing') {
		report.converted(q, 'multichoicePartial', 'multiPartial', { format });
	} else report.ok(q);
	return right;
}
