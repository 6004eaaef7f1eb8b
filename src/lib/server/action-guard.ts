/**
 * One guard in front of every form action: a post that names no action the page can have, or
 * whose body is not a readable form, is answered 404 or 400 with a message in the interface
 * language before any action runs. Actions can then call `request.formData()` without a guard of
 * their own, and Kit never meets a request it would answer with a 500 (the reserved name
 * `default`, a name inherited from `Object.prototype`, a `text/plain` body or a broken multipart).
 */
import { error, json, type Handle } from '@sveltejs/kit';
import { chooseLocale, strings } from '$lib/i18n';

/** Why a post is refused: a key of the interface strings' `refusal` group. */
export type ActionRefusal = 'unknownAction' | 'unreadableForm';

/** The action a request names (`?/save` names `save`), or undefined when it names none. */
export function actionName(url: URL): string | undefined {
	for (const [key] of url.searchParams) if (key.startsWith('/')) return key.slice(1);
	return undefined;
}

/** The two encodings of an HTML form that carry named fields Kit's actions can read. */
const FORM_TYPE = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

/**
 * Whether an action post must be refused, and why; null when the action may run. The body is read
 * from a clone, so the action still reads it.
 * @param request the incoming request
 * @param url its URL
 */
export async function actionRefusal(request: Request, url: URL): Promise<ActionRefusal | null> {
	if (request.method !== 'POST') return null;
	const name = actionName(url);
	if (name === undefined) return null;
	// `default` is reserved by Kit; `constructor`, `toString`… would be found on any object.
	if (name === '' || name === 'default' || name in Object.prototype) return 'unknownAction';
	if (!FORM_TYPE.test(request.headers.get('content-type') ?? '')) return 'unreadableForm';
	try {
		await request.clone().formData();
	} catch {
		return 'unreadableForm';
	}
	return null;
}

const STATUS: Record<ActionRefusal, number> = { unknownAction: 404, unreadableForm: 400 };

/**
 * The hook: refuses what `actionRefusal` refuses. `use:enhance` asks for JSON and gets an action
 * result it can show; a plain form post gets the error page. Runs after the locale is chosen.
 */
export const guardActions: Handle = async ({ event, resolve }) => {
	const refusal = await actionRefusal(event.request, event.url);
	if (!refusal) return resolve(event);
	const status = STATUS[refusal];
	const message = strings(event.locals.locale).refusal[refusal];
	if ((event.request.headers.get('accept') ?? '').includes('application/json')) {
		return json({ type: 'error', error: { message } }, { status });
	}
	error(status, message);
};

/** Whether Kit can decode a path (it decodes between the `%25`s, as here). */
export function isReadablePath(pathname: string): boolean {
	try {
		pathname.split('%25').map(decodeURI);
		return true;
	} catch {
		return false;
	}
}

/**
 * A path that does not decode (`/teacher/%E0%A4%A`) is answered 400 here, before any other hook.
 * Kit renders its error page for such a path but calls the hooks outside the catch that turns a
 * thrown `redirect` or `error` into a response, so the sign-in redirect of a teacher path became
 * an unhandled rejection that stopped the server (found by tests/e2e/fuzz.spec.ts).
 */
export const refuseMalformedPaths: Handle = async ({ event, resolve }) => {
	if (isReadablePath(event.url.pathname)) return resolve(event);
	const message = strings(chooseLocale(event.cookies.get('ui'), undefined)).refusal
		.malformedAddress;
	return new Response(message, {
		status: 400,
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
};
