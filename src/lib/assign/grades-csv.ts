/**
 * An assignment's grades as CSV a gradebook imports: one row per student of the roster (student,
 * score, out of, percent, submitted at, late), written by the exports' CSV writer, so every cell is
 * neutralised against formulas (a student's name may begin with "=") and quoted as RFC 4180 says.
 * Times are ISO 8601 in UTC; a student with nothing submitted has empty cells.
 */
import { csvText } from '../export/csv';
import type { StudentResult } from './results';

/** The header row: plain English names, which gradebooks map by hand or by name. */
export const GRADES_HEADER = ['student', 'score', 'out of', 'percent', 'submitted at', 'late'];

/**
 * The grades CSV text.
 * @param students each student's result, in roster order
 */
export function gradesCsv(students: readonly StudentResult[]): string {
	return csvText([
		GRADES_HEADER,
		...students.map(({ student, counted }) =>
			counted
				? [
						student.name,
						String(counted.score),
						String(counted.total),
						String(counted.percent),
						new Date(counted.submittedAt).toISOString(),
						counted.late ? 'yes' : 'no'
					]
				: [student.name, '', '', '', '', '']
		)
	]);
}

/**
 * A file name for the download: the title's letters and digits (any script), dashes between.
 * @param title the assignment's title
 */
export function gradesFileName(title: string): string {
	const stem = title
		.normalize('NFC')
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
	return `${stem || 'assignment'}-grades.csv`;
}
