/**
 * A printable worksheet: one HTML page with a print stylesheet, in the article's language and
 * direction: the article with numbered paragraphs, the questions with room to write, and the
 * answer key on a page of its own citing each answer's paragraph and evidence. With a seed it
 * prints per-student versions (questions and options in another order) with matching keys.
 * The browser's "Save as PDF" makes the PDF.
 */
import type { BankQuestion } from '../bank/check';
import { parseCloze, type Option } from '../bank/schema';
import type { Strings } from '../i18n';
import { byArticle, attributionLine, citation, htmlEscape, textStrings, xmlSafe } from './common';
import { ReportBuilder } from './report';
import { seededRandom, shuffled } from '../quiz/random';
import type { ExportArticle, ExportInput, ExportResult } from './types';

/** Most copies one page may print (a class or two). */
export const MAX_COPIES = 60;

const ARABIC_LETTERS = [
	'أ',
	'ب',
	'ج',
	'د',
	'هـ',
	'و',
	'ز',
	'ح',
	'ط',
	'ي',
	'ك',
	'ل',
	'م',
	'ن',
	'س',
	'ع',
	'ف',
	'ص',
	'ق',
	'ر'
];

/** The label of the i-th choice: the abjad letters in Arabic, A, B, C otherwise. */
function letter(a: ExportArticle, i: number): string {
	if (a.language.startsWith('ar') && i < ARABIC_LETTERS.length) return ARABIC_LETTERS[i];
	return i < 26 ? String.fromCharCode(65 + i) : String(i + 1);
}

/**
 * Text escaped for the page, without the C0 controls the XML exports drop too (in HTML each is a
 * parse error, shown as a box or as nothing).
 */
const h = (s: string) => htmlEscape(xmlSafe(s));

/** Numbers and Latin names keep their order inside right-to-left text. */
const bdi = (s: string | number) => `<bdi>${h(String(s))}</bdi>`;

const lines = (n: number) => `<div class="lines">${'<span class="line"></span>'.repeat(n)}</div>`;

/** One question as printed, and its key, for one version. */
interface Printed {
	body: string;
	key: string;
}

function printQuestion(
	q: BankQuestion,
	a: ExportArticle,
	t: Strings,
	random: () => number
): Printed {
	const cite = `<span class="cite">(${h(t.paragraph)} ${q.paragraph.map((p) => bdi(p.slice(1))).join('، ')})</span>`;
	const prompt = `<p class="prompt">${h(q.prompt)} ${cite}</p>`;
	const source = `<span class="evidence">${h(citation(q, t))}</span>`;
	const choices = (options: Option[], right: Option[], box: string) => {
		const order = shuffled(options, random);
		const body = `<ol class="choices">${order
			.map(
				(o, i) => `<li><span class="box">${box}</span> <b>${h(letter(a, i))}</b> ${h(o.text)}</li>`
			)
			.join('')}</ol>`;
		const key = order
			.flatMap((o, i) => (right.includes(o) ? [`<b>${h(letter(a, i))}</b> ${h(o.text)}`] : []))
			.join('، ');
		return { body, key };
	};
	switch (q.type) {
		case 'single': {
			const c = choices([q.answer, ...q.distractors], [q.answer], '○');
			return { body: prompt + c.body, key: `${c.key} ${source}` };
		}
		case 'multiple': {
			const c = choices([...q.answer, ...q.distractors], q.answer, '☐');
			return {
				body: prompt + `<p class="hint">${h(t.wsChooseAll)}</p>` + c.body,
				key: `${c.key} ${source}`
			};
		}
		case 'truefalse':
			return {
				body:
					prompt +
					`<p class="tf"><span class="box">○</span> ${h(t.answerTrue)} <span class="box">○</span> ${h(t.answerFalse)}</p>` +
					`<p class="hint">${h(t.wsCorrectIt)}</p>${lines(1)}`,
				key: `${h(q.answer ? t.answerTrue : t.answerFalse)}${q.correction ? ` — ${h(q.correction)}` : ''} ${source}`
			};
		case 'short':
			return {
				body: prompt + lines(2),
				key: `${h(q.answer)}${q.accept.length ? ` (${q.accept.map(h).join('، ')})` : ''} ${source}`
			};
		case 'numeric':
			return {
				body:
					prompt +
					`<p class="numeric"><span class="write"></span>${q.answer.unit ? ` ${h(q.answer.unit)}` : ''}</p>`,
				key: `${bdi(q.answer.value)}${q.answer.tolerance ? ` ± ${bdi(q.answer.tolerance)}` : ''}${
					q.answer.unit ? ` ${h(q.answer.unit)}` : ''
				} ${source}`
			};
		case 'cloze': {
			const { plain, blanks } = parseCloze(q.text);
			let s = '';
			let at = 0;
			blanks.forEach((b, i) => {
				s += h(plain.slice(at, b.start));
				s += `<span class="blank" style="min-inline-size: ${Math.max(4, b.answer.length)}ch">${bdi(`(${i + 1})`)}</span>`;
				at = b.end;
			});
			s += h(plain.slice(at));
			return {
				body: prompt + `<p class="cloze">${s}</p>`,
				key: `${blanks.map((b, i) => `${bdi(`(${i + 1})`)} ${h(b.answer)}`).join('، ')} ${source}`
			};
		}
		case 'matching': {
			const lefts = shuffled(q.pairs, random);
			const rights = shuffled([...q.pairs.map((p) => p.right), ...q.distractors], random);
			const body =
				prompt +
				`<p class="hint">${h(t.wsMatch)}</p><div class="match"><ol class="left">${lefts
					.map((p) => `<li>${h(p.left.text)} <span class="write small"></span></li>`)
					.join('')}</ol><ol class="right">${rights
					.map((o, i) => `<li><b>${h(letter(a, i))}</b> ${h(o.text)}</li>`)
					.join('')}</ol></div>`;
			const key = lefts
				.map((p, i) => `${bdi(i + 1)} → <b>${h(letter(a, rights.indexOf(p.right)))}</b>`)
				.join('، ');
			return { body, key: `${key} ${source}` };
		}
		case 'ordering': {
			const order = shuffled(q.items, random);
			return {
				body:
					prompt +
					`<p class="hint">${h(t.wsOrder)}</p><ol class="order">${order
						.map((o) => `<li><span class="write small"></span> ${h(o.text)}</li>`)
						.join('')}</ol>`,
				key: `${order.map((o) => `${bdi(q.items.indexOf(o) + 1)} ${h(o.text)}`).join('، ')} ${source}`
			};
		}
		case 'evidence':
			return {
				body: prompt + `<p class="hint">${h(t.wsEvidence)}</p>${lines(2)}`,
				key: source
			};
	}
}

