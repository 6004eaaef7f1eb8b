/** Export options from the outside (query string, form, command line), validated with zod. */
import { z } from 'zod';
import { MAX_COPIES } from './worksheet';

/** A worksheet seed: letters, digits and dashes, as the quiz links spell seeds. */
export const seedSchema = z
	.string()
	.trim()
	.regex(/^[A-Za-z0-9-]{1,32}$/, { error: 'a seed is 1 to 32 letters, digits or dashes' });

/** How many student copies a worksheet prints. */
export const copiesSchema = z.coerce
	.number({ error: 'copies is a number' })
	.int({ error: 'copies is a whole number' })
	.min(1, { error: 'copies is at least 1' })
	.max(MAX_COPIES, { error: `copies is at most ${MAX_COPIES}` });
