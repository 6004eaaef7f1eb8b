import { gradesCsv, gradesFileName } from '$lib/assign/grades-csv';
import { assignmentResultsData } from '$lib/server/assignment-results';
import { getBank } from '$lib/server/bank';
import { db } from '$lib/server/db';
import { ownAssignment } from '../own-assignment';
import type { RequestHandler } from './$types';

/**
 * The grades as CSV a gradebook imports: one row per student of the roster, the counted attempt's
 * score (gradesCsv neutralises every cell against formulas). Only for the assignment's teacher.
 */
export const GET: RequestHandler = async (event) => {
	const { assignment } = await ownAssignment(event);
	const article = getBank().articles.get(assignment.spec.article);
	const { results } = await assignmentResultsData(db(), assignment, article);
	const name = gradesFileName(assignment.spec.title);
	return new Response(gradesCsv(results.students), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			// an ASCII name for old clients, the title's own letters for the rest (RFC 6266, 5987)
			'content-disposition': `attachment; filename="${asciiName(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
			'cache-control': 'no-store'
		}
	});
};

/** The file name with anything outside printable ASCII (and quotes) made a dash. */
function asciiName(name: string): string {
	const ascii = name
		.replace(/[^\x20-\x7e]|["\\]/g, '-')
		.replace(/-{2,}/g, '-')
		.replace(/^-+/, '');
	return ascii || 'grades.csv';
}
