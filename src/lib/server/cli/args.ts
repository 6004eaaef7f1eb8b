import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A usage error: the CLI prints its message and exits 2. */
export class UsageError extends Error {}

/**
 * Parses command-line options, turning node's errors into a one-line usage error.
 * @param args the arguments after the command name
 * @param options the options the command takes
 */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
	args: string[],
	options: T
) {
	try {
		return parseArgs({ args, options, allowPositionals: true, strict: true });
	} catch (e) {
		throw new UsageError(e instanceof Error ? e.message : String(e));
	}
}
