/**
 * Moodle GIFT. Rules followed (Moodle question/format/gift, and ../shared/reference/README.md):
 * UTF-8; a blank line ends a question, so text never holds one; `~ = # { } :` and `\` are
 * escaped with `\`; numbers in ASCII digits with `.`; every weight is on Moodle's grade list;
 * `// [id:…] [tag:…]` before a question sets its idnumber and tags.
 */
import type { BankQuestion } from '../bank/check';
import { parseCloze, type Option } from '../bank/schema';
import {
	byArticle,
	asciiNumber,
	attributionLine,
	Citations,
	multipleAnswerWeight,
	textStrings,
	TextJoin,
	textResult
} from './common';
import type { Strings } from '../i18n';
import { ReportBuilder } from './report';
import type { ExportInput, ExportResult } from './types';

const GIFT_SPECIAL = /[\\~=#{}:\n]/;

/**
 * Escapes GIFT's special characters; a line break becomes `\n` (GIFT's escape for it), since a
 * blank line would end the question.
 * @param s plain text
 */
export function giftEscape(s: string): string {
	// Most text has none of them: test once, replace only when needed (10,000 questions).
	if (!GIFT_SPECIAL.test(s)) return s;
	return s.replace(/[\\~=#{}:]/g, '\\$&').replace(/\r?\n/g, '\\n');
}

/** HTML's and GIFT's special characters, and line breaks (a lone \r stays, as in `giftEscape`). */
const GIFT_HTML_SPECIAL = /[\\~=#{}:\n&<>"]/;
const GIFT_HTML_CHAR = /[\\~=#{}:&<>"]|\r?\n/g;
const GIFT_HTML: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	'\n': '\\n',
	'\r\n': '\\n'
};

/**
 * `giftEscape(htmlEscape(s))` in one pass: the entities HTML escaping writes hold no GIFT special
 * character, so each character is escaped for one or the other, never both.
 * @param s plain text
 */
function giftHtml(s: string): string {
	if (!GIFT_HTML_SPECIAL.test(s)) return s;
	return s.replace(GIFT_HTML_CHAR, (c) => GIFT_HTML[c] ?? `\\${c}`);
}

/** What every question of an article shares: its strings and its paragraph tag, GIFT-escaped. */
interface GiftArticle {
	t: Strings;
	/** feedback and citations, escaped for GIFT's [html] */
	cite: Citations;
	/** `<p dir="rtl" lang="ar">`, escaped once an article rather than once a question */
	open: string;
	/** what opens the general feedback: `####[html]` and the paragraph tag */
	general: string;
}

/** A `[tag:…]` value: no `]` or line breaks, which would end the comment early. */
function tag(s: string): string {
	return s.replace(/[\]\r\n]/g, ' ').trim();
}

/** Arabic diacritics and tatweel (Unicode 0610–061A, 064B–065F, 0670, 0640). */
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u0640]/g;
const LETTERS: Record<string, string> = { أ: 'ا', إ: 'ا', آ: 'ا', ة: 'ه', ى: 'ي' };
/** Any character `plainSpelling` changes. */
const FOLDS = /[\u0610-\u061A\u064B-\u065F\u0670\u0640أإآةى]/;

/**
 * The spelling students often type for an Arabic answer: no diacritics or tatweel, bare alef for
 * hamza forms, ه for ة and ي for ى (the folds Dalil's grader makes that matter most for an
 * exact-match short answer). A cheap character map, so exporting 10,000 questions stays fast.
 * @param s an answer
 */
export function plainSpelling(s: string): string {
	// Most answers have nothing to fold: one test, rather than two replaces that find nothing.
	if (!FOLDS.test(s)) return s;
	return s.replace(MARKS, '').replace(/[أإآةى]/g, (c) => LETTERS[c]);
}

/**
 * The forms a short answer accepts: the key, the bank's accepted forms, and the plain spelling of
 * each, since Moodle compares short answers exactly (case aside) where Dalil folds.
 */
export function shortForms(answer: string, accept: string[]): string[] {
	const out: string[] = [];
	for (const f of [answer, ...accept]) {
		for (const v of [f, plainSpelling(f)]) {
			if (v !== '' && !out.includes(v)) out.push(v);
		}
	}
	return out;
}

/**
 * A GIFT file being written, piece by piece: the bank's text goes out as it is (or escaped), never
 * copied into a string per question, since flattening such strings cost more than building them.
 * Items (an article's header, a question) end with a line break, and a blank line stands between
 * two, as GIFT ends a question.
 */
class GiftOut {
	private readonly j = new TextJoin();
	private items = 0;
	/** GIFT's syntax written since the last text, joined into one piece before it goes out */
	private syntax = '';

	/** Starts an item: the blank line after the one before. */
	item(): void {
		if (this.items++) this.raw('\n');
	}

	/** Text as it is (GIFT's own syntax, or text escaped already). */
	raw(s: string): void {
		this.syntax += s;
	}

	/** Text that needs no escaping (escaped already, or GIFT's own syntax). */
	escaped(s: string): void {
		if (this.syntax) {
			this.j.push(this.syntax);
			this.syntax = '';
		}
		this.j.push(s);
	}

	/** Plain text, GIFT-escaped. */
	gift(s: string): void {
		this.escaped(giftEscape(s));
	}

	/** Plain text in GIFT's [html] format: HTML-escaped, then GIFT-escaped. */
	html(s: string): void {
		this.escaped(giftHtml(s));
	}

	/** The whole text, once written. */
	text(): TextJoin {
		this.escaped('');
		return this.j;
	}
}

/**
 * Exports questions to Moodle GIFT.
 * @param input questions and their articles
 */
export function toGift(input: ExportInput): ExportResult {
	const report = new ReportBuilder('gift');
	const out = new GiftOut();
	const groups = byArticle(input);
	for (const [a, questions] of groups) {
		out.item();
		out.raw(
			`// Dalil — ${tag(a.title)}\n// ${attributionLine(a).replace(/\r?\n/g, ' ')}\n\n` +
				// Moodle's category path: `/` separates levels, so a slug (no `/`) is one level.
				`$CATEGORY: $course$/top/Dalil/${a.slug}\n\n` +
				// The article itself, numbered, as a description item: a quiz shows it above the
				// questions, and it carries the attribution into Moodle.
				`// [id:${a.slug}-text] [tag:dalil-text]\n::`
		);
		out.gift(a.title);
		out.raw('::[html]');
		for (const p of a.paragraphs) {
			out.gift(`<p dir="${a.direction}" lang="${a.language}"><b>${p.n}</b> `);
			out.html(p.text);
			out.raw('</p>');
		}
		out.raw('<p><small>');
		out.html(attributionLine(a));
		out.raw('</small></p>\n');
		const t = textStrings(a);
		const open = giftEscape(`<p dir="${a.direction}" lang="${a.language}">`);
		const ga: GiftArticle = {
			t,
			cite: new Citations(t, giftHtml),
			open,
			general: `####[html]${open}`
		};
		for (const q of questions) question(q, ga, out, report);
	}
	if (groups.length) report.note('giftAttribution');
	return textResult(out.text(), report.report);
}

/**
 * `// [id:…] [tag:…] …`: the question's idnumber and tags, for Moodle's import. Paragraph ids,
 * skills, types and difficulties are the schema's (`p3`, `where`, …), never a `]` or a line
 * break: only the bank's free tags go through `tag`.
 */
function idLine(q: BankQuestion): string {
	let line = `// [id:${q.id}]`;
	for (const p of q.paragraph) line += ` [tag:${p}]`;
	line += ` [tag:skill-${q.skill}] [tag:difficulty-${q.difficulty}] [tag:type-${q.type}]`;
	for (const x of q.tags) line += ` [tag:${tag(x)}]`;
	return line;
}

/** The question's id line and title, its prompt as [html]: what every question opens with. */
function head(q: BankQuestion, ga: GiftArticle, out: GiftOut): void {
	out.item();
	out.raw(`${idLine(q)}\n::${q.id}::[html]${ga.open}`);
	out.html(q.prompt);
	out.raw('</p>');
}

/** The general feedback, `####[html]…`: the explanation and where the text proves it. */
function general(q: BankQuestion, ga: GiftArticle, out: GiftOut): void {
	out.raw(ga.general);
	// Escaped part by part: each paragraph's label is escaped once an article.
	out.escaped(ga.cite.feedback(q));
	out.raw('</p>');
}

/** Opens a question whose answers are one a line between braces (`close` ends it). */
function open(q: BankQuestion, ga: GiftArticle, out: GiftOut): void {
	head(q, ga, out);
	out.raw('{\n');
}

/** Ends a question `open` began: the general feedback last in the braces. */
function close(q: BankQuestion, ga: GiftArticle, out: GiftOut): void {
	general(q, ga, out);
	out.raw('\n}\n');
}

/**
 * One answer line, `=text#feedback`: in an [html] question Moodle reads the answers as HTML too,
 * so they are HTML-escaped before GIFT-escaped; the feedback follows when the bank gives one.
 */
function answer(out: GiftOut, mark: string, o: Option): void {
	out.raw(mark);
	out.html(o.text);
	if (o.feedback) {
		out.raw('#');
		out.html(o.feedback);
	}
	out.raw('\n');
}

/** Writes a question, or reports why it is left out. */
function question(q: BankQuestion, ga: GiftArticle, out: GiftOut, report: ReportBuilder): void {
	switch (q.type) {
		case 'single':
			report.ok(q);
			open(q, ga, out);
			answer(out, '=', q.answer);
			for (const o of q.distractors) answer(out, '~', o);
			close(q, ga, out);
			return;
		case 'multiple': {
			const right = multipleAnswerWeight(q, report, 'GIFT');
			if (!right) return;
			open(q, ga, out);
			for (const o of q.answer) answer(out, `~%${right}%`, o);
			for (const o of q.distractors) answer(out, `~%-${right}%`, o);
			close(q, ga, out);
			return;
		}
		case 'truefalse':
			report.ok(q);
			open(q, ga, out);
			out.raw(q.answer ? 'TRUE' : 'FALSE');
			if (!q.answer && q.correction) {
				// `{FALSE#feedback for a wrong answer#feedback for the right one}`
				out.raw('#');
				out.gift(q.correction);
				out.raw('#');
				out.gift(q.correction);
			}
			out.raw('\n');
			close(q, ga, out);
			return;
		case 'short':
			report.ok(q);
			open(q, ga, out);
			for (const f of shortForms(q.answer, q.accept)) {
				out.raw('=');
				out.gift(f);
				out.raw('\n');
			}
			close(q, ga, out);
			return;
		case 'numeric': {
			const { value, tolerance, unit, unitOptional } = q.answer;
			if (unit && !unitOptional) {
				report.converted(q, 'numerical', 'giftNoUnits', { unit });
			} else report.ok(q);
			// The multi-answer form `{#\n=%100%v:t\n}`: gift-pegjs refuses the one-line form with
			// feedback, Moodle takes both.
			head(q, ga, out);
			out.raw(`{#\n=%100%${asciiNumber(value)}:${asciiNumber(tolerance)}\n`);
			general(q, ga, out);
			out.raw('\n}\n');
			return;
		}
		case 'cloze': {
			const { plain, blanks } = parseCloze(q.text);
			if (blanks.length !== 1) {
				report.omitted(q, 'giftOneBlank', { n: blanks.length });
				return;
			}
			report.converted(q, 'missingWord', 'giftMissingWord');
			const b = blanks[0];
			head(q, ga, out);
			out.raw(ga.open);
			out.html(plain.slice(0, b.start));
			out.raw('{');
			shortForms(b.answer, b.accept).forEach((f, i) => {
				out.raw(i ? ' =' : '=');
				out.gift(f);
			});
			out.raw(' ');
			general(q, ga, out);
			out.raw('}');
			out.html(plain.slice(b.end));
			out.raw('</p>\n');
			return;
		}
		case 'matching': {
			if (q.pairs.length + q.distractors.length < 3) {
				report.omitted(q, 'moodleMatchingThree');
				return;
			}
			if (q.scoring === 'all-or-nothing') {
				report.converted(q, 'matchingPartial', 'moodleMatchingPerPair');
			} else report.ok(q);
			open(q, ga, out);
			for (const p of q.pairs) {
				out.raw('=');
				out.html(p.left.text);
				out.raw(' -> ');
				out.gift(p.right.text);
				out.raw('\n');
			}
			for (const o of q.distractors) {
				out.raw('= -> ');
				out.gift(o.text);
				out.raw('\n');
			}
			close(q, ga, out);
			return;
		}
		case 'ordering':
			report.converted(q, 'matching', 'giftNoOrdering');
			open(q, ga, out);
			q.items.forEach((o, i) => {
				out.raw('=');
				out.html(o.text);
				out.raw(` -> ${i + 1}\n`);
			});
			close(q, ga, out);
			return;
		case 'evidence':
			report.converted(q, 'essay', 'giftNoEvidence');
			open(q, ga, out);
			close(q, ga, out);
			return;
	}
}
