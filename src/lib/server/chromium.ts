/**
 * The system Chromium the browser tests and the Lighthouse bench drive (Playwright cannot download
 * its own browser on these machines; scripts/ensure-chromium.js installs Debian's).
 */
export const CHROMIUM_PATH = process.env.PLAYWRIGHT_CHROMIUM || '/usr/bin/chromium';

/**
 * Flags for a closed network: without the background-networking ones Chromium keeps trying
 * hosts it cannot reach.
 */
export const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
