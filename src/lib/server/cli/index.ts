/**
 * The one CLI: `npm run dalil -- <command> [options]`.
 * Each command lives in its own module and returns the process exit code.
 */
export {};

type Command = {
	summary: string;
	run: (args: string[]) => Promise<number>;
};

const commands: Record<string, Command> = {
	check: {
		summary:
			'check [questions-dir] [--json] [--strict]   prove every question of the bank from its text',
		run: async (args) => (await import('./check')).run(args)
	},
	draft: {
		summary: 'draft questions/<slug>/ [--types T,…] [--max N] [-o FILE]   propose proven questions',
		run: async (args) => (await import('./draft')).run(args)
	},
	grade: {
		summary: 'grade FILE [--questions DIR]      grade a file of typed answers (.jsonl or .csv)',
		run: async (args) => (await import('./grade')).run(args)
	},
	export: {
		summary: 'export --format F [filters] [-o FILE]   export questions (gift, moodle, qti, …)',
		run: async (args) => (await import('./export')).run(args)
	},
	schema: {
		summary: 'schema                           write schema/bank.schema.json from the zod schema',
		run: async () => (await import('./schema')).run()
	},
	db: {
		summary: 'db migrate | db backup FILE       update the database; copy it (SQLite) safely',
		run: async (args) => (await import('./db')).run(args)
	},
	overrides: {
		summary:
			'overrides export [--since DATE] [-o FILE] | overrides apply FILE   teachers’ overrides as a bank patch',
		run: async (args) => (await import('./overrides')).run(args)
	},
	regrade: {
		summary: 'regrade --assignment ID           regrade an assignment; overrides survive',
		run: async (args) => (await import('./regrade')).run(args)
	},
	bench: {
		summary: 'bench [--json] [--only NAME]      measure speed against baselines from the same run',
		run: async (args) => (await import('./bench')).run(args)
	}
};

function usage(): string {
	return [
		'usage: npm run dalil -- <command> [options]',
		'',
		...Object.values(commands).map((c) => `  ${c.summary}`)
	].join('\n');
}

const [name, ...rest] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h' || name === 'help') {
	console.log(usage());
	process.exit(name ? 0 : 2);
}
const command = commands[name];
if (!command) {
	console.error(`dalil: unknown command «${name}»\n\n${usage()}`);
	process.exit(2);
}
try {
	process.exitCode = await command.run(rest);
} catch (e) {
	// A bug, not bad input: say so in one line; DALIL_DEBUG=1 shows the stack.
	console.error(`dalil ${name}: ${e instanceof Error ? e.message : String(e)}`);
	if (process.env.DALIL_DEBUG) console.error(e);
	process.exitCode = 2;
}
