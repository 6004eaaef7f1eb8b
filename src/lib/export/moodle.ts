/**
 * Moodle XML (question/format/xml). Rules followed: `<name><text>` on every question; text as
 * HTML in CDATA with `dir`/`lang` on the paragraph (Moodle shows RTL right only that way); true
 * and false answers are literally `true` and `false`; fractions on Moodle's grade list; the
 * category question sets where the rest land; cloze is Moodle's multianswer (`type="cloze"`).
 */
import type { BankQuestion } from '../bank/check';
import { parseCloze, type Option } from '../bank/schema';
import {
	byArticle,
	asciiNumber,
	attributionLine,
	cdata,
	feedbackText,
	htmlEscape,
	htmlPara,
	multipleAnswerWeight,
	textStrings,
	TextJoin,
	textResult,
	xmlEscape,
	xmlSafe
} from './common';
import type { Strings } from '../i18n';
import { shortForms } from './gift';
import { ReportBuilder } from './report';
import type { ExportArticle, ExportInput, ExportResult } from './types';

/** `<tag format="html"><text>…</text></tag>` with the HTML in CDATA. */
function htmlText(tag: string, html: string): string {
	return `<${tag} format="html"><text>${cdata(html)}</text></${tag}>`;
}

/** Plain text in `<text>`, escaped. */
function plainText(s: string): string {
	return `<text>${xmlEscape(xmlSafe(s))}</text>`;
}

/** An XML comment cannot hold `--` (XML 1.0 §2.5). */
function comment(s: string): string {
	return `<!-- ${xmlSafe(s)
		.replace(/-(?=-)/g, '- ')
		.replace(/-$/, '- ')} -->`;
}

/**
 * A short answer inside a cloze blank: `}`, `#`, `~`, `/`, `"` and `\` would end or split the
 * blank, so Moodle's multianswer parser takes them escaped with `\`.
 */
