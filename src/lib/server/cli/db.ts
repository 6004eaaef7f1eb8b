/**
 * `dalil db migrate` brings the database (DATABASE_URL, or the SQLite file DALIL_DB, by default
 * data/dalil.db) up to date; `dalil db backup FILE` copies a SQLite database with SQLite's online
 * backup, safe while the server runs; for PostgreSQL it says how to use pg_dump.
 */
import { existsSync } from 'node:fs';
import {
	DatabaseConfigError,
	databaseConfig,
	migrateToLatest,
	MigrationError,
	openDatabase
} from '../db';
import { parseOptions, UsageError } from './args';

const USAGE = 'usage: dalil db migrate | dalil db backup FILE';

export async function run(args: string[]): Promise<number> {
	try {
		const { positionals } = parseOptions(args, {});
		const [action, ...rest] = positionals;
		if (action === 'migrate' && rest.length === 0) return await migrate();
		if (action === 'backup' && rest.length === 1) return await backup(rest[0]);
		throw new UsageError(USAGE);
	} catch (e) {
		if (
			e instanceof UsageError ||
			e instanceof DatabaseConfigError ||
			e instanceof MigrationError
		) {
			console.error(`dalil db: ${e.message}`);
			return 2;
		}
		throw e;
	}
}

async function migrate(): Promise<number> {
	const handle = openDatabase(databaseConfig(process.env));
	try {
		const ran = await migrateToLatest(handle.db);
		console.log(
			ran.length ? `${handle.where}: ran ${ran.join(', ')}` : `${handle.where}: already up to date`
		);
		return 0;
	} finally {
		await handle.close();
	}
}

async function backup(file: string): Promise<number> {
	const config = databaseConfig(process.env);
	if (config.dialect === 'postgres') {
		console.error(
			'dalil db backup: the database is PostgreSQL: back it up with its own tool, e.g.\n' +
				`  pg_dump --format=custom --file ${JSON.stringify(file)} "$DATABASE_URL"\n` +
				'and restore with pg_restore --dbname "$DATABASE_URL" FILE'
		);
		return 1;
	}
	if (!existsSync(config.file)) {
		console.error(`dalil db backup: no database at ${config.file} (set DALIL_DB?)`);
		return 1;
	}
	if (existsSync(file)) {
		console.error(`dalil db backup: ${file} exists; choose a new file name`);
		return 1;
	}
	const handle = openDatabase(config);
	try {
		await handle.sqlite!.backup(file);
		console.log(`backed up ${config.file} to ${file}`);
		return 0;
	} finally {
		await handle.close();
	}
}
