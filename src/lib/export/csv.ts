/**
 * CSV exports: Dalil's own layout (every type, every field), Kahoot's import layout (choice
 * questions of at most four answers) and Quizlet's (term and definition). Cells that begin with
 * = + - @ (or a tab or return) are neutralised with a leading apostrophe, so a spreadsheet never
 * runs them as formulas (OWASP, "CSV Injection").
 */
import { stringify } from 'csv-stringify/sync';
import { parseCloze } from '../bank/schema';
import { articleOf, attributionLine, answerText, citation, textStrings } from './common';
import { ReportBuilder } from './report';
import { seededRandom, shuffled } from '../quiz/random';
import type { ExportInput, ExportResult } from './types';

/**
 * A cell a spreadsheet will not run: a leading = + - @ tab or return gets an apostrophe.
 * @param s the cell
 */
export function neutralise(s: string): string {
	return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/**
 * CSV text of rows: UTF-8 with a BOM (Excel reads UTF-8 only with it), CRLF line ends
 * (RFC 4180), every cell neutralised.
 * @param rows the cells
 */
export function csvText(rows: string[][]): string {
	return (
		'\uFEFF' +
		stringify(
			rows.map((r) => r.map(neutralise)),
			{ record_delimiter: 'windows' }
		)
	);
}

export const CSV_HEADER = [
	'id',
	'article',
	'paragraph',
	'type',
	'skill',
	'difficulty',
	'tags',
	'prompt',
	'answer',
	'distractors',
	'accept',
	'evidence',
	'explanation',
	'attribution'
];

/**
 * The rows of Dalil's CSV layout, header first (before neutralising).
 * @param input questions and their articles
 */
export function csvRows(input: ExportInput): string[][] {
	const rows = [CSV_HEADER];
	for (const q of input.questions) {
		const a = articleOf(input, q);
		const t = textStrings(a);
		let distractors: string[] = [];
		let accept: string[] = [];
		let prompt = q.prompt;
		if (q.type === 'single' || q.type === 'multiple')
			distractors = q.distractors.map((o) => o.text);
		if (q.type === 'matching') distractors = q.distractors.map((o) => o.text);
		if (q.type === 'short') accept = q.accept;
		if (q.type === 'cloze') {
			prompt = `${q.prompt}\n${q.text}`;
			accept = parseCloze(q.text).blanks.flatMap((b) => b.accept);
		}
		rows.push([
			q.id,
			q.article,
			q.paragraph.join(' '),
			q.type,
			q.skill,
			String(q.difficulty),
			q.tags.join(' | '),
			prompt,
			answerText(q, t),
			distractors.join(' | '),
			accept.join(' | '),
			citation(q, t),
			q.explanation,
			attributionLine(a)
		]);
	}
	return rows;
}

/**
 * Exports every question to Dalil's CSV layout (one row a question, nothing left out).
 * @param input questions and their articles
 */
export function toCsv(input: ExportInput): ExportResult {
	const report = new ReportBuilder('csv');
	for (const q of input.questions) report.ok(q);
	report.note('attribution: the last column of every row');
	return { text: csvText(csvRows(input)), report: report.report };
}

/** Kahoot's template columns (kahoot.com "Import questions from a spreadsheet"). */
export const KAHOOT_HEADER = [
	'Question - max 120 characters',
	'Answer 1 - max 75 characters',
	'Answer 2 - max 75 characters',
	'Answer 3 - max 75 characters',
	'Answer 4 - max 75 characters',
	'Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs',
	'Correct answer(s) - choose at least one'
];

/**
 * The rows of Kahoot's layout, header first, and what could not go in.
 * @param input questions and their articles
 * @param report the report to fill
 */
export function kahootRows(input: ExportInput, report = new ReportBuilder('kahoot')): string[][] {
	const rows = [KAHOOT_HEADER];
	for (const q of input.questions) {
		const t = textStrings(articleOf(input, q));
		let right: string[];
		let wrong: string[];
		if (q.type === 'single') [right, wrong] = [[q.answer.text], q.distractors.map((o) => o.text)];
		else if (q.type === 'multiple')
			[right, wrong] = [q.answer.map((o) => o.text), q.distractors.map((o) => o.text)];
		else if (q.type === 'truefalse')
			[right, wrong] = q.answer
				? [[t.exportTrue], [t.exportFalse]]
				: [[t.exportFalse], [t.exportTrue]];
		else {
			report.omitted(q, 'Kahoot quizzes hold choice questions only');
			continue;
		}
		if (right.length > 4) {
			report.omitted(q, 'Kahoot holds four answers at most');
			continue;
		}
		const prompt = q.prompt.replace(/\s+/g, ' ').trim();
		if ([...prompt].length > 120) {
			report.omitted(q, `the question has ${[...prompt].length} characters; Kahoot takes 120`);
			continue;
		}
		const keptWrong = wrong.slice(0, 4 - right.length);
		const answers = [...right, ...keptWrong];
		const long = answers.find((x) => [...x].length > 75);
		if (long) {
			report.omitted(q, `the answer «${long}» is longer than Kahoot's 75 characters`);
			continue;
		}
		if (keptWrong.length < wrong.length) {
			report.converted(
				q,
				'four answers',
				`Kahoot shows four answers: ${wrong.length - keptWrong.length} distractor(s) left out`
			);
		} else if (q.type === 'truefalse') {
			report.converted(
				q,
				'two answers',
				`${t.exportTrue} / ${t.exportFalse} as a two-answer quiz question`
			);
		} else report.ok(q);
		// Kahoot shows answers in the order given: shuffle (seeded by the id, so every export agrees)
		// so the right one is not always first.
		const order =
			q.type === 'truefalse'
				? [t.exportTrue, t.exportFalse]
				: shuffled(answers, seededRandom(`kahoot-${q.id}`));
		const correct = order.flatMap((x, i) => (right.includes(x) ? [String(i + 1)] : []));
		const cells = [...order, '', '', '', ''].slice(0, 4);
		const time = { 1: '20', 2: '30', 3: '60' }[q.difficulty];
		rows.push([prompt, ...cells, time, correct.join(',')]);
	}
	return rows;
}

/**
 * Exports choice questions to Kahoot's spreadsheet layout, as CSV.
 * @param input questions and their articles
 */
export function toKahoot(input: ExportInput): ExportResult {
	const report = new ReportBuilder('kahoot');
	const rows = kahootRows(input, report);
	for (const a of new Set(input.questions.map((q) => q.article))) {
		report.note(
			`Kahoot's layout has no column for a source; credit it in the kahoot's description: ${attributionLine(input.articles.get(a)!)}`
		);
	}
	return { text: csvText(rows), report: report.report };
}

/** Quizlet reads one card a line, term and definition split by a tab, with no quoting. */
function quizletCell(s: string): string {
	return neutralise(s.replace(/[\t\r\n]+/g, ' ').trim());
}

/**
 * The cards of Quizlet's layout: term (the question) and definition (its answer and evidence).
 * @param input questions and their articles
 * @param report the report to fill
 */
export function quizletRows(input: ExportInput, report = new ReportBuilder('quizlet')): string[][] {
	const rows: string[][] = [];
	for (const q of input.questions) {
		const t = textStrings(articleOf(input, q));
		if (q.type === 'matching') {
			report.converted(
				q,
				'one card a pair',
				'Quizlet cards are pairs already: each pair is a card'
			);
			for (const p of q.pairs) rows.push([p.left.text, p.right.text]);
			continue;
		}
		let term = q.prompt;
		if (q.type === 'cloze') {
			const { plain, blanks } = parseCloze(q.text);
			let s = '';
			let at = 0;
			for (const b of blanks) {
				s += plain.slice(at, b.start) + '_____';
				at = b.end;
			}
			term = `${q.prompt} ${s}${plain.slice(at)}`;
		}
		if (q.type === 'single' || q.type === 'multiple') {
			report.converted(q, 'flashcard', 'a flashcard shows the answer, not the distractors');
		} else report.ok(q);
		rows.push([term, `${answerText(q, t)} — ${citation(q, t)}`]);
	}
	return rows.map((r) => r.map(quizletCell));
}

/**
 * Exports every question as Quizlet flashcards: tab between term and definition, one card a
 * line (Quizlet's default import settings).
 * @param input questions and their articles
 */
export function toQuizlet(input: ExportInput): ExportResult {
	const report = new ReportBuilder('quizlet');
	const rows = quizletRows(input, report);
	for (const a of new Set(input.questions.map((q) => q.article))) {
		report.note(
			`Quizlet cards have no source field; credit it in the set's description: ${attributionLine(input.articles.get(a)!)}`
		);
	}
	return {
		text: rows.map((r) => r.join('\t')).join('\n') + (rows.length ? '\n' : ''),
		report: report.report
	};
}
