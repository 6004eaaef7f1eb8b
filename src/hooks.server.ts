import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { env } from '$env/dynamic/private';
import { dev } from '$app/environment';
import { guardActions, refuseMalformedPaths } from '$lib/server/action-guard';
import { securityHeaders } from '$lib/server/security-headers';
import { BankUnreadable, getBank, initBank, logBank } from '$lib/server/bank';
import { startAuth } from '$lib/server/auth';
import { DatabaseConfigError, MigrationError, startDatabase } from '$lib/server/db';
import { identify } from '$lib/server/sessions';
import { chooseLocale, isLocale, localeDir } from '$lib/i18n';

/**
 * At start: opens and migrates the database (SQLite at DALIL_DB, by default data/dalil.db, or
 * PostgreSQL at DATABASE_URL), then loads and checks the bank, reloaded when its files change
 * in development or with DALIL_RELOAD=1.
 */
export const init: ServerInit = async () => {
	try {
		await startAuth(await startDatabase(env), env);
	} catch (e) {
		if (e instanceof DatabaseConfigError || e instanceof MigrationError) {
			console.error(`dalil: cannot start: ${e.message}`);
			process.exit(1);
		}
		throw e;
	}
	const dir = env.DALIL_QUESTIONS || 'questions';
	try {
		logBank(initBank(dir, { reload: dev || env.DALIL_RELOAD === '1' }));
	} catch (e) {
		if (e instanceof BankUnreadable) {
			console.error(`dalil: cannot start: ${e.message}`);
			process.exit(1);
		}
		throw e;
	}
};

/**
 * Chooses the interface language (Arabic by default for an Arabic article) and sets `lang` and
 * `dir` on <html> from it; article text carries its own `lang` and `dir`.
 */
const chooseLanguage: Handle = async ({ event, resolve }) => {
	const slug = event.params.slug;
	const article = slug ? getBank().articles.get(slug) : undefined;
	const asked = event.url.searchParams.get('ui');
	// ?ui= is a plain link, so the switch works without JavaScript; the cookie remembers it.
	if (isLocale(asked)) {
		event.cookies.set('ui', asked, { path: '/', maxAge: 60 * 60 * 24 * 365, httpOnly: false });
	}
	const locale = chooseLocale(asked ?? event.cookies.get('ui'), article?.language);
	event.locals.locale = locale;
	const response = await resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace('%dalil.lang%', locale).replace('%dalil.dir%', localeDir(locale))
	});
	// the service worker shows its offline page in the language of the last page it saw
	if (!response.headers.has('content-language')) {
		try {
			response.headers.set('content-language', locale);
		} catch {
			// a response with immutable headers (a fetch passed through) keeps them
		}
	}
	return response;
};

/**
 * The security headers on whatever comes back, a path that does not decode refused, the language
 * (the refusals use it), malformed action posts refused, then who is asking (teacher pages need a
 * teacher).
 */
export const handle = sequence(
	securityHeaders,
	refuseMalformedPaths,
	chooseLanguage,
	guardActions,
	identify
);

/**
 * What Kit logs of an error it did not expect: the stack of a 5xx (a bug), one line for a refusal a
 * client caused (a 405 for a post to a page without actions, an unknown action's 404), so that a
 * scanner's requests, or the fuzz run's, do not bury the real ones in the log.
 */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const what = `[${status}] ${event.request.method} ${event.url.pathname}`;
	if (status >= 500) console.error(what, error);
	else console.error(`${what}: ${message}`);
};
