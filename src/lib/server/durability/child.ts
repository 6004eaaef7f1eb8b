/**
 * The child process of the durability test (durability.spec.ts): submits and saves attempts in
 * parallel, and after each one the database acknowledged prints a line (`submitted <id>` or
 * `saved <id> <text>`) to stdout, a pipe, written synchronously on Linux, so the parent knows what
 * was acknowledged before it kills this process.
 *
 * argv: <sqlite file | postgres URL> <json list of attempt ids to submit> <json list to save>
 */
import { openDatabase } from '../db/connect';
import { readAttempt, saveAttempt, submitStored } from '../stored-attempts';

const [where, submitIds, saveIds] = process.argv.slice(2);
const handle = openDatabase(
	where.startsWith('postgres')
		? { dialect: 'postgres', url: where }
		: { dialect: 'sqlite', file: where }
);
const { db } = handle;

async function submit(id: string) {
	const attempt = (await readAttempt(db, id))!;
	const answers = Object.fromEntries(
		attempt.ids.map((q) => [q, { type: 'short' as const, text: id }])
	);
	const results = Object.fromEntries(
		attempt.ids.map((q) => [q, { score: 1, verdict: 'correct' as const }])
	);
	await submitStored(db, {
		...attempt,
		answers,
		submitted: { at: Date.now(), late: false, results }
	});
	process.stdout.write(`submitted ${id}\n`);
}

async function save(id: string) {
	const attempt = (await readAttempt(db, id))!;
	for (let round = 1; ; round++) {
		const text = `${id}-${round}`;
		const answers = { [attempt.ids[0]]: { type: 'short' as const, text } };
		await saveAttempt(db, { ...attempt, answers });
		process.stdout.write(`saved ${id} ${text}\n`);
	}
}

/** Ten at a time, as ten students' browsers would. */
async function pool(ids: string[], work: (id: string) => Promise<void>, width = 10) {
	let next = 0;
	await Promise.all(
		Array.from({ length: width }, async () => {
			while (next < ids.length) await work(ids[next++]);
		})
	);
}

await Promise.all([
	pool(JSON.parse(submitIds) as string[], submit),
	pool(JSON.parse(saveIds) as string[], save, 3)
]);
