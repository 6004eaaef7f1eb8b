/**
 * IMS QTI 2.1 content package: imsmanifest.xml, one assessmentItem file per question and an
 * assessmentTest, valid against the official QTI 2.1 and IMS CP 1.1 schemas. Facts followed
 * (../shared/schemas/README.md): QTI 2.1 has no `dir` (text direction follows `xml:lang`);
 * identifiers are ASCII NCNames; every response declaration has cardinality and baseType;
 * Canvas takes a package as QTI 2 when the manifest declares the imsqti_v2p1 namespace and
 * builds quizzes from `imsqti_test_xmlv2p1` resources.
 */
import type { BankQuestion } from '../bank/check';
import { parseCloze, type Option } from '../bank/schema';
import { byArticle, asciiNumber, attributionLine, textStrings, xmlEscape, xmlSafe } from './common';
import { ReportBuilder } from './report';
import type { ExportArticle, ExportFile, ExportInput, ExportResult } from './types';

const QTI_NS = 'http://www.imsglobal.org/xsd/imsqti_v2p1';
const QTI_XSD = 'http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd';
const CP_NS = 'http://www.imsglobal.org/xsd/imscp_v1p1';
const CP_XSD = 'http://www.imsglobal.org/xsd/imscp_v1p1.xsd';
const TEMPLATE = 'http://www.imsglobal.org/question/qti_v2p1/rptemplates/';

/** Escaped, control characters dropped: text content and attribute values. */
const x = (s: string) => xmlEscape(xmlSafe(s));

/**
 * The item identifier of a question: bank ids may start with a digit, which an NCName may not,
 * so every item id gets the `Q-` prefix (still ASCII, still unique).
 * @param id a question id
 */
export function itemIdentifier(id: string): string {
	return `Q-${id}`;
}

/** The path of a question's item file inside the package. */
export function itemHref(id: string): string {
	return `items/${itemIdentifier(id)}.xml`;
}

/** Choice identifiers: A, B, … Z, then C27, C28, … (ASCII NCNames). */
function choiceId(i: number): string {
	return i < 26 ? String.fromCharCode(65 + i) : `C${i + 1}`;
}

/** The cited paragraphs, numbered, then the attribution: each item carries its passage. */
function passage(q: BankQuestion, a: ExportArticle): string {
	const ps = a.paragraphs.filter((p) => q.paragraph.includes(p.id));
	return (
		`<div class="dalil-passage">` +
		ps
			.map(
				(p) =>
					`<p class="dalil-paragraph"><span class="dalil-number">${p.n}</span> ${x(p.text)}</p>`
			)
			.join('') +
		`<p class="dalil-attribution">${x(attributionLine(a))}</p>` +
		`</div>`
	);
}

interface ItemParts {
	declarations: string[];
	body: string;
	processing: string;
}

const scoreDeclaration =
	'<outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"><defaultValue><value>0</value></defaultValue></outcomeDeclaration>';

const template = (name: string) => `<responseProcessing template="${TEMPLATE}${name}"/>`;

function simpleChoices(options: Option[]): string {
	return options
		.map((o, i) => `<simpleChoice identifier="${choiceId(i)}">${x(o.text)}</simpleChoice>`)
		.join('');
}

/** A response with its correct values and, when given, a mapping for partial credit. */
function response(
	id: string,
	cardinality: 'single' | 'multiple' | 'ordered',
	baseType: string,
	correct: string[],
	mapping?: { entries: [string, number][]; caseSensitive?: boolean; lower?: number; upper?: number }
): string {
	const values = correct.map((v) => `<value>${x(v)}</value>`).join('');
	let map = '';
	if (mapping) {
		const bounds =
			(mapping.lower !== undefined ? ` lowerBound="${mapping.lower}"` : '') +
			(mapping.upper !== undefined ? ` upperBound="${mapping.upper}"` : '');
		map =
			`<mapping${bounds} defaultValue="0">` +
			mapping.entries
				.map(
					([k, v]) =>
						`<mapEntry mapKey="${x(k)}" mappedValue="${asciiNumber(v)}"${
							mapping.caseSensitive === undefined ? '' : ` caseSensitive="${mapping.caseSensitive}"`
						}/>`
				)
				.join('') +
			`</mapping>`;
	}
	return (
		`<responseDeclaration identifier="${id}" cardinality="${cardinality}" baseType="${baseType}">` +
		`<correctResponse>${values}</correctResponse>${map}</responseDeclaration>`
	);
}

