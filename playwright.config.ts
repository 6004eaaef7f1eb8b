import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './src/lib/server/chromium';
import { SUITE_LIMITS } from './tests/e2e/fixtures/limits';

/** The system Chromium (see scripts/ensure-chromium.js), launched with flags for a closed network. */
const launchOptions = { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS };

const port = Number(process.env.E2E_PORT || 4173);
/** The server's own SQLite file; specs that set up data in it (secrecy) open the same file. */
const database = `data/e2e-${port}.db`;
process.env.DALIL_DB = database;

/**
 * The same build on PostgreSQL: a second server on a fresh database of its own
 * (scripts/e2e-postgres-server.js), on another loopback address so that its cookies are not the
 * first server's. The classes specs (and the *.pg.spec.ts ones) run against it too, in the pg
 * projects; without PostgreSQL that server does not start and the run fails, saying how to get one.
 */
const pgPort = port + 1000;
const pgBaseURL = `http://127.0.0.2:${pgPort}`;
/** Specs that run on PostgreSQL as well (the pg projects). */
const onPostgres = [/class(es|-story)\.spec\.ts$/, /assign(ments)?\.spec\.ts$/, /\.pg\.spec\.ts$/];

/**
 * Specs that open public practice quizzes of named questions (`ids=`). An open or upcoming test
 * keeps its questions, and those that would give them away, out of every public route (issue 13),
 * and the assignment specs (assign, secrecy, review) store such tests on the same articles. So
 * these run first, in projects of their own, before any spec that stores a test.
 */
const publicById = [/reading\.spec\.ts$/, /evidence-keyboard\.spec\.ts$/];

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	fullyParallel: true,
	workers: 2,
	// one retry everywhere, not only where CI is set: on a busy two-core machine a browser can miss
	// a 30 s budget once; a test that fails twice still fails, and a pass on retry is reported as flaky
	retries: 1,
	reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
	timeout: 30_000,
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		trace: 'retain-on-failure',
		launchOptions
	},
	webServer: [
		{
			// The production build, served exactly as `npm start` serves it.
			// On a fresh SQLite database of its own each run (the setup project makes the teacher).
			command: `rm -f ${database}* && npm run build && node scripts/start.js`,
			env: {
				PORT: String(port),
				HOST: '127.0.0.1',
				DALIL_DB: database,
				...SUITE_LIMITS
			},
			url: `http://127.0.0.1:${port}/`,
			reuseExistingServer: !process.env.CI,
			timeout: 240_000
		},
		{
			// started after the first (Playwright starts them in order), so the build is there
			command: 'node scripts/e2e-postgres-server.js',
			env: { PORT: String(pgPort), HOST: '127.0.0.2', ...SUITE_LIMITS },
			url: `${pgBaseURL}/`,
			reuseExistingServer: !process.env.CI,
			timeout: 240_000
		}
	],
	projects: [
		// signs the test teacher in once (tests/e2e/fixtures/teacher.ts)
		{ name: 'setup', testMatch: /\.setup\.ts$/, use: { launchOptions } },
		{
			name: 'js-public',
			testMatch: publicById,
			use: { ...devices['Desktop Chrome'], launchOptions },
			dependencies: ['setup']
		},
		{
			name: 'no-js-public',
			testMatch: publicById,
			use: { ...devices['Desktop Chrome'], launchOptions, javaScriptEnabled: false },
			dependencies: ['setup']
		},
		{
			name: 'js',
			use: { ...devices['Desktop Chrome'], launchOptions },
			testIgnore: [/\.pg\.spec\.ts$/, ...publicById],
			dependencies: ['setup', 'js-public', 'no-js-public']
		},
		{
			name: 'no-js',
			use: { ...devices['Desktop Chrome'], launchOptions, javaScriptEnabled: false },
			testIgnore: [/\.pg\.spec\.ts$/, ...publicById],
			dependencies: ['setup', 'js-public', 'no-js-public']
		},
		// the same teacher on the PostgreSQL server (after setup: they share the session file)
		{
			name: 'pg-setup',
			testMatch: /teacher\.setup\.ts$/,
			use: { launchOptions, baseURL: pgBaseURL },
			dependencies: ['setup']
		},
		{
			name: 'pg-js',
			testMatch: onPostgres,
			use: { ...devices['Desktop Chrome'], launchOptions, baseURL: pgBaseURL },
			dependencies: ['pg-setup']
		},
		{
			name: 'pg-no-js',
			testMatch: onPostgres,
			testIgnore: /\.pg\.spec\.ts$/,
			use: {
				...devices['Desktop Chrome'],
				launchOptions,
				baseURL: pgBaseURL,
				javaScriptEnabled: false
			},
			dependencies: ['pg-setup']
		}
	]
});
