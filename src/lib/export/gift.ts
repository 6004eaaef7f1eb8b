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
	feedbackText,
	htmlEscape,
	multipleAnswerWeight,
	textStrings
} from './common';
import type { Strings } from '../i18n';
import { ReportBuilder } from './report';
import type { ExportArticle, ExportInput, ExportResult } from './types';

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

/** `<p dir="rtl" lang="ar">`, GIFT-escaped, by direction and language: built once, not per question. */
const openTags = new Map<string, string>();

/** Text in GIFT's [html] format: HTML-escaped first, then GIFT-escaped. */
function html(a: ExportArticle, s: string): string {
	const k = `${a.direction} ${a.language}`;
	let open = openTags.get(k);
	if (open === undefined) {
		openTags.set(k, (open = giftEscape(`<p dir="${a.direction}" lang="${a.language}">`)));
	}
	return `${open}${giftEscape(htmlEscape(s))}</p>`;
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
	return giftEscape(htmlEscape(o.text));
}

/** Each answer's feedback, `#…` after it, when the bank gives one. */
function optionFeedback(o: Option): string {
	return o.feedback ? `#${giftEscape(htmlEscape(o.feedback))}` : '';
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
	const out: string[] = [];
	const groups = byArticle(input);
	for (const [a, questions] of groups) {
		out.push(
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
		for (const q of questions) {
			const block = question(q, a, t, report);
			if (block) out.push(block, '');
		}
	}
	if (groups.length) report.note('attribution: a comment and a description item per article');
	return { text: out.join('\n'), report: report.report };
}

function question(
	q: BankQuestion,
	a: ExportArticle,
	t: Strings,
	report: ReportBuilder
): string | undefined {
	const tags = [
		...q.paragraph,
		`skill-${q.skill}`,
		`difficulty-${q.difficulty}`,
		`type-${q.type}`,
		...q.tags
	];
	const head = [
		`// [id:${q.id}] ${tags.map((x) => `[tag:${tag(x)}]`).join(' ')}`,
		`::${q.id}::[html]${html(a, q.prompt)}`
	];
	const general = `####[html]${html(a, feedbackText(q, t))}`;
	const block = (lines: string[]) =>
		[...head.slice(0, 1), head[1] + '{', ...lines, general, '}'].join('\n');

	switch (q.type) {
		case 'single':
			report.ok(q);
			return block([
				`=${choice(q.answer)}${optionFeedback(q.answer)}`,
				...q.distractors.map((o) => `~${choice(o)}${optionFeedback(o)}`)
			]);
		case 'multiple': {
			const right = multipleAnswerWeight(q, report, 'GIFT');
			if (!right) return undefined;
			const wrong = `-${right}`;
			return block([
				...q.answer.map((o) => `~%${right}%${choice(o)}${optionFeedback(o)}`),
				...q.distractors.map((o) => `~%${wrong}%${choice(o)}${optionFeedback(o)}`)
			]);
		}
		case 'truefalse': {
			report.ok(q);
			const lines = [q.answer ? 'TRUE' : 'FALSE'];
			if (!q.answer && q.correction) {
				// `{FALSE#feedback for a wrong answer#feedback for the right one}`
				const c = giftEscape(q.correction);
				lines[0] += `#${c}#${c}`;
			}
			return block(lines);
		}
		case 'short':
			report.ok(q);
			return block(shortForms(q.answer, q.accept).map((f) => `=${giftEscape(f)}`));
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
			return [
				head[0],
				`${head[1]}{#`,
				`=%100%${asciiNumber(value)}:${asciiNumber(tolerance)}`,
				general,
				'}'
			].join('\n');
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
			return [
				head[0],
				`::${q.id}::[html]${html(a, q.prompt)}${giftEscape(
					`<p dir="${a.direction}" lang="${a.language}">${htmlEscape(before)}`
				)}{${answers} ${general}}${giftEscape(`${htmlEscape(after)}</p>`)}`
			].join('\n');
		}
		case 'matching': {
			const answers = q.pairs.length + q.distractors.length;
			if (answers < 3) {
				report.omitted(q, "Moodle's matching needs at least three answers; this one has two");
				return undefined;
			}
			if (q.scoring === 'all-or-nothing') {
				report.converted(q, 'matching (partial credit)', "Moodle's matching gives credit per pair");
			} else report.ok(q);
			return block([
				...q.pairs.map((p) => `=${choice(p.left)} -> ${giftEscape(p.right.text)}`),
				...q.distractors.map((o) => `= -> ${giftEscape(o.text)}`)
			]);
		}
		case 'ordering':
			report.converted(
				q,
				'matching',
				'GIFT has no ordering: each item is matched to its place (1, 2, …)'
			);
			return block(q.items.map((o, i) => `=${choice(o)} -> ${i + 1}`));
		case 'evidence':
			report.converted(
				q,
				'essay',
				'GIFT cannot mark a phrase in the text: an essay the teacher grades, the evidence in its feedback'
			);
			return block([]);
	}
}
