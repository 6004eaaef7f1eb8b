/**
 * `dalil regrade --assignment ID [--questions DIR]`: regrades every submitted attempt of an
 * assignment with the bank (and grader) of now; teachers' overrides survive; prints which
 * students' scores changed and by how much.
 */
import { assignmentById } from '../assignments';
import { BankUnreadable, loadBank } from '../bank';
import { DatabaseConfigError, databaseConfig, migrateToLatest, openDatabase } from '../db';
import { regradeAssignment } from '../review';
import { parseOptions, UsageError } from './args';

const USAGE = 'usage: dalil regrade --assignment ID [--questions DIR]';

export async function run(args: string[]): Promise<number> {
	try {
		const { values, positionals } = parseOptions(args, {
			assignment: { type: 'string' },
			questions: { type: 'string' }
		});
		if (!values.assignment || positionals.length) throw new UsageError(USAGE);
		return await regrade(values.assignment, values.questions ?? 'questions');
	} catch (e) {
		if (
			e instanceof UsageError ||
			e instanceof DatabaseConfigError ||
			e instanceof BankUnreadable
		) {
			console.error(`dalil regrade: ${e.message}`);
			return 2;
		}
		throw e;
	}
}

/** "+1", "−0.5": a change as people write it. */
export function signed(n: number): string {
	const rounded = Math.round(n * 100) / 100;
	return rounded > 0 ? `+${rounded}` : `−${Math.abs(rounded)}`;
}

async function regrade(id: string, dir: string): Promise<number> {
	const bank = loadBank(dir);
	const handle = openDatabase(databaseConfig(process.env));
	try {
		await migrateToLatest(handle.db);
		const assignment = await assignmentById(handle.db, id);
		if (!assignment) {
			console.error(`dalil regrade: no assignment ${id}`);
			return 1;
		}
		const article = bank.articles.find((a) => a.slug === assignment.spec.article);
		if (!article) {
			console.error(`dalil regrade: the article ${assignment.spec.article} is not in ${dir}`);
			return 1;
		}
		const outcome = await regradeAssignment(handle.db, id, article, null);
		console.log(
			`${assignment.spec.title}: ${outcome.attempts} attempt(s) regraded, ` +
				`${outcome.changed.length} score(s) changed, ${outcome.overridden} answer(s) kept a teacher's verdict`
		);
		for (const c of outcome.changed) {
			console.log(
				`  ${c.studentName ?? c.attemptId}: ${c.before} → ${c.after} (${signed(c.change)})`
			);
		}
		return 0;
	} finally {
		await handle.close();
	}
}
