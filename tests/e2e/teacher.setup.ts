import { expect, test as setup } from '@playwright/test';
import { TEACHER, TEACHER_STATE } from './fixtures/teacher';

setup('a teacher signs up (or in) and the session is saved', async ({ page }) => {
	await page.goto('/teacher');
	// signed out: /teacher sends to sign-in, which offers the first account on an empty database
	await expect(page).toHaveURL(/\/teacher\/sign-(in|up)/);
	if (page.url().includes('/teacher/sign-up')) {
		await page.locator('input[name=name]').fill(TEACHER.name);
	}
	await page.locator('input[name=email]').fill(TEACHER.email);
	await page.locator('input[name=password]').fill(TEACHER.password);
	await page.locator('main form button').click();
	await expect(page).toHaveURL(/\/teacher(\/classes)?$/);
	await page.context().storageState({ path: TEACHER_STATE });
});
