import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './src/lib/server/chromium';

/** The system Chromium (see scripts/ensure-chromium.js), launched with flags for a closed network. */
const launchOptions = { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS };

const port = Number(process.env.E2E_PORT || 4173);
/** The server's own SQLite file; specs that set up data in it (secrecy) open the same file. */
const database = `data/e2e-${port}.db`;
process.env.DALIL_DB = database;

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	fullyParallel: true,
	workers: 2,
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
	timeout: 30_000,
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		trace: 'retain-on-failure',
		launchOptions
	},
	webServer: {
		// The production build, served exactly as `npm start` serves it.
		// On a fresh SQLite database of its own each run (the setup project makes the teacher).
		command: `rm -f ${database}* && npm run build && node scripts/start.js`,
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			DALIL_DB: database,
			// every test joins from 127.0.0.1: the join limit is for strangers, not for the suite
			DALIL_JOIN_LIMIT: '100000',
			// the same for the quiz's limits (per address and minute, and starts per address and day)
			DALIL_QUIZ_START_LIMIT: '100000',
			DALIL_QUIZ_SAVE_LIMIT: '100000',
			DALIL_QUIZ_CHECK_LIMIT: '100000',
			DALIL_QUIZ_SUBMIT_LIMIT: '100000',
			DALIL_QUIZ_ADDRESS_LIMIT: '1000000'
		},
		url: `http://127.0.0.1:${port}/`,
		reuseExistingServer: !process.env.CI,
		timeout: 240_000
	},
	projects: [
		// signs the test teacher in once (tests/e2e/fixtures/teacher.ts)
		{ name: 'setup', testMatch: /\.setup\.ts$/, use: { launchOptions } },
		{
			name: 'js',
			use: { ...devices['Desktop Chrome'], launchOptions },
			dependencies: ['setup']
		},
		{
			name: 'no-js',
			use: { ...devices['Desktop Chrome'], launchOptions, javaScriptEnabled: false },
			dependencies: ['setup']
		}
	]
});
