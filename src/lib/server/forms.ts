/**
 * What the classes actions share: reading a form's fields through a zod schema, the rate limit
 * with its 429 message, and the messages in the interface language.
 */
import { fail, type RequestEvent } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { firstProblem, formFields } from '$lib/classes/schema';
import { strings, type Locale } from '$lib/i18n';
import { plural } from '$lib/i18n/plural';
import { db, type Database } from './db';
import { rateLimit, type RateLimitRule } from './rate-limit';

/**
 * Parses the posted form with `schema`; on failure, a 400 with the first problem's message (in
 * the interface language) and the field it is on, for the form to show.
 */
export async function parseForm<S extends z.ZodType>(
	event: RequestEvent,
	schema: S,
	names: readonly string[]
) {
	const form = await event.request.formData();
	const fields = formFields(form, names);
	const parsed = schema.safeParse(fields);
	if (parsed.success) return { ok: true as const, data: parsed.data as z.output<S>, fields };
	const { field, problem } = firstProblem(parsed.error);
	const t = strings(event.locals.locale).classes;
	return {
		ok: false as const,
		failure: refuse(400, t.errors[problem], field, safeValues(fields))
	};
}

/**
 * A refused form: the status, the message in the interface language, the field it is about and
 * the values to show again (all forms' failures have this one shape).
 */
export function refuse(
	status: number,
	message: string,
	field = '',
	values: Record<string, string> = {}
) {
	return fail(status, { field, message, values });
}

/** The fields to show again in a refused form: never a password, never a huge value. */
export function safeValues(fields: Record<string, string | undefined>) {
	const values: Record<string, string> = {};
	for (const [name, value] of Object.entries(fields)) {
		if (name !== 'password' && value !== undefined) values[name] = value.slice(0, 200);
	}
	return values;
}

/** The 429 message: "try again in N minutes", with the locale's plural. */
export function tooManyMessage(locale: Locale, retryAfterSeconds: number): string {
	const t = strings(locale).classes;
	const minutes = Math.ceil(retryAfterSeconds / 60);
	const when = plural(locale, t.inMinutes, minutes);
	return t.tooMany.replace('{when}', when);
}

/**
 * Counts one attempt of `action` for `client`; a 429 failure with the message when over `rule`,
 * else null. Counted on its own, or in `database` when it is the transaction of the work it
 * allows (see `rateLimit`).
 */
export async function limitAttempt(
	event: RequestEvent,
	action: string,
	client: string,
	rule: RateLimitRule,
	database: Kysely<Database> = db()
) {
	const result = await rateLimit(database, action, client, rule);
	if (result.allowed) return null;
	return refuse(429, tooManyMessage(event.locals.locale, result.retryAfterSeconds));
}
