/**
 * Kahoot's quiz spreadsheet: the .xlsx template Kahoot's "Import spreadsheet" takes. Its
 * instructions fill rows 1–7, the column headers are row 8, and questions start on row 9: a
 * number in column A, then the question (≤ 120 characters), four answers (≤ 75 each), the time
 * limit in seconds (5, 10, 20, 30, 60, 90, 120 or 240) and the correct answers' numbers,
 * comma-separated. Only choice questions of at most four answers fit.
 */
import { attributionLine, perArticle, textStrings } from './common';
import { ReportBuilder } from './report';
import { seededRandom, shuffled } from '../quiz/random';
import type { ExportInput, ExportResult } from './types';
import type { Sheet, SheetCell } from './xlsx';

/** The template's column headers, columns B to H of row 8. */
export const KAHOOT_HEADER = [
	'Question - max 120 characters',
	'Answer 1 - max 75 characters',
	'Answer 2 - max 75 characters',
	'Answer 3 - max 75 characters',
	'Answer 4 - max 75 characters',
	'Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs',
	'Correct answer(s) - choose at least one'
];

/** The template's row of column headers (1-based); its questions start on the next row. */
export const KAHOOT_HEADER_ROW = 8;

/** One question as Kahoot takes it. */
export interface KahootQuestion {
	question: string;
	/** four cells, empty ones last */
	answers: string[];
	/** seconds, one of Kahoot's time limits */
	time: number;
	/** 1-based numbers of the right answers */
	correct: number[];
}

/** Seconds to answer, by difficulty: all of them Kahoot's own choices. */
const TIME_LIMIT = { 1: 20, 2: 30, 3: 60 } as const;

/**
 * Whether text has more characters (code points, as Kahoot counts) than a limit; a string no
 * longer than the limit in UTF-16 units cannot be, so most are not spread into an array.
 */
function longer(s: string, limit: number): boolean {
	return s.length > limit && [...s].length > limit;
}

/** Kahoot's cells are one line each. */
function oneLine(s: string): string {
	return s.replace(/\s+/g, ' ').trim();
}

/**
 * The questions Kahoot can take, and in the report what could not go in and why.
 * @param input questions and their articles
 * @param report the report to fill
 */
export function kahootQuestions(
	input: ExportInput,
	report = new ReportBuilder('kahoot')
): KahootQuestion[] {
	const out: KahootQuestion[] = [];
	const stringsOf = perArticle(input, textStrings);
	for (const q of input.questions) {
		const t = stringsOf(q);
		let right: string[];
		let wrong: string[];
		if (q.type === 'single') [right, wrong] = [[q.answer.text], q.distractors.map((o) => o.text)];
		else if (q.type === 'multiple')
			[right, wrong] = [q.answer.map((o) => o.text), q.distractors.map((o) => o.text)];
		else if (q.type === 'truefalse')
			[right, wrong] = q.answer
				? [[t.answerTrue], [t.answerFalse]]
				: [[t.answerFalse], [t.answerTrue]];
		else {
			report.omitted(q, 'kahootChoiceOnly');
			continue;
		}
		if (right.length > 4) {
			report.omitted(q, 'kahootFour');
			continue;
		}
		const question = oneLine(q.prompt);
		if (longer(question, 120)) {
			report.omitted(q, 'kahootQuestionLong', { n: [...question].length });
			continue;
		}
		const keptWrong = wrong.slice(0, 4 - right.length).map(oneLine);
		const answers = [...right.map(oneLine), ...keptWrong];
		const long = answers.find((x) => longer(x, 75));
		if (long) {
			report.omitted(q, 'kahootAnswerLong', { answer: long });
			continue;
		}
		if (keptWrong.length < wrong.length) {
			report.converted(q, 'fourAnswers', 'kahootDistractorsLeft', {
				n: wrong.length - keptWrong.length
			});
		} else if (q.type === 'truefalse') {
			report.converted(q, 'twoAnswers', 'kahootTrueFalse', {
				true: t.answerTrue,
				false: t.answerFalse
			});
		} else report.ok(q);
		// Kahoot shows answers in the order given: true before false, and choices shuffled (seeded
		// by the id, so every export agrees) so the right one is not always first.
		const indexes = answers.map((_, i) => i);
		const order =
			q.type === 'truefalse'
				? [t.answerTrue, t.answerFalse].map((x) => answers.indexOf(x))
				: shuffled(indexes, seededRandom(`kahoot-${q.id}`));
		out.push({
			question,
			answers: [...order.map((i) => answers[i]), '', '', '', ''].slice(0, 4),
			time: TIME_LIMIT[q.difficulty],
			correct: order.flatMap((i, at) => (i < right.length ? [at + 1] : []))
		});
	}
	return out;
}

/**
 * The sheet in the template's layout: the quiz's articles and their attribution where the
 * template has its instructions (Kahoot's importer reads from row 9), the headers on row 8.
 * @param input questions and their articles
 * @param questions the questions as Kahoot takes them
 */
export function kahootSheet(input: ExportInput, questions: KahootQuestion[]): Sheet {
	const articles = [...new Set(input.questions.map((q) => q.article))].map((slug) =>
		input.articles.get(slug)!
	);
	const rows: SheetCell[][] = [
		[null, articles.map((a) => a.title).join(' · ')],
		[null, articles.map(attributionLine).join('\n')],
		[],
		[],
		[],
		[],
		[],
		[null, ...KAHOOT_HEADER],
		...questions.map((k, i): SheetCell[] => [
			i + 1,
			k.question,
			...k.answers.map((a) => a || null),
			k.time,
			// one right answer as a number; several as Kahoot writes them, "1,3"
			k.correct.length === 1 ? k.correct[0] : k.correct.join(',')
		])
	];
	return {
		name: 'Kahoot',
		rightToLeft: articles.length > 0 && articles.every((a) => a.direction === 'rtl'),
		rows,
		widths: [5, 60, 30, 30, 30, 30, 14, 14],
		bold: [KAHOOT_HEADER_ROW]
	};
}

/**
 * Exports choice questions to Kahoot's quiz spreadsheet (`toBytes` writes the .xlsx).
 * @param input questions and their articles
 */
export function toKahoot(input: ExportInput): ExportResult {
	const report = new ReportBuilder('kahoot');
	const questions = kahootQuestions(input, report);
	for (const a of new Set(input.questions.map((q) => q.article))) {
		report.note('kahootNoSource', { attribution: attributionLine(input.articles.get(a)!) });
	}
	return { sheet: kahootSheet(input, questions), report: report.report };
}
