#!/usr/bin/env node
// Browser tests use a system Chromium (Playwright cannot download its own browser everywhere).
// Order: PLAYWRIGHT_CHROMIUM, then /usr/bin/chromium; when neither exists and we are root with
// apt-get, install Debian's chromium; otherwise stop with one line saying how to get one.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = process.env.PLAYWRIGHT_CHROMIUM;
if (wanted) {
	if (existsSync(wanted)) process.exit(0);
	console.error(`PLAYWRIGHT_CHROMIUM=${wanted} does not exist.`);
	process.exit(1);
}
if (existsSync('/usr/bin/chromium')) process.exit(0);

const root = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (root && hasApt) {
	console.log('Installing Debian chromium for the browser tests (apt-get)…');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execSync('apt-get update -qq', { stdio: 'inherit', env });
	// fonts-noto-core brings Arabic faces, so screenshots show real Naskh glyphs.
	execSync('apt-get install -y -qq --no-install-recommends chromium fonts-noto-core', {
		stdio: 'inherit',
		env
	});
	if (existsSync('/usr/bin/chromium')) process.exit(0);
}
console.error(
	'No Chromium found: set PLAYWRIGHT_CHROMIUM=/path/to/chromium, install one (Debian: apt-get install chromium), or run `npx playwright install chromium` on a machine with internet.'
);
process.exit(1);
