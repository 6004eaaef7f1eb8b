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
	htmlEscape,
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
}

/** Text in GIFT's [html] format: HTML-escaped first, then GIFT-escaped. */
function html(ga: GiftArticle, s: string): string {
	return `${ga.open}${giftHtml(s)}</p>`;
}

/** A `[tag:…]` value: no `]` or line breaks, which would end the comment early. */
function tag(s: string): string {
	return s.replace(/[\]\r\n]/g, ' ').trim();
}

/**
 * A choice shown to the student: in an [html] question Moodle reads the answers as HTML too, so
 * they are HTML-escaped before GIFT-escaped.
 */
function choice(o: Option): string {
	return giftHtml(o.text);
}

/** Each answer's feedback, `#…` after it, when the bank gives one. */
function optionFeedback(o: Option): string {
	return o.feedback ? `#${giftHtml(o.feedback)}` : '';
}

/** Arabic diacritics and tatweel (Unicode 0610–061A, 064B–065F, 0670, 0640). */
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u0640]/g;
const LETTERS: Record<string, string> = { أ: 'ا', إ: 'ا', آ: 'ا', ة: 'ه', ى: 'ي' };

/**
 * The spelling students often type for an Arabic answer: no diacritics or tatweel, bare alef for
 * hamza forms, ه for ة and ي for ى (the folds Dalil's grader makes that matter most for an
 * exact-match short answer). A cheap character map, so exporting 10,000 questions stays fast.
 * @param s an answer
 */
export function plainSpelling(s: string): string {
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
 * Exports questions to Moodle GIFT.
 * @param input questions and their articles
 */
export function toGift(input: ExportInput): ExportResult {
	const report = new ReportBuilder('gift');
	const out = new TextJoin('\n');
	const groups = byArticle(input);
	for (const [a, questions] of groups) {
		out.add(
			`// Dalil — ${tag(a.title)}`,
			`// ${attributionLine(a).replace(/\r?\n/g, ' ')}`,
			'',
			// Moodle's category path: `/` separates levels, so a slug (no `/`) is one level.
			`$CATEGORY: $course$/top/Dalil/${a.slug}`,
			'',
			// The article itself, numbered, as a description item: a quiz shows it above the
			// questions, and it carries the attribution into Moodle.
			`// [id:${a.slug}-text] [tag:dalil-text]`,
			`::${giftEscape(a.title)}::[html]${giftEscape(
				a.paragraphs
					.map(
						(p) =>
							`<p dir="${a.direction}" lang="${a.language}"><b>${p.n}</b> ${htmlEscape(p.text)}</p>`
					)
					.join('') + `<p><small>${htmlEscape(attributionLine(a))}</small></p>`
			)}`,
			''
		);
		const t = textStrings(a);
		const ga: GiftArticle = {
			t,
			cite: new Citations(t, giftHtml),
			open: giftEscape(`<p dir="${a.direction}" lang="${a.language}">`)
		};
		for (const q of questions) {
			const block = question(q, ga, report);
			if (block) out.add(block, '');
		}
	}
	if (groups.length) report.note('attribution: a comment and a description item per article');
	return textResult(out, report.report);
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

function question(q: BankQuestion, ga: GiftArticle, report: ReportBuilder): string | undefined {
	const id = idLine(q);
	const title = `::${q.id}::[html]${html(ga, q.prompt)}`;
	// Escaped part by part: the citation's colon would send the whole text through the replace.
	const general = `####[html]${ga.open}${ga.cite.feedback(q)}</p>`;
	/** The question with its answers, one a line (each ends with a line break). */
	const block = (answers: string) => `${id}\n${title}{\n${answers}${general}\n}`;

	switch (q.type) {
		case 'single': {
			report.ok(q);
			let answers = `=${choice(q.answer)}${optionFeedback(q.answer)}\n`;
			for (const o of q.distractors) answers += `~${choice(o)}${optionFeedback(o)}\n`;
			return block(answers);
		}
		case 'multiple': {
			const right = multipleAnswerWeight(q, report, 'GIFT');
			if (!right) return undefined;
			let answers = '';
			for (const o of q.answer) answers += `~%${right}%${choice(o)}${optionFeedback(o)}\n`;
			for (const o of q.distractors) answers += `~%-${right}%${choice(o)}${optionFeedback(o)}\n`;
			return block(answers);
		}
		case 'truefalse': {
			report.ok(q);
			let answer = q.answer ? 'TRUE' : 'FALSE';
			if (!q.answer && q.correction) {
				// `{FALSE#feedback for a wrong answer#feedback for the right one}`
				const c = giftEscape(q.correction);
				answer += `#${c}#${c}`;
			}
			return block(`${answer}\n`);
		}
		case 'short':
			report.ok(q);
			return block(
				shortForms(q.answer, q.accept)
					.map((f) => `=${giftEscape(f)}\n`)
					.join('')
			);
		case 'numeric': {
			const { value, tolerance, unit, unitOptional } = q.answer;
			if (unit && !unitOptional) {
				report.converted(
					q,
					'numerical',
					`GIFT has no units: the number is graded without «${unit}»`
				);
			} else report.ok(q);
			// The multi-answer form `{#\n=%100%v:t\n}`: gift-pegjs refuses the one-line form with
			// feedback, Moodle takes both.
			return `${id}\n${title}{#\n=%100%${asciiNumber(value)}:${asciiNumber(tolerance)}\n${general}\n}`;
		}
		case 'cloze': {
			const { plain, blanks } = parseCloze(q.text);
			if (blanks.length !== 1) {
				report.omitted(
					q,
					`${blanks.length} blanks: GIFT holds one blank a question (Moodle XML keeps it as a cloze)`
				);
				return undefined;
			}
			report.converted(
				q,
				'missing word (short answer)',
				'one blank, as a GIFT missing-word question'
			);
			const b = blanks[0];
			const before = plain.slice(0, b.start);
			const after = plain.slice(b.end);
			const answers = shortForms(b.answer, b.accept)
				.map((f) => `=${giftEscape(f)}`)
				.join(' ');
			return `${id}\n${title}${ga.open}${giftHtml(before)}{${answers} ${general}}${giftHtml(after)}</p>`;
		}
		case 'matching': {
			if (q.pairs.length + q.distractors.length < 3) {
				report.omitted(q, "Moodle's matching needs at least three answers; this one has two");
				return undefined;
			}
			if (q.scoring === 'all-or-nothing') {
				report.converted(q, 'matching (partial credit)', "Moodle's matching gives credit per pair");
			} else report.ok(q);
			let answers = '';
			for (const p of q.pairs) answers += `=${choice(p.left)} -> ${giftEscape(p.right.text)}\n`;
			for (const o of q.distractors) answers += `= -> ${giftEscape(o.text)}\n`;
			return block(answers);
		}
		case 'ordering':
			report.converted(
				q,
				'matching',
				'GIFT has no ordering: each item is matched to its place (1, 2, …)'
			);
			return block(q.items.map((o, i) => `=${choice(o)} -> ${i + 1}\n`).join(''));
		case 'evidence':
			report.converted(
				q,
				'essay',
				'GIFT cannot mark a phrase in the text: an essay the teacher grades, the evidence in its feedback'
			);
			return block('');
	}
}