const STYLE = `
:root { --ink: #111; --soft: #555; --line: #999; }
* { box-sizing: border-box; }
html { color: var(--ink); background: #fff; font-family: system-ui, 'Noto Sans', 'DejaVu Sans', sans-serif; line-height: 1.6; }
:lang(ar) { font-family: 'Noto Naskh Arabic', 'Amiri', 'Scheherazade New', 'Geeza Pro', 'Traditional Arabic', 'Noto Sans Arabic', Tahoma, 'DejaVu Sans', sans-serif; line-height: 1.9; }
body { margin: 0 auto; max-inline-size: 48rem; padding: 1.5rem; }
bdi { unicode-bidi: isolate; }
h1 { font-size: 1.4rem; margin-block: 0 0.5rem; }
h2 { font-size: 1.15rem; margin-block: 1.5rem 0.5rem; }
.student { display: flex; gap: 2rem; border-block-end: 1px solid var(--line); padding-block-end: 0.5rem; }
.student span { flex: 1; }
.paragraphs { list-style: none; padding: 0; }
.paragraphs li { display: grid; grid-template-columns: 2rem 1fr; align-items: baseline; }
.paragraphs .n { color: var(--soft); font-size: 0.85rem; text-align: center; }
.paragraphs p { margin-block: 0 0.6rem; }
.attribution { color: var(--soft); font-size: 0.8rem; border-block-start: 1px solid var(--line); padding-block-start: 0.4rem; }
.questions { padding-inline-start: 1.5rem; }
.questions > li { margin-block-end: 1.2rem; break-inside: avoid; }
.prompt { margin-block: 0 0.3rem; font-weight: 600; }
.cite, .hint { color: var(--soft); font-weight: normal; font-size: 0.9rem; }
.hint { margin-block: 0 0.3rem; }
.choices, .order, .right { list-style: none; padding-inline-start: 0.5rem; margin: 0; }
.box { display: inline-block; inline-size: 1.2em; text-align: center; }
.lines .line { display: block; block-size: 2rem; border-block-end: 1px solid var(--line); }
.write { display: inline-block; inline-size: 8rem; block-size: 1.6rem; border: 1px solid var(--line); vertical-align: middle; }
.write.small { inline-size: 2.5rem; }
.blank { display: inline-block; border-block-end: 1px solid var(--ink); text-align: center; color: var(--soft); font-size: 0.8rem; padding-inline: 0.5rem; }
.match { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.key ol { padding-inline-start: 1.5rem; }
.key li { margin-block-end: 0.4rem; }
.evidence { color: var(--soft); font-size: 0.9rem; }
.screen { background: #f2efe8; padding: 0.5rem 1rem; border-radius: 0.4rem; }
.version { color: var(--soft); }
@page { size: A4; margin: 15mm; }
@media print {
  body { padding: 0; max-inline-size: none; font-size: 11pt; }
  .screen { display: none; }
  .copy + .copy, .key { break-before: page; }
}
`;

