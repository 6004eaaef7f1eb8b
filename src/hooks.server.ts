import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { env } from '$env/dynamic/private';
import { formatDiagnostic } from '$lib/bank/diagnostics';
import { guardActions } from '$lib/server/action-guard';
import { BankUnreadable, getBank, initBank } from '$lib/server/bank';
import { DatabaseConfigError, MigrationError, startDatabase } from '$lib/server/db';
import { chooseLocale, isLocale, localeDir } from '$lib/i18n';

/**
 * At start: opens and migrates the database (SQLite at DALIL_DB, by default data/dalil.db, or
 * PostgreSQL at DATABASE_URL), then loads and checks the bank once: it is immutable while the
 * server runs.
 */
export const init: ServerInit = async () => {
	try {
		await startDatabase(env);
	} catch (e) {
		if (e instanceof DatabaseConfigError || e instanceof MigrationError) {
			console.error(`dalil: cannot start: ${e.message}`);
			process.exit(1);
		}
		throw e;
	}
	const dir = env.DALIL_QUESTIONS || 'questions';
	try {
		const bank = initBank(dir);
		for (const d of bank.result.diagnostics.filter((d) => d.severity === 'error')) {
			console.warn(formatDiagnostic(d));
		}
		const failed = bank.result.articles.flatMap((a) => a.failed);
		console.log(
			`dalil: ${bank.questions.size} questions in ${bank.articles.size} articles` +
				(failed.length
					? `; left out (failed the check): ${failed.map((f) => f.id).join(', ')}`
					: '')
		);
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
	return resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace('%dalil.lang%', locale).replace('%dalil.dir%', localeDir(locale))
	});
};

/** The language first (the refusals use it), then malformed action posts refused. */
export const handle = sequence(chooseLanguage, guardActions);
