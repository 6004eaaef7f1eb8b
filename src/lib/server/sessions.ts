/**
 * Who is asking: the hook that sets `locals.user` (a teacher's Better Auth session) and
 * `locals.student` (a device's student session), and sends signed-out requests for teacher pages
 * to sign-in. The database is asked only when a request carries a session cookie.
 */
import { redirect, type Cookies, type Handle } from '@sveltejs/kit';
import { authFor, hasSessionCookie } from './auth';
import { studentDevice } from './classes';
import { db } from './db';

/** The cookie holding a device's student token. */
export const STUDENT_COOKIE = 'dalil_student';

/** Teacher pages anyone may open: the way in. */
const PUBLIC_TEACHER_PATHS = new Set(['/teacher/sign-in', '/teacher/sign-up']);

/** Whether a path is a teacher page, action or export that needs a teacher session. */
export function needsTeacher(pathname: string): boolean {
	const path = pathname.replace(/\/+$/, '') || '/';
	return (path === '/teacher' || path.startsWith('/teacher/')) && !PUBLIC_TEACHER_PATHS.has(path);
}

/** Stores a device's student token in a long-lived, httpOnly cookie. */
export function setStudentCookie(cookies: Cookies, url: URL, token: string) {
	cookies.set(STUDENT_COOKIE, token, {
		path: '/',
		maxAge: 400 * 24 * 60 * 60,
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:'
	});
}

/** The hook: sets `locals.user` and `locals.student`, guards the teacher pages. */
export const identify: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.student = null;
	if (hasSessionCookie(event.request.headers.get('cookie'))) {
		const session = await authFor(event.url).api.getSession({ headers: event.request.headers });
		if (session) {
			const { id, name, email } = session.user;
			event.locals.user = { id, name, email };
		}
	}
	const deviceToken = event.cookies.get(STUDENT_COOKIE);
	if (deviceToken) {
		const memberships = await studentDevice(db(), deviceToken);
		if (memberships.length) event.locals.student = { memberships };
	}
	if (!event.locals.user && needsTeacher(event.url.pathname)) {
		const next = event.url.pathname + event.url.search.replace(/[?&]\/[^&]*/, '');
		redirect(303, `/teacher/sign-in?next=${encodeURIComponent(next)}`);
	}
	return resolve(event);
};