/**
 * Exports questions as a printable worksheet (with `seed` and `copies`: one version a student).
 * @param input questions, articles, and options `seed` and `copies`
 */
export function toWorksheet(input: ExportInput): ExportResult {
	const report = new ReportBuilder('html');
	for (const q of input.questions) report.ok(q);
	const groups = byArticle(input);
	const articles = groups.map(([a]) => a);
	const first = articles[0];
	const lang = first?.language ?? 'ar';
	const dir = first?.direction ?? 'rtl';
	const t = textStrings({ language: lang });
	const seed = input.options?.seed;
	const seeded = seed !== undefined;
	const copies = seeded ? Math.min(Math.max(1, input.options?.copies ?? 1), MAX_COPIES) : 1;
	const title = articles.map((a) => a.title).join(' · ') || t.questionsHeading;

	const sheets: string[] = [];
	const keys: string[] = [];
	for (let copy = 1; copy <= copies; copy++) {
		// Without a seed: one version, questions in bank order, options still shuffled (the right
		// answer must not always come first), the same on every export.
		const random = seededRandom(seeded ? `${seed}-${copy}` : 'dalil-worksheet');
		const version = seeded ? `${seed}-${copy}` : '';
		let n = 0;
		const sheet: string[] = [];
		const key: string[] = [];
		for (const [a, questions] of groups) {
			const at = textStrings(a);
			const order = seeded ? shuffled(questions, random) : questions;
			const printed = order.map((q) => ({ q, p: printQuestion(q, a, at, random), n: ++n }));
			sheet.push(
				`<section class="article" lang="${h(a.language)}" dir="${a.direction}">` +
					`<h1>${h(a.title)}</h1>` +
					`<ol class="paragraphs">${a.paragraphs
						.map(
							(p) =>
								`<li id="c${copy}-${p.id}"><span class="n">${bdi(p.n)}</span><p>${h(p.text)}</p></li>`
						)
						.join('')}</ol>` +
					`<p class="attribution">${h(attributionLine(a))}</p>` +
					`<h2>${h(at.questionsHeading)}</h2>` +
					`<ol class="questions" start="${printed[0]?.n ?? 1}">${printed
						.map(({ q, p }) => `<li data-id="${h(q.id)}" data-type="${q.type}">${p.body}</li>`)
						.join('')}</ol></section>`
			);
			key.push(
				`<ol start="${printed[0]?.n ?? 1}" lang="${h(a.language)}" dir="${a.direction}">${printed
					.map(({ q, p }) => `<li data-id="${h(q.id)}">${p.key}</li>`)
					.join('')}</ol>`
			);
		}
		const versionLine = version ? `<span>${h(t.wsVersion)}: ${bdi(version)}</span>` : '';
		sheets.push(
			`<section class="copy" data-version="${h(version)}">` +
				`<p class="student"><span>${h(t.wsName)}: </span>${versionLine}</p>${sheet.join('')}</section>`
		);
		keys.push(
			`<section class="key" data-version="${h(version)}"><h1>${h(t.answerKey)}${
				version ? ` — ${h(t.wsVersion)} ${bdi(version)}` : ''
			}</h1>${key.join('')}</section>`
		);
	}
	if (seeded) report.note('worksheetVersions', { n: copies });
	report.note('worksheetAttribution');
	const html = [
		'<!doctype html>',
		`<html lang="${h(lang)}" dir="${dir}">`,
		'<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${h(title)}</title><style>${STYLE}</style></head>`,
		'<body>',
		`<p class="screen">${h(t.wsPrint)}: Ctrl+P / ⌘P → PDF</p>`,
		...sheets,
		...keys,
		'</body></html>',
		''
	].join('\n');
	return { text: html, report: report.report };
}
