import { existsSync, readFileSync } from 'node:fs';
import { test as setup, type BrowserContext } from '@playwright/test';
import { signInTeacher, TEACHER_STATE } from './fixtures/teacher';

setup('a teacher signs up (or in) and the session is saved', async ({ page }) => {
	await signInTeacher(page);
	await saveSession(page.context());
});

/**
 * Saves the session into TEACHER_STATE beside the other server's (the PostgreSQL projects' server
 * is another host, 127.0.0.2): this server's cookies replace only this host's.
 */
async function saveSession(context: BrowserContext) {
	type State = Awaited<ReturnType<BrowserContext['storageState']>>;
	const mine = await context.storageState();
	const hosts = new Set(mine.cookies.map((c) => c.domain));
	const before: State = existsSync(TEACHER_STATE)
		? JSON.parse(readFileSync(TEACHER_STATE, 'utf8'))
		: { cookies: [], origins: [] };
	const cookies = [...before.cookies.filter((c) => !hosts.has(c.domain)), ...mine.cookies];
	await context.addCookies(cookies);
	await context.storageState({ path: TEACHER_STATE });
}