function clozeAnswer(s: string): string {
	return s.replace(/[}#~/"\\]/g, (c) => `\\${c}`);
}

/** A choice's `<answer>` with its fraction and feedback. */
function answer(fraction: string, o: Option): string {
	return (
		`<answer fraction="${fraction}" format="html">${`<text>${cdata(htmlEscape(o.text))}</text>`}` +
		htmlText('feedback', o.feedback ? htmlEscape(o.feedback) : '') +
		`</answer>`
	);
}

/**
 * Exports questions to Moodle XML.
 * @param input questions and their articles
 */
export function toMoodleXml(input: ExportInput): ExportResult {
	const report = new ReportBuilder('moodle');
	// Joined a chunk at a time, as GIFT and CSV are (see TextJoin).
	const out = new TextJoin('\n');
	out.add('<?xml version="1.0" encoding="UTF-8"?>');
	const groups = byArticle(input);
	const articles = groups.map(([a]) => a);
	for (const a of articles) out.add(comment(`Dalil — ${attributionLine(a)}`));
	out.add('<quiz>');
	for (const [a, questions] of groups) {
		const attribution = `<p><small>${htmlEscape(attributionLine(a))}</small></p>`;
		out.add(
			`<question type="category"><category>${plainText(`$course$/top/Dalil/${a.slug}`)}</category>` +
				`${htmlText('info', attribution)}</question>`,
			// The article, numbered, as a description a quiz can show above its questions.
			`<question type="description"><name>${plainText(a.title)}</name>` +
				htmlText(
					'questiontext',
					a.paragraphs
						.map(
							(p) =>
								`<p dir="${a.direction}" lang="${a.language}"><b>${p.n}</b> ${htmlEscape(p.text)}</p>`
						)
						.join('') + attribution
				) +
				`<defaultgrade>0</defaultgrade><idnumber>${a.slug}-text</idnumber></question>`
		);
		const t = textStrings(a);
		for (const q of questions) {
			const xml = question(q, a, t, report);
			if (xml) out.add(xml);
		}
	}
	out.add('</quiz>', '');
	if (articles.length) report.note('moodleAttribution');
	return textResult(out, report.report);
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
	const wrap = (type: string, body: string[], prompt = htmlPara(a, q.prompt)) =>
		[
			`<question type="${type}">`,
			`<name>${plainText(q.id)}</name>`,
			htmlText('questiontext', prompt),
			htmlText('generalfeedback', htmlPara(a, feedbackText(q, t))),
			'<defaultgrade>1</defaultgrade>',
			'<penalty>0.3333333</penalty>',
			'<hidden>0</hidden>',
			`<idnumber>${xmlEscape(q.id)}</idnumber>`,
			...body,
			`<tags>${tags.map((x) => `<tag>${plainText(x)}</tag>`).join('')}</tags>`,
			'</question>'
		].join('\n');

	switch (q.type) {
		case 'single':
			report.ok(q);
			return wrap('multichoice', [
				'<single>true</single><shuffleanswers>true</shuffleanswers><answernumbering>abc</answernumbering>',
				answer('100', q.answer),
				...q.distractors.map((o) => answer('0', o))
			]);
		case 'multiple': {
			const right = multipleAnswerWeight(q, report, 'Moodle');
			if (!right) return undefined;
			return wrap('multichoice', [
				'<single>false</single><shuffleanswers>true</shuffleanswers><answernumbering>abc</answernumbering>',
				...q.answer.map((o) => answer(right, o)),
				...q.distractors.map((o) => answer(`-${right}`, o))
			]);
		}
		case 'truefalse': {
			report.ok(q);
			const fb = q.correction ? htmlPara(a, q.correction) : '';
			// Moodle reads the two answers by their text, which must be `true` and `false`.
			return wrap('truefalse', [
				`<answer fraction="${q.answer ? 100 : 0}" format="moodle_auto_format"><text>true</text>${htmlText('feedback', fb)}</answer>`,
				`<answer fraction="${q.answer ? 0 : 100}" format="moodle_auto_format"><text>false</text>${htmlText('feedback', fb)}</answer>`
			]);
		}
		case 'short':
			report.ok(q);
			return wrap('shortanswer', [
				'<usecase>0</usecase>',
				...shortForms(q.answer, q.accept).map(
					(f) =>
						`<answer fraction="100" format="moodle_auto_format">${plainText(f)}${htmlText('feedback', '')}</answer>`
				)
			]);
		case 'numeric': {
			report.ok(q);
			const { value, tolerance, unit, unitOptional } = q.answer;
			return wrap('numerical', [
				`<answer fraction="100" format="moodle_auto_format"><text>${asciiNumber(value)}</text><tolerance>${asciiNumber(tolerance)}</tolerance>${htmlText('feedback', '')}</answer>`,
				...(unit
					? [
							`<units><unit><multiplier>1</multiplier><unit_name>${xmlEscape(unit)}</unit_name></unit></units>`,
							// 0: the unit is optional; 1: a missing unit costs the whole mark.
							`<unitgradingtype>${unitOptional ? 0 : 1}</unitgradingtype>`,
							`<unitpenalty>${unitOptional ? '0.1000000' : '1.0000000'}</unitpenalty>`,
							'<showunits>0</showunits><unitsleft>0</unitsleft>'
						]
					: [])
			]);
		}
		case 'cloze': {
			report.ok(q);
			const { plain, blanks } = parseCloze(q.text);
			let html = '';
			let at = 0;
			for (const b of blanks) {
				html += htmlEscape(plain.slice(at, b.start));
				const forms = shortForms(b.answer, b.accept).map((f) => `=${clozeAnswer(f)}`);
				html += `{1:SHORTANSWER:${forms.join('~')}}`;
				at = b.end;
			}
			html += htmlEscape(plain.slice(at));
			const prompt =
				htmlPara(a, q.prompt) + `<p dir="${a.direction}" lang="${a.language}">${html}</p>`;
			return wrap('cloze', [], prompt);
		}
		case 'matching': {
			if (q.pairs.length + q.distractors.length < 3) {
				report.omitted(q, 'moodleMatchingThree');
				return undefined;
			}
			if (q.scoring === 'all-or-nothing') {
				report.converted(q, 'matchingPartial', 'moodleMatchingPerPair');
			} else report.ok(q);
			return wrap('matching', [
				'<shuffleanswers>true</shuffleanswers>',
				...q.pairs.map(
					(p) =>
						`<subquestion format="html"><text>${cdata(htmlEscape(p.left.text))}</text><answer>${plainText(p.right.text)}</answer></subquestion>`
				),
				// A right-hand option that matches nothing: a subquestion with no text.
				...q.distractors.map(
					(o) =>
						`<subquestion format="html"><text></text><answer>${plainText(o.text)}</answer></subquestion>`
				)
			]);
		}
		case 'ordering':
			report.converted(q, 'matching', 'moodleNoOrdering');
			return wrap('matching', [
				'<shuffleanswers>true</shuffleanswers>',
				...q.items.map(
					(o, i) =>
						`<subquestion format="html"><text>${cdata(htmlEscape(o.text))}</text><answer><text>${i + 1}</text></answer></subquestion>`
				)
			]);
		case 'evidence':
			report.converted(q, 'essay', 'moodleNoEvidence');
			return wrap('essay', [
				'<responseformat>editor</responseformat><responserequired>1</responserequired><responsefieldlines>3</responsefieldlines>',
				'<attachments>0</attachments><attachmentsrequired>0</attachmentsrequired>',
				htmlText('graderinfo', htmlPara(a, feedbackText(q, t))),
				htmlText('responsetemplate', '')
			]);
	}
}