function parts(q: BankQuestion, a: ExportArticle, report: ReportBuilder): ItemParts {
	const t = textStrings(a);
	const prompt = `<prompt>${x(q.prompt)}</prompt>`;
	switch (q.type) {
		case 'single': {
			report.ok(q);
			const options = [q.answer, ...q.distractors];
			return {
				declarations: [response('RESPONSE', 'single', 'identifier', [choiceId(0)])],
				body: `<choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="1">${prompt}${simpleChoices(options)}</choiceInteraction>`,
				processing: template('match_correct')
			};
		}
		case 'multiple': {
			report.ok(q);
			const options = [...q.answer, ...q.distractors];
			const right = options.slice(0, q.answer.length).map((_, i) => choiceId(i));
			const share = 1 / q.answer.length;
			return {
				declarations: [
					response(
						'RESPONSE',
						'multiple',
						'identifier',
						right,
						q.scoring === 'partial'
							? {
									entries: options.map((_, i) => [
										choiceId(i),
										i < q.answer.length ? share : -share
									]),
									lower: 0,
									upper: 1
								}
							: undefined
					)
				],
				body: `<choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="0">${prompt}${simpleChoices(options)}</choiceInteraction>`,
				processing: template(q.scoring === 'partial' ? 'map_response' : 'match_correct')
			};
		}
		case 'truefalse':
			report.ok(q);
			return {
				declarations: [response('RESPONSE', 'single', 'identifier', [q.answer ? 'TRUE' : 'FALSE'])],
				body:
					`<choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">${prompt}` +
					`<simpleChoice identifier="TRUE">${x(t.answerTrue)}</simpleChoice>` +
					`<simpleChoice identifier="FALSE">${x(t.answerFalse)}</simpleChoice></choiceInteraction>`,
				processing: template('match_correct')
			};
		case 'short': {
			report.ok(q);
			const forms = [...new Set([q.answer, ...q.accept])];
			return {
				declarations: [
					response('RESPONSE', 'single', 'string', [q.answer], {
						entries: forms.map((f) => [f, 1]),
						caseSensitive: false
					})
				],
				body: `<p>${x(q.prompt)}</p><p><textEntryInteraction responseIdentifier="RESPONSE" expectedLength="${Math.max(12, q.answer.length + 4)}"/></p>`,
				processing: template('map_response')
			};
		}
		case 'numeric': {
			report.ok(q);
			const { value, tolerance, unit } = q.answer;
			const compare =
				tolerance > 0
					? `<equal toleranceMode="absolute" tolerance="${asciiNumber(tolerance)} ${asciiNumber(tolerance)}">`
					: '<equal toleranceMode="exact">';
			const set = (v: number) =>
				`<setOutcomeValue identifier="SCORE"><baseValue baseType="float">${v}</baseValue></setOutcomeValue>`;
			return {
				declarations: [response('RESPONSE', 'single', 'float', [asciiNumber(value)])],
				body:
					`<p>${x(q.prompt)}</p><p><textEntryInteraction responseIdentifier="RESPONSE" expectedLength="8"/>` +
					`${unit ? ` ${x(unit)}` : ''}</p>`,
				// The tolerance needs `equal`, which no standard template uses.
				processing:
					`<responseProcessing><responseCondition><responseIf>` +
					`${compare}<variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></equal>${set(1)}` +
					`</responseIf><responseElse>${set(0)}</responseElse></responseCondition></responseProcessing>`
			};
		}
		case 'cloze': {
			report.ok(q);
			const { plain, blanks } = parseCloze(q.text);
			let body = '';
			let at = 0;
			const declarations: string[] = [];
			blanks.forEach((b, i) => {
				const id = `RESPONSE_${i + 1}`;
				body += x(plain.slice(at, b.start));
				body += `<textEntryInteraction responseIdentifier="${id}" expectedLength="${Math.max(8, b.answer.length + 2)}"/>`;
				at = b.end;
				const forms = [...new Set([b.answer, ...b.accept])];
				declarations.push(
					response(id, 'single', 'string', [b.answer], {
						entries: forms.map((f) => [f, 1 / blanks.length]),
						caseSensitive: false
					})
				);
			});
			body += x(plain.slice(at));
			return {
				declarations,
				body: `<p>${x(q.prompt)}</p><p>${body}</p>`,
				// Several blanks: the score is the sum of each blank's mapping.
				processing:
					`<responseProcessing><setOutcomeValue identifier="SCORE"><sum>` +
					blanks.map((_, i) => `<mapResponse identifier="RESPONSE_${i + 1}"/>`).join('') +
					`</sum></setOutcomeValue></responseProcessing>`
			};
		}
		case 'matching': {
			report.ok(q);
			const rights = [...q.pairs.map((p) => p.right), ...q.distractors];
			const pairs = q.pairs.map((_, i) => `L${i + 1} R${i + 1}`);
			return {
				declarations: [
					response(
						'RESPONSE',
						'multiple',
						'directedPair',
						pairs,
						q.scoring === 'partial'
							? { entries: pairs.map((p) => [p, 1 / pairs.length]), lower: 0, upper: 1 }
							: undefined
					)
				],
				body:
					`<matchInteraction responseIdentifier="RESPONSE" shuffle="true" maxAssociations="${q.pairs.length}">${prompt}` +
					`<simpleMatchSet>${q.pairs
						.map(
							(p, i) =>
								`<simpleAssociableChoice identifier="L${i + 1}" matchMax="1">${x(p.left.text)}</simpleAssociableChoice>`
						)
						.join('')}</simpleMatchSet>` +
					`<simpleMatchSet>${rights
						.map(
							(o, i) =>
								`<simpleAssociableChoice identifier="R${i + 1}" matchMax="1">${x(o.text)}</simpleAssociableChoice>`
						)
						.join('')}</simpleMatchSet></matchInteraction>`,
				processing: template(q.scoring === 'partial' ? 'map_response' : 'match_correct')
			};
		}
		case 'ordering':
			report.ok(q);
			return {
				declarations: [
					response(
						'RESPONSE',
						'ordered',
						'identifier',
						q.items.map((_, i) => choiceId(i))
					)
				],
				body: `<orderInteraction responseIdentifier="RESPONSE" shuffle="true">${prompt}${simpleChoices(q.items)}</orderInteraction>`,
				processing: template('match_correct')
			};
		case 'evidence':
			report.converted(q, 'extendedText', 'qtiNoEvidence');
			return {
				declarations: [response('RESPONSE', 'single', 'string', [q.evidence[0]])],
				body: `<extendedTextInteraction responseIdentifier="RESPONSE" expectedLines="3">${prompt}</extendedTextInteraction>`,
				processing: ''
			};
	}
}

