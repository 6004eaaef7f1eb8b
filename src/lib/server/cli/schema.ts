/**
 * `dalil schema`: writes schema/bank.schema.json from the zod schema, for editors
 * (yaml-language-server reads the `# yaml-language-server: $schema=…` line of a bank file).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { bankJsonSchema } from '../../bank/schema';

/** Where the committed JSON Schema lives; a unit test keeps it fresh. */
export const SCHEMA_PATH = 'schema/bank.schema.json';

/**
 * The JSON Schema file's text.
 */
export function schemaText(): string {
	return JSON.stringify(bankJsonSchema(), null, '\t') + '\n';
}

export async function run(): Promise<number> {
	mkdirSync(dirname(SCHEMA_PATH), { recursive: true });
	writeFileSync(SCHEMA_PATH, schemaText());
	console.log(`wrote ${SCHEMA_PATH}`);
	return 0;
}
