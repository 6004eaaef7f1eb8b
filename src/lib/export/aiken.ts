/**
 * Aiken (Moodle question/format/aiken): a one-line question, choices `A) …` one a line, then
 * `ANSWER: X`. It holds single-choice questions only, with no passage, feedback or comments.
 */
import { articleOf, attributionLine, textStrings } from './common';
import { ReportBuilder } from './report';
import { hashText } from '../quiz/random';
import type { ExportInput, ExportResult } from './types';

/** Aiken is line-based: a line break inside a text would start a new choice or question. */
function oneLine(s: string): string {
	return s.replace(/\s+/g, ' ').trim();
}

/** A line Moodle would read as a choice or as the answer line, not as question text. */
const SPECIAL_LINE = /^([A-Z][).][ \t]|ANSWER:)/;

/**
 * Where a question's key stands among its choices: varied across questions (not always A) but
 * fixed for one question, from a hash of its id.
 * @param id the question's id
 * @param choices how many choices it has
 */
export function keyPosition(id: string, choices: number): number {
	return hashText(`aiken-${id}`) % choices;
}

/**
 * Exports the single-choice questions (and true/false as a two-choice question) to Aiken.
 * @param input questions and their articles
 */
export function toAiken(input: ExportInput): ExportResult {
	const report = new ReportBuilder('aiken');
	const blocks: string[] = [];
	const articles = new Set<string>();
	for (const q of input.questions) {
		const a = articleOf(input, q);
		const t = textStrings(a);
		let options: string[];
		let right: number;
		if (q.type === 'single') {
			// The key's place comes from the id, so a re-export puts it in the same place, and the
			// distractors keep their order around it (Moodle shows choices in the file's order).
			const distractors = q.distractors.map((o) => o.text);
			right = keyPosition(q.id, distractors.length + 1);
			options = [...distractors.slice(0, right), q.answer.text, ...distractors.slice(right)];
		} else if (q.type === 'truefalse') {
			options = [t.answerTrue, t.answerFalse];
			right = q.answer ? 0 : 1;
		} else {
			report.omitted(q, 'aikenSingleOnly');
			continue;
		}
		const stem = oneLine(q.prompt);
		if (options.length > 26) {
			report.omitted(q, 'aikenTooMany');
			continue;
		}
		if (SPECIAL_LINE.test(stem) || options.some((o) => oneLine(o).length === 0)) {
			report.omitted(q, 'aikenSpecialLine');
			continue;
		}
		if (q.type === 'truefalse') {
			report.converted(q, 'singleChoice', 'aikenTrueFalse', {
				true: t.answerTrue,
				false: t.answerFalse
			});
		} else report.ok(q);
		articles.add(a.slug);
		const letter = (i: number) => String.fromCharCode(65 + i);
		blocks.push(
			[
				stem,
				...options.map((o, i) => `${letter(i)}) ${oneLine(o)}`),
				`ANSWER: ${letter(right)}`
			].join('\n')
		);
	}
	for (const slug of articles) {
		const a = input.articles.get(slug)!;
		report.note('aikenNoPlace', { attribution: attributionLine(a) });
	}
	return { text: blocks.length ? blocks.join('\n\n') + '\n' : '', report: report.report };
}
