/** Export options from the outside (query string, form, command line), validated with zod. */
import { z } from 'zod';
import { MAX_COPIES } from './worksheet';

/** A worksheet seed is spelled as a quiz link's seed. */
export { seedSchema } from '../quiz/spec';

/** How many student copies a worksheet prints. */
export const copiesSchema = z.coerce
	.number({ error: 'copies is a number' })
	.int({ error: 'copies is a whole number' })
	.min(1, { error: 'copies is at least 1' })
	.max(MAX_COPIES, { error: `copies is at most ${MAX_COPIES}` });
