import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseCloze } from '../bank/schema';
import { MOODLE_GRADES } from './common';
import { bankInput } from '../server/export.fixtures';
import { fixtureInput, plain } from './fixtures';
import { toMoodleXml } from './moodle';
import type { ExportInput } from './types';

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	parseTagValue: false,
	trimValues: false,
	isArray: (name) => ['question', 'answer', 'subquestion', 'tag'].includes(name)
});

type Node = Record<string, unknown> & { '@type'?: string };
const txt = (n: unknown): string => {
	const t = (n as { text?: unknown })?.text;
	return t === undefined || t === '' ? '' : String(t);
};

function readBack(input: ExportInput) {
	const { text, report } = toMoodleXml(input);
	expect(XMLValidator.validate(text!)).toBe(true);
	const doc = parser.parse(text!) as { quiz: { question: Node[] } };
	const all = doc.quiz.question;
	const questions = all.filter((q) => q['@type'] !== 'category' && q['@type'] !== 'description');
	expect(report.exported.length + report.omitted.length).toBe(input.questions.length);
	expect(questions.map((q) => txt(q.name))).toEqual(report.exported);
	const byId = new Map(input.questions.map((q) => [q.id, q]));
	for (const x of questions) {
		const q = byId.get(String(x.idnumber))!;
		expect(txt(x.name)).toBe(q.id);
		expect(plain(txt(x.questiontext)).startsWith(q.prompt)).toBe(true);
		expect(txt(x.questiontext)).toContain(`dir="${input.articles.get(q.article)!.direction}"`);
		expect(plain(txt(x.generalfeedback))).toContain(q.evidence[0]);
		const answers = (x.answer as Node[] | undefined) ?? [];
		const fraction = (n: Node) => Number(n['@fraction']);
		for (const n of answers) expect(MOODLE_GRADES).toContain(Math.abs(fraction(n)));
		switch (q.type) {
			case 'single':
				expect(x['@type']).toBe('multichoice');
				expect(x.single).toBe('true');
				expect(answers.filter((n) => fraction(n) === 100).map((n) => plain(txt(n)))).toEqual([
					q.answer.text
				]);
				expect(answers.filter((n) => fraction(n) === 0).map((n) => plain(txt(n)))).toEqual(
					q.distractors.map((o) => o.text)
				);
				break;
			case 'multiple':
				expect(x.single).toBe('false');
				expect(answers.filter((n) => fraction(n) > 0).map((n) => plain(txt(n)))).toEqual(
					q.answer.map((o) => o.text)
				);
				break;
			case 'truefalse':
				expect(answers.map(txt)).toEqual(['true', 'false']);
				expect(
					answers.find((n) => fraction(n) === 100) && txt(answers.find((n) => fraction(n) === 100))
				).toBe(String(q.answer));
				break;
			case 'short':
				expect(answers.map(txt)).toEqual(expect.arrayContaining([q.answer, ...q.accept]));
				break;
			case 'numeric':
				expect(Number(txt(answers[0]))).toBe(q.answer.value);
				expect(Number((answers[0] as Node).tolerance)).toBe(q.answer.tolerance);
				break;
			case 'cloze': {
				expect(x['@type']).toBe('cloze');
				const blanks = parseCloze(q.text).blanks;
				const embedded = [...txt(x.questiontext).matchAll(/\{1:SHORTANSWER:([^}]*)\}/g)];
				expect(embedded).toHaveLength(blanks.length);
				blanks.forEach((b, i) => expect(embedded[i][1]).toContain(`=${b.answer}`));
				break;
			}
			case 'matching': {
				const subs = x.subquestion as Node[];
				expect(
					subs
						.filter((s) => txt(s) !== '')
						.map((s) => [plain(txt(s)), txt((s.answer as Node[])[0])])
				).toEqual(q.pairs.map((p) => [p.left.text, p.right.text]));
				break;
			}
			case 'ordering': {
				const subs = x.subquestion as Node[];
				expect(subs.map((s) => plain(txt(s)))).toEqual(q.items.map((o) => o.text));
				break;
			}
			case 'evidence':
				expect(x['@type']).toBe('essay');
				break;
		}
	}
	return { text: text!, report, all };
}

// whole-bank reads and property runs take seconds, more on a loaded machine: no 5 s default
describe('Moodle XML export', { timeout: 60_000 }, () => {
	it('is well-formed and reads back to the fixture, every type', () => {
		const input = fixtureInput();
		const { text, report, all } = readBack(input);
		expect(report.omitted).toEqual([]);
		expect(report.converted.map((c) => c.id).sort()).toEqual([
			'evidence-where',
			'multiple-who',
			'ordering-steps'
		]);
		expect(all[0]['@type']).toBe('category');
		expect(plain(txt(all[1].questiontext))).toContain(input.article.attribution);
		// CDATA split where the text holds ]]>, and the distractor comes back whole.
		const single = all.find((q) => txt(q.name) === 'single-where')!;
		expect((single.answer as Node[]).map((n) => plain(txt(n)))).toContain(']]> <b>&amp;');
		expect(text).toContain('<text>true</text>');
	});

	it('reads back to the whole bank', () => {
		readBack(bankInput());
	});
});