/**
 * One question as a QTI 2.1 assessmentItem.
 * @param q the question
 * @param a its article
 * @param report the export's report
 */
export function qtiItem(q: BankQuestion, a: ExportArticle, report: ReportBuilder): string {
	const p = parts(q, a, report);
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<assessmentItem xmlns="${QTI_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
			` xsi:schemaLocation="${QTI_NS} ${QTI_XSD}"` +
			` identifier="${itemIdentifier(q.id)}" title="${x(q.prompt)}" label="${x(q.id)}"` +
			` xml:lang="${x(a.language)}" adaptive="false" timeDependent="false"` +
			` toolName="Dalil" toolVersion="1">`,
		...p.declarations,
		scoreDeclaration,
		`<itemBody>${passage(q, a)}${p.body}</itemBody>`,
		p.processing,
		'</assessmentItem>',
		''
	]
		.filter((l) => l !== '')
		.join('\n');
}

/**
 * Exports questions to a QTI 2.1 content package (the files; `toBytes` zips them).
 * @param input questions and their articles
 */
export function toQti(input: ExportInput): ExportResult {
	const report = new ReportBuilder('qti');
	const files: ExportFile[] = [];
	const sections: string[] = [];
	const items: string[] = [];
	const groups = byArticle(input);
	for (const [a, questions] of groups) {
		const refs: string[] = [];
		for (const q of questions) {
			files.push({ name: itemHref(q.id), text: qtiItem(q, a, report) });
			items.push(q.id);
			refs.push(
				`<assessmentItemRef identifier="${itemIdentifier(q.id)}" href="../${itemHref(q.id)}"/>`
			);
		}
		// The whole article, numbered, with its attribution, shown to the candidate.
		const rubric =
			`<rubricBlock view="candidate"><div xml:lang="${x(a.language)}">` +
			`<p><strong>${x(a.title)}</strong></p>` +
			a.paragraphs
				.map((p) => `<p><span class="dalil-number">${p.n}</span> ${x(p.text)}</p>`)
				.join('') +
			`<p class="dalil-attribution">${x(attributionLine(a))}</p></div></rubricBlock>`;
		sections.push(
			`<assessmentSection identifier="S-${a.slug}" title="${x(a.title)}" visible="true">${rubric}${refs.join('')}</assessmentSection>`
		);
	}
	const title = groups.map(([a]) => a.title).join(' · ') || 'Dalil';
	const test = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<assessmentTest xmlns="${QTI_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
			` xsi:schemaLocation="${QTI_NS} ${QTI_XSD}" identifier="T-dalil" title="${x(title)}" toolName="Dalil" toolVersion="1">`,
		`<testPart identifier="P-1" navigationMode="nonlinear" submissionMode="simultaneous">`,
		...sections,
		'</testPart>',
		'</assessmentTest>',
		''
	].join('\n');
	const testHref = 'tests/assessmentTest.xml';
	files.unshift({ name: testHref, text: test });
	const resources = [
		`<resource identifier="R-T-dalil" type="imsqti_test_xmlv2p1" href="${testHref}">` +
			`<file href="${testHref}"/>` +
			items.map((id) => `<dependency identifierref="R-${itemIdentifier(id)}"/>`).join('') +
			`</resource>`,
		...items.map(
			(id) =>
				`<resource identifier="R-${itemIdentifier(id)}" type="imsqti_item_xmlv2p1" href="${itemHref(id)}">` +
				`<file href="${itemHref(id)}"/></resource>`
		)
	];
	const manifest = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<manifest xmlns="${CP_NS}" xmlns:imsqti="${QTI_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
			` xsi:schemaLocation="${CP_NS} ${CP_XSD}" identifier="M-dalil">`,
		'<metadata><schema>QTIv2.1 Package</schema><schemaversion>1.0.0</schemaversion></metadata>',
		'<organizations/>',
		`<resources>${resources.join('\n')}</resources>`,
		'</manifest>',
		''
	].join('\n');
	files.unshift({ name: 'imsmanifest.xml', text: manifest });
	report.note('qtiAttribution');
	return { files, report: report.report };
}
