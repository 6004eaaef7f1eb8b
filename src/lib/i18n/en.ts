/**
 * The interface in English. Declared as `Strings` (the Arabic file's shape), so a key missing here,
 * or one only here, is a compile error.
 */
import type { Strings } from './ar';

export const en: Strings = {
	appName: 'Dalil',
	tagline: 'Reading-comprehension quizzes: every answer proven by the text',
	articles: 'Articles',
	paragraphs: 'paragraphs',
	questions: 'questions',
	language: 'Language',
	source: 'Source',
	date: 'Date',
	attribution: 'Attribution',
	paragraph: 'Paragraph',
	home: 'Home',
	bankCheck: 'Bank check',
	switchLanguage: 'العربية',
	switchLanguageCode: 'ar',
	skipToContent: 'Skip to content',
	failedQuestions: 'Questions that failed the check',
	noFailed: 'Every question is proven by the text.',
	warnings: 'Warnings',
	noArticle: 'No article named “{slug}”.',
	notFound: 'Not found',
	/** the interface language's tag, for lang attributes and choosing what text to show */
	locale: 'en',
	/** a typed answer over the limit; {count} is a plural of counts.characters */
	answerTooLong:
		'This answer is longer than {count}; please shorten it. It was not saved; your other answers were.',
	/** the quiz link's settings by name, for a note on a link gone wrong (no parameter names shown) */
	linkParams: {
		n: 'the number of questions',
		seed: 'the version',
		mode: 'the mode',
		book: 'the text while answering',
		time: 'the time limit',
		difficulty: 'the difficulty',
		paragraphs: 'the paragraphs',
		types: 'the question types',
		skills: 'the skills',
		ids: 'the chosen questions',
		all: 'all',
		none: 'none'
	},
	// the error page and other one-language-at-a-time texts (issue 17)
	errorPage: {
		notFound: 'Page not found',
		notFoundHint: 'The link may have changed or been mistyped.',
		failed: 'Something went wrong',
		failedHint: 'This page could not be shown. Try again in a little while.',
		goHome: 'Go to the home page'
	},
	// the teacher's bank a page at a time (issue 17)
	bankPages: {
		label: 'Pages of questions',
		range: 'Questions {range} of {total}',
		previous: 'Previous',
		next: 'Next',
		page: 'Page {n}'
	}, // a count with its noun, in every plural form (plural.ts picks one)
	counts: {
		questions: {
			zero: '{n} questions',
			one: '{n} question',
			two: '{n} questions',
			few: '{n} questions',
			many: '{n} questions',
			other: '{n} questions'
		},
		paragraphs: {
			zero: '{n} paragraphs',
			one: '{n} paragraph',
			two: '{n} paragraphs',
			few: '{n} paragraphs',
			many: '{n} paragraphs',
			other: '{n} paragraphs'
		},
		minutes: {
			zero: '{n} minutes',
			one: '{n} minute',
			two: '{n} minutes',
			few: '{n} minutes',
			many: '{n} minutes',
			other: '{n} minutes'
		},
		characters: {
			zero: '{n} characters',
			one: '{n} character',
			two: '{n} characters',
			few: '{n} characters',
			many: '{n} characters',
			other: '{n} characters'
		},
		failing: {
			zero: '{n} questions that failed the check',
			one: '{n} question that failed the check',
			two: '{n} questions that failed the check',
			few: '{n} questions that failed the check',
			many: '{n} questions that failed the check',
			other: '{n} questions that failed the check'
		},
		seconds: {
			zero: '{n} seconds',
			one: '{n} second',
			two: '{n} seconds',
			few: '{n} seconds',
			many: '{n} seconds',
			other: '{n} seconds'
		}
	},
	// bank text, export reports and the bank check in the interface language (issue 17)
	bankText: {
		formats: {
			gift: 'Moodle GIFT',
			moodle: 'Moodle XML',
			qti: 'IMS QTI 2.1 (zip)',
			aiken: 'Aiken',
			csv: 'CSV',
			kahoot: 'Kahoot (XLSX)',
			quizlet: 'Quizlet (TXT)',
			json: 'JSON (Dalil)',
			html: 'Worksheet (HTML, print to PDF)'
		},
		exportAs: {
			singleChoice: 'single choice',
			multichoicePartial: 'multichoice (partial credit)',
			oneCardAPair: 'one card a pair',
			flashcard: 'flashcard',
			numerical: 'numerical',
			missingWord: 'missing word (short answer)',
			matchingPartial: 'matching (partial credit)',
			matching: 'matching',
			essay: 'essay',
			fourAnswers: 'four answers',
			twoAnswers: 'two answers',
			extendedText: 'extended text'
		},
		exportNotes: {
			aikenSingleOnly: 'Aiken holds single-choice questions only',
			aikenTooMany: 'Aiken labels choices A–Z: more than 26 choices',
			aikenSpecialLine: 'the question text would read as an Aiken choice or answer line',
			aikenTrueFalse: 'two choices, {true} and {false}',
			aikenNoPlace:
				'Aiken has no place for a passage, comment or attribution; cite it with the quiz: {attribution}',
			moodleGradeList: "{n} correct choices: 100/{n} is not on Moodle's grade list",
			multiPartial:
				"{format}'s multiple-answer question gives partial credit; Dalil scores this one all or nothing",
			csvAttribution: 'attribution: the last column of every row',
			quizletPairs: 'Quizlet cards are pairs already: each pair is a card',
			quizletFlashcard: 'a flashcard shows the answer, not the distractors',
			quizletNoSource:
				"Quizlet cards have no source field; credit it in the set's description: {attribution}",
			giftAttribution: 'attribution: a comment and a description item per article',
			giftNoUnits: 'GIFT has no units: the number is graded without «{unit}»',
			giftOneBlank: '{n} blanks: GIFT holds one blank a question (Moodle XML keeps it as a cloze)',
			giftMissingWord: 'one blank, as a GIFT missing-word question',
			moodleMatchingThree: "Moodle's matching needs at least three answers; this one has two",
			moodleMatchingPerPair: "Moodle's matching gives credit per pair",
			giftNoOrdering: 'GIFT has no ordering: each item is matched to its place (1, 2, …)',
			giftNoEvidence:
				'GIFT cannot mark a phrase in the text: an essay the teacher grades, the evidence in its feedback',
			jsonAttribution: 'attribution: each article’s metadata',
			kahootChoiceOnly: 'Kahoot quizzes hold choice questions only',
			kahootFour: 'Kahoot holds four answers at most',
			kahootQuestionLong: 'the question is {n} characters long; Kahoot takes 120',
			kahootAnswerLong: "the answer «{answer}» is longer than Kahoot's 75 characters",
			kahootDistractorsLeft:
				'Kahoot shows four answers: the distractors beyond them are left out ({n})',
			kahootTrueFalse: '{true} / {false} as a two-answer quiz question',
			kahootNoSource:
				"Kahoot's questions have no place for a source; the sheet names it above the questions, and the kahoot's description should too: {attribution}",
			moodleAttribution:
				'attribution: an XML comment, the category info and a description per article',
			moodleNoOrdering:
				'Moodle XML ordering needs the ordering plugin (core only from 4.4): each item is matched to its place (1, 2, …)',
			moodleNoEvidence:
				'Moodle cannot mark a phrase in the text: an essay the teacher grades, the evidence in the grader information',
			qtiNoEvidence:
				'QTI 2.1 could mark a phrase only with a hottext built from the paragraph; exported as a typed answer the teacher scores, the evidence as its correct response',
			qtiAttribution:
				'attribution: in each item under its paragraph, and with the whole article in the test',
			worksheetVersions: 'copies: {n}, each a version of its own with its own key',
			worksheetAttribution: 'attribution: under each article'
		},
		// the quiz builder on an article page
		builder: {
			more: 'More settings',
			paragraphs: 'Paragraphs (from-to)',
			difficulty: {
				'1-3': 'All levels',
				'1': 'Easy',
				'2': 'Medium',
				'3': 'Hard',
				'1-2': 'Easy and medium',
				'2-3': 'Medium and hard'
			}
		},
		// the bank check's messages on /teacher/check and /teacher (the CLI says them in English)
		check: {
			unknownParagraph: 'unknown paragraph {id} (the article has p1–{last})',
			quoteNotFound: 'evidence quote not found in {paragraphs}: «{quote}»',
			quoteNotFoundNear:
				'evidence quote not found in {paragraphs}: «{quote}»; nearest passage in {near}: «{nearText}»',
			keyNotInEvidence: '«{key}» is not in the evidence',
			keyNotInEvidenceProof:
				'«{key}» is not in the evidence; add `proof`: the words of the evidence',
			unknownUnit: 'unknown unit «{unit}»',
			valueNotInEvidence: 'the value {value} is not in the evidence',
			clozeNotFound: 'the cloze text (blanks filled) is not in {paragraphs}: «{quote}»',
			clozeNotFoundNear:
				'the cloze text (blanks filled) is not in {paragraphs}: «{quote}»; nearest passage in {near}: «{nearText}»',
			distractorIsKey: 'the distractor «{option}» is the same as a correct answer',
			optionTwice: 'the option «{option}» is listed twice',
			duplicateAccept: 'the accepted form «{form}» is a duplicate of «{first}»',
			markupInKey: 'markup in the key «{key}»',
			straySpaces: 'stray spaces in the key «{key}»',
			ambiguous: 'the answer «{key}» also stands in {paragraphs}: is the question ambiguous?',
			duplicateId: 'duplicate id {id} (first at {where})',
			followsMissing: 'follows {id}, which is not a question of this article',
			other: 'a mistake at this place in the file:'
		},
		// the item-writing check's rules, each with what to do
		itemRules: {
			'key-longest':
				'the correct choice is the longest option by far: students pick it without reading; shorten it or lengthen the distractors',
			'key-longest-share':
				"across this article the key is the longest option more often than chance: vary the options' lengths",
			'verbatim-key':
				'only the key copies the text word for word: paraphrase it, or take a distractor from the text too',
			'same-meaning': 'two options say the same thing: change one',
			'all-none':
				'an "all of the above" or "none of the above" option: replace it with a real answer',
			leak: "this question's answer stands in another question of the article: change one, or give both the same `fact`",
			'near-duplicate-prompt':
				'the prompt is nearly that of another question: ask something else, or give both the same `fact`',
			'evidence-longer':
				'the evidence quote is long: add a `core`, the shortest phrase that proves the answer',
			'difficulty-type':
				'the difficulty is out of line with what this type asks of the student: change it'
		}
	},

	// refusals of malformed or too frequent requests (issue 18), answered before any route runs
	refusal: {
		unknownAction: 'This page has no action by that name.',
		unreadableForm: 'The form sent could not be read: send it from the page itself.',
		tooMany: 'Too many requests in a short time. Wait a little, then try again.',
		malformedAddress: 'This address is malformed: it could not be read.'
	},
	// the page the service worker shows for a page it cannot fetch offline (issue 17)
	offline: {
		title: 'You are offline',
		body: 'This page needs the network, and this device has no copy of it.',
		study: 'Self-study works without the network:',
		studyLink: 'practise on this device',
		retry: 'When the connection is back, reload the page.'
	},
	// importing a progress file on /study: what was refused and why (issue 18)
	progressImport: {
		refusedRecords: 'Records refused:',
		more: 'and {n} more',
		reasons: {
			key: 'its name is not a question of Dalil',
			future: 'dated in the future',
			range: 'a value out of range',
			counts: 'more right answers than attempts',
			invalid: 'damaged'
		},
		quota:
			'This device’s storage is full: the import was not saved and your progress is unchanged. Free some space (or export and clear other sites’ data) and try again.',
		storage: 'This browser refused to store the progress; your progress is unchanged.',
		failed: 'The file could not be imported; your progress is unchanged.'
	},
	// self-study: progress on the device, spaced review, offline (issue 6)
	study: {
		nav: 'Study',
		title: 'Self-study',
		intro:
			'Practise the articles’ questions on your own. Your progress stays on this device; what you miss comes back soon, what you know comes back later.',
		needsJs:
			'Self-study keeps your progress and grades your answers in your browser, so it needs JavaScript. Without it, take a practice quiz graded by the server:',
		practiceQuiz: 'Practice quiz',
		loading: 'Loading…',
		allArticles: 'All articles',
		due: 'Due now',
		new: 'New',
		seen: 'Practised',
		startDue: 'Review what is due',
		startNew: 'Start new questions',
		nothingDue: 'Nothing is due for review now.',
		nextDue: 'Next review:',
		mastery: 'Mastery map',
		masteryHint:
			'Each paragraph is shaded by how well you know its questions: the weakest need rereading. Click a paragraph to practise it.',
		levels: {
			none: 'no questions',
			unseen: 'not practised',
			weak: 'weak',
			fair: 'fair',
			strong: 'known'
		},
		known: 'known',
		practiseParagraph: 'Practise this paragraph',
		progressFile: 'Progress file',
		progressFileHint:
			'Export your progress to a file to take it to another device, and import it there. Importing keeps the latest practice of each question.',
		exportProgress: 'Export progress',
		importProgress: 'Import a progress file',
		imported: 'Progress imported. Records taken from the file:',
		refused: 'The file was refused; your progress is unchanged.',
		problems: {
			'too-big': 'The file is too large to be a progress file.',
			'not-json': 'The file is damaged: it is not valid JSON.',
			foreign: 'This is not a Dalil progress file.',
			newer: 'This file comes from a newer version of Dalil.',
			damaged: 'The file is damaged:'
		},
		recovered:
			'The progress stored on this device could not be read; a copy was kept aside and you start afresh.',
		offlineReady: 'Ready to practise offline.',
		offline: 'You are offline. Practice goes on and your progress is kept on this device.',
		unavailable: 'Could not load these articles’ questions (offline and not cached yet):',
		session: {
			due: 'Review',
			new: 'New questions',
			paragraph: 'Practise a paragraph'
		},
		progressOf: 'of',
		check: 'Check',
		next: 'Next',
		verdicts: { correct: 'Correct', partial: 'Partly correct', wrong: 'Wrong' },
		expected: 'Answer:',
		reread: 'Reread the paragraph',
		rereadHint:
			'The evidence is highlighted in the text. Read it, then go on; this question comes back later, in a harder form where there is one.',
		rereadDone: 'I have reread it, go on',
		harder: 'The same fact, in a harder form',
		done: 'Session finished',
		answered: 'Answered',
		right: 'right',
		empty: 'No questions in this session.',
		back: 'Back to self-study',
		map: 'Mastery map',
		answerFirst: 'Answer first, then check.',
		notSaved:
			'Progress could not be saved on this device (storage full or disabled). Export your progress to keep it.'
	},
	// teacher: bank browser and exports (issue 5)
	teacher: 'Teacher',
	teacherBank: 'Question bank',
	filters: 'Filters',
	filterArticle: 'Article',
	filterType: 'Type',
	filterSkill: 'Skill',
	filterDifficulty: 'Difficulty',
	filterTag: 'Tag',
	search: 'Search',
	searchHint: 'a word of the question, answer or evidence',
	any: 'Any',
	applyFilters: 'Apply filters',
	clearFilters: 'Clear filters',
	shown: 'shown',
	selected: 'selected',
	selectQuestion: 'Select question',
	saveSelection: 'Save selection',
	selectAllShown: 'Select all shown',
	unselectShown: 'Unselect shown',
	clearSelection: 'Clear selection',
	selectionTooLarge: 'The selection is too large to remember; export with filters instead.',
	answerKey: 'Answer key',
	examples: "Students' answers, as the grader must mark them",
	verdictNames: { correct: 'correct', partial: 'partial', wrong: 'wrong' },
	evidence: 'Evidence',
	explanation: 'Explanation',
	tags: 'Tags',
	exportTitle: 'Export questions',
	exportFormat: 'Format',
	exportSelection: 'Export selection',
	exportSeed:
		'Name of the versions (a different version per student; the same name gives the same versions)',
	exportCopies: 'Copies',
	download: 'Download',
	openWorksheet: 'Open the printable worksheet',
	exported: 'Exported',
	converted: 'Converted',
	omitted: 'Left out',
	notes: 'Notes',
	nothingSelected: 'No question selected yet.',
	noMatch: 'No question matches the filters.',
	badQuery:
		'These settings in the address cannot be used: {fields}. Clear the filters and try again.',
	backToBank: 'Back to the question bank',
	failedHint: 'These questions stay out of quizzes until they are fixed:',
	typeNames: {
		single: 'Single choice',
		multiple: 'Multiple choice',
		truefalse: 'True or false',
		short: 'Short answer',
		numeric: 'Numeric',
		cloze: 'Fill in the blanks',
		matching: 'Matching',
		ordering: 'Ordering',
		evidence: 'Find the evidence'
	},
	skillNames: {
		who: 'Who',
		what: 'What',
		where: 'Where',
		when: 'When',
		quantity: 'How many',
		direction: 'Direction',
		quote: 'Who said it',
		vocabulary: 'Vocabulary',
		inference: 'Inference'
	},
	// true or false and the questions' heading: quizzes, results, exports and worksheets; the rest
	// inside exports and worksheets, in the article's language
	answerTrue: 'True',
	answerFalse: 'False',
	wsName: 'Name',
	wsVersion: 'Version',
	questionsHeading: 'Questions',
	wsChooseAll: 'Choose all that apply.',
	wsCorrectIt: 'If the statement is false, correct it:',
	wsMatch: 'Write the letter of the match beside each item.',
	wsOrder: 'Put them in order: write a number in each box.',
	wsEvidence: 'Copy the words of the text that show it.',
	wsUnit: 'Unit',
	wsPrint: 'Print',
	// the quiz pages (issue 4)
	quiz: {
		title: 'Quiz',
		practice: 'Practice',
		test: 'Test',
		mode: 'Mode',
		question: 'Question',
		check: 'Check',
		save: 'Save answers',
		saved: 'Your answers are saved.',
		submit: 'Submit the test',
		submitOnce: 'A test is submitted once; the right answers show only after that.',
		finish: 'Finish and see results',
		start: 'Start the test',
		timeLimit: 'Time limit: {duration}',
		timeLeft: 'Time left',
		timeUp: 'Time is up.',
		text: 'The text',
		showText: 'Show the text',
		closedBook: 'Closed book: answer from memory.',
		correct: 'Correct',
		partial: 'Partly right',
		wrong: 'Wrong',
		unanswered: 'Not answered',
		yourAnswer: 'Your answer',
		expected: 'Expected',
		evidenceIn: 'Evidence in paragraph {n}',
		results: 'Results',
		score: 'Score',
		timeTaken: 'Time taken',
		minutesSeconds: '{minutes} {seconds}',
		bySkill: 'By skill',
		retryMissed: 'Retry the ones I missed',
		newVariant: 'Another variant',
		allCorrect: 'Well done: every answer is right.',
		// the grader is unsure of a verdict (issue 15)
		unsure: 'Unsure: the grader is not certain of this verdict, and your teacher may review it.',
		noteParam: 'Could not use «{given}» for {param}; used «{used}» instead.',
		noteFewer: 'Only {count} matched the filters.',
		noteNone:
			'No question matches the filters, so the quiz takes questions from the whole article.',
		noteMissing: 'Some of the questions asked for are no longer in the bank.',
		noQuestions: 'This article has no questions yet.',
		problemOption: 'This answer is not one of the options shown.',
		problemMalformed: 'This answer could not be read.',
		noSeed: 'This quiz link is incomplete: open it again.',
		notStarted: 'This test has not been started: start it first.',
		testChecked: 'A test is marked when it is submitted, not question by question.',
		badPost: 'Some answers could not be read: see the messages at the questions.',
		chooseAll: 'Choose all that apply.',
		typeAnswer: 'Your answer',
		numberHint: 'Type the number and its unit, e.g. 120 km',
		blank: 'Blank {n}',
		choose: 'Choose…',
		position: 'Position',
		orderHint: "Put them in order: choose each item's number.",
		evidenceHint:
			'Mark the words of the phrase that shows the answer, from its first word to its last.',
		builder: 'Make a quiz',
		count: 'Number of questions',
		seed: 'Variant (seed)',
		seedHint: 'leave empty for a new variant',
		paragraphsFrom: 'From paragraph',
		paragraphsTo: 'to paragraph',
		difficultyFrom: 'Difficulty from',
		difficultyTo: 'to',
		book: 'The text while answering',
		openBook: 'Shown (open book)',
		closedBookShort: 'Hidden (closed book)',
		minutes: 'Time limit in minutes (0: none; test mode only)',
		make: 'Make the quiz',
		answered: '{n} of {m} answered',
		resultsGone: 'These results are no longer kept.',
		late: 'Submitted after the time limit.',
		// anonymous attempts in the database, timed self-tests (helper infra, issues 13 and 18)
		timeOver:
			'Time is up (the time limit and its 30 seconds’ grace are over): these answers were not saved, your saved answers stay as they were. Submit the test now; it will be marked late.',
		addressFull:
			'Too many quizzes were started from this network today. Try again tomorrow, or take your class’s assignments.',
		// the quiz page polished (helper quiz, issue 17)
		answerFirst: 'Answer first, then check.',
		orderDrag: 'You can also drag an item into place.',
		problemDuplicate: 'Two items have the same number: give each item a different number.',
		evidencePhrase: 'Marked phrase: «{phrase}»',
		evidenceKeys:
			'Arrow keys move between words, Space marks a word, Shift with an arrow extends the phrase.',
		// no jargon, options marked, offline posts (helper polish17, issue 17)
		versionOf: 'Version {n} of this quiz',
		shareExact: 'Share this exact quiz',
		shareHint: 'the same questions in the same order, for everyone who opens the link',
		optionRight: 'Right answer',
		offline:
			'You are offline: your answers were not sent. They are still on this page; try again when the connection is back.'
	},
	// a student's assignments: taking one, their results, their home (helper pages-student, issue 13)
	work: {
		attempt: 'Attempt {n}',
		yourAttempts: 'Your attempts',
		seeResults: 'See the results',
		opensAt: 'Opens',
		closesAt: 'Closes',
		noClose: 'Open until your teacher closes it',
		kind: { practice: 'Practice', test: 'Test' },
		minutes: {
			zero: 'no time limit',
			one: 'one minute',
			two: 'two minutes',
			few: '{n} minutes',
			many: '{n} minutes',
			other: '{n} minutes'
		},
		timeLimit: 'Time limit',
		attemptsAllowed: 'Attempts allowed',
		lateRule: {
			refuse: 'After the deadline, answers are not taken.',
			mark: 'After the deadline, answers are taken and marked late.'
		},
		clockStarts: 'The clock starts when you press “Start” and does not stop.',
		startAgain: 'Start another attempt',
		notSubmittedYet: 'not submitted',
		lateMark: 'late',
		backToAssignment: 'Back to the assignment',
		yourAnswer: 'Your answer',
		teacherNote: 'Your teacher’s note',
		scoreOnly: 'Your teacher shows the score only.',
		whenReleased: {
			'after-submission': 'Your answers with the key show here once you submit.',
			'after-close': 'Your answers and your score show here after the assignment closes.',
			never: 'Your teacher keeps the results of this assignment.'
		},
		noAssignments: 'No assignments in this class yet.',
		nothingHere: 'Nothing here.',
		take: 'Start',
		resume: 'Continue',
		results: 'Results',
		scoreOf: '{score} of {total}'
	},
	// classes and accounts (issue 13)
	classes: {
		nav: 'Classes',
		studentNav: 'My classes',
		signInTitle: 'Teacher sign-in',
		email: 'E-mail',
		password: 'Password',
		teacherName: 'Your name',
		signIn: 'Sign in',
		signOut: 'Sign out',
		signedInAs: 'Signed in as',
		firstTeacherTitle: 'Create the first teacher account',
		firstTeacherHint:
			'This Dalil has no account yet. The account you create now is the first; after it, sign-up is closed except by a teacher’s invitation.',
		signUpTitle: 'Create a teacher account',
		signUp: 'Create the account',
		passwordHint: 'at least 8 characters',
		signUpClosed:
			'Sign-up is closed. Ask a colleague for an invitation link, or sign in if you have an account.',
		haveAccount: 'Have an account? Sign in',
		wrongPassword: 'Wrong e-mail or password.',
		emailTaken: 'An account with this e-mail exists already.',
		title: 'Classes',
		newClass: 'New class',
		className: 'Name of the class',
		create: 'Create the class',
		noClasses: 'No classes yet.',
		studentsCount: 'Students',
		joinCode: 'Join code',
		joinLink: 'Join link',
		joinHint:
			'Students open this link, or the “Join a class” page and type the code, then give their names.',
		roster: 'Roster',
		noStudents: 'Nobody has joined yet.',
		studentName: 'Student’s name',
		joinedAt: 'Joined',
		rename: 'Rename',
		renamed: 'Renamed.',
		remove: 'Remove from the class',
		removed: 'Student removed. Their work is kept.',
		reentry: 'Personal re-entry link',
		reentryHint:
			'Give this link to this student only: it opens their classes on a new device, once, within 7 days.',
		invite: 'Invite a colleague',
		inviteHint: 'A link that lets one colleague create a teacher account, once, within 14 days.',
		inviteMake: 'Make an invitation link',
		back: 'All classes',
		joinTitle: 'Join a class',
		code: 'Join code',
		codeHint: '6 characters your teacher gives you',
		yourName: 'Your name',
		join: 'Join',
		unknownCode: 'No class has this code. Check it with your teacher.',
		homeTitle: 'My classes',
		notJoined: 'You have not joined a class on this device yet.',
		joinAnother: 'Join another class',
		youAre: 'Your name in the class:',
		reenterTitle: 'Continue on this device',
		reenterAs: 'You will continue as',
		reenterIn: 'in the class',
		reenterButton: 'Continue',
		reenterInvalid: 'This link is no longer valid. Ask your teacher for a new one.',
		tooMany: 'Too many attempts in a short time. Try again {when}.',
		inMinutes: {
			zero: 'in a moment',
			one: 'in a minute',
			two: 'in {n} minutes',
			few: 'in {n} minutes',
			many: 'in {n} minutes',
			other: 'in {n} minutes'
		},
		errors: {
			required: 'This field is required.',
			tooLong: 'The text is longer than allowed.',
			badCode: 'The code is 6 letters and digits, as on the card.',
			badEmail: 'This is not a valid e-mail address.',
			shortPassword: 'The password is too short: at least 8 characters.',
			notFound: 'There is no class or student with this id.'
		}
	},
	// the teacher's side of assignments: the assign form, the class's list, results (issue 13)
	teacherAssign: {
		formTitle: 'Assign a quiz to {class}',
		backToClass: 'Back to the class',
		chooseArticle: 'Choose an article',
		paragraphsCount: {
			zero: '{n} paragraphs',
			one: '1 paragraph',
			two: '{n} paragraphs',
			few: '{n} paragraphs',
			many: '{n} paragraphs',
			other: '{n} paragraphs'
		},
		opensHint: 'empty: now',
		timeZone: 'These times are in',
		more: 'More settings: question types, skills, paragraphs, attempts, lateness, variants',
		paragraphsHint: 'empty: the whole article',
		notSaved: 'The assignment was not saved: see the marked fields.',
		unknownArticle: 'There is no such article in the bank.',
		assigned: 'Assigned: {title}.',
		status: 'State',
		schedules: { upcoming: 'Not open yet', open: 'Open', closed: 'Closed' },
		opens: 'Opens',
		closes: 'Closes',
		noClose: 'when you close it',
		kind: 'Kind',
		resultsOf: 'Results: {title}',
		class: 'Class',
		review: 'Review typed answers',
		audit: 'Audit log',
		noStudents: 'Nobody is in the class yet.',
		question: 'Q{n}',
		questionTitle: 'Question {n}',
		verdictLegend: 'Key:',
		verdictMarks: {
			correct: 'correct',
			partial: 'partly correct',
			wrong: 'wrong',
			unanswered: 'not answered',
			none: 'not asked'
		},
		attempts: 'Attempts',
		answersCount: {
			zero: 'no answers',
			one: '1 answer',
			two: '{n} answers',
			few: '{n} answers',
			many: '{n} answers',
			other: '{n} answers'
		},
		masteryState: 'mean score {score}%',
		masteryLevels: {
			none: 'no questions',
			unseen: 'not answered',
			weak: 'weak',
			fair: 'fair',
			strong: 'strong'
		},
		itemsIntro:
			'Facility: the share who got the question fully right. Discrimination: how well it separates students who did well on the rest from those who did not (point-biserial, −1 to 1; below 0.2 is weak). Upper − lower: the mean score of the best 27% minus that of the weakest 27%.',
		prompt: 'Question',
		type: 'Type',
		answered: 'Answered',
		upperLower: 'Upper − lower',
		option: 'Option',
		chosen: 'Chosen',
		key: 'the key',
		noFigure: '—',
		percentValue: '{n}%',
		scroll: 'The table scrolls sideways.',
		fewerQuestions:
			'These settings leave {count} in the article: ask for fewer, or tick more types, skills or paragraphs.'
	},
	// assignments: a teacher gives a class a quiz; results and grades (issue 13)
	assign: {
		assign: 'Assign a quiz',
		assignments: 'Assignments',
		none: 'No assignments yet.',
		title: 'Title',
		article: 'Article',
		count: 'Number of questions',
		types: 'Question types (none ticked: all)',
		skills: 'Skills (none ticked: all)',
		paragraphFrom: 'From paragraph',
		paragraphTo: 'to paragraph',
		mode: 'Kind',
		modes: { practice: 'Practice (answers shown as they go)', test: 'Test' },
		timeLimit: 'Time limit in minutes (0: none)',
		opensAt: 'Opens',
		closesAt: 'Closes (empty: open until you close it)',
		attemptsAllowed: 'Attempts allowed',
		latePolicy: 'After the deadline',
		lates: { refuse: 'Refuse answers', mark: 'Take them, marked late' },
		grace: 'Grace after the deadline, in seconds',
		release: 'Students see their results',
		releases: {
			never: 'Never',
			'after-submission': 'After they submit',
			'after-close': 'After it closes'
		},
		show: 'What they see',
		shows: { score: 'Their score only', answers: 'Their answers with the key and the evidence' },
		variant: 'Questions',
		variants: {
			shared: 'The same for everyone',
			'per-student': 'A variant per student'
		},
		create: 'Assign',
		created: 'Assigned.',
		problems: {
			required: 'Please fill this in.',
			invalid: 'This value cannot be used.',
			'too-long': 'This value is too long.',
			'closes-before-opens': 'It must close after it opens.'
		},
		statuses: {
			upcoming: 'Not open yet',
			'to-do': 'To do',
			'in-progress': 'In progress',
			done: 'Done',
			overdue: 'Overdue'
		},
		results: 'Results',
		student: 'Student',
		score: 'Score',
		percent: 'Percent',
		time: 'Time taken',
		submittedAt: 'Submitted at',
		late: 'Late',
		lateMark: 'late',
		notSubmitted: 'Not submitted',
		submitted: '{n} of {m} submitted',
		grid: 'Answers by question',
		mastery: 'The class by paragraph',
		masteryLine: 'mean score {score}% over {n} answers',
		items: 'Questions',
		facility: 'Facility',
		discrimination: 'Discrimination',
		optionShares: 'Options chosen',
		grades: 'Download grades (CSV)',
		open: 'Open',
		start: 'Start',
		resume: 'Continue',
		save: 'Save answers',
		saved: 'Your answers are saved.',
		submit: 'Submit',
		submitOnce: 'You can submit once; after that nothing changes.',
		submittedDone: 'Submitted. Thank you.',
		alreadySubmitted: 'This attempt was submitted already; nothing changed.',
		tooLate:
			'The time is over: the answers saved before the deadline were submitted, later ones were not.',
		takenLate: 'Submitted after the deadline: marked late.',
		deadline: 'Deadline',
		refusals: {
			upcoming: 'This assignment is not open yet.',
			closed: 'This assignment is closed.',
			'no-attempts-left': 'You have used every attempt allowed.'
		},
		notReleased: 'Your teacher has not released the results yet.',
		attemptsLeft: 'Attempts left: {n}',
		badRequest: 'The form could not be read.',
		notFound: 'There is no such assignment.',
		selfTest:
			'A self-test: nobody else sees it and it is not an assignment. Your teacher gives graded tests through your class.'
	},
	// the teacher's review: answer groups, overrides, regrading, audit, item flags (issue 14)
	review: {
		title: 'Review answers',
		intro:
			'Typed answers in groups: answers that are the same once normalized are one group. Those the grader was unsure of come first. Your verdict applies to every student of the group.',
		none: 'No typed answers submitted yet.',
		question: 'Question',
		answer: 'Answer',
		students: {
			zero: 'no students',
			one: '1 student',
			two: '{n} students',
			few: '{n} students',
			many: '{n} students',
			other: '{n} students'
		},
		grader: 'Grader’s verdict',
		rule: 'Rule',
		unsure: 'asks for review',
		mixed: 'the group’s answers were graded differently',
		teacher: 'Your verdict',
		partly:
			'Your verdict applies to only some answers of the group (others came later): decide again',
		markCorrect: 'Correct',
		markPartial: 'Partly correct',
		markWrong: 'Wrong',
		score: 'Partial score (between 0 and 1)',
		note: 'Note (optional)',
		undo: 'Undo',
		colleagues: {
			zero: '',
			one: '1 colleague marked this {verdict}',
			two: '{n} colleagues marked this {verdict}',
			few: '{n} colleagues marked this {verdict}',
			many: '{n} colleagues marked this {verdict}',
			other: '{n} colleagues marked this {verdict}'
		},
		applied: 'Decided for {answers} answers; {changed} students’ scores changed.',
		undone: 'Undone; {changed} students’ scores changed.',
		noGroup: 'This group no longer exists; the page was reloaded.',
		badScore: 'A partial score is a number above 0 and below 1.',
		badForm: 'The form could not be read.',
		regrade: 'Regrade',
		regradeHint:
			'After the bank or the grader changed: every submitted attempt is graded again; your verdicts stay.',
		regraded: '{attempts} attempts regraded; your verdict kept on {overridden} answers.',
		noChange: 'No score changed.',
		changedScores: 'Scores that changed',
		before: 'Before',
		after: 'After',
		change: 'Change',
		noArticle: 'This assignment’s article is no longer in the bank: it cannot be regraded.',
		audit: 'Change log',
		auditEmpty: 'No changes yet.',
		when: 'When',
		who: 'Who',
		what: 'What',
		actions: {
			'override.apply': 'decided on a group',
			'override.undo': 'undid a verdict',
			'assignment.regrade': 'regraded'
		},
		grader_: 'the grader',
		system: 'the system (command line)',
		back: 'Back to the review',
		reviewedByTeacher: 'reviewed by your teacher',
		flags: 'Item analysis',
		flagNames: {
			'negative-discrimination':
				'negative discrimination: stronger readers get it wrong more ({value})',
			'low-discrimination': 'discrimination near zero ({value})',
			'likely-wrong-key': 'the top third chose «{option}» more than the key: the key may be wrong',
			'unused-option': 'nobody chose «{option}»',
			'too-easy': 'nearly everyone got it right ({value})',
			'too-hard': 'nearly everyone got it wrong ({value})',
			'narrow-key': 'many answers overridden ({value}): the key accepts too little'
		},
		// "assessment only" on the bank page (issue 13): kept for assigned tests, never for practice
		assessmentOnly: {
			title: 'Assessment only',
			hint: 'An article or question kept for assessment only is for the tests teachers assign: practice links and self-study never show it. Any signed-in teacher may mark or unmark one (the bank is the school’s); what the bank file marks stays.',
			inBank: 'assessment only (in the bank)',
			byTeacher: 'assessment only, marked by {name}',
			byFormer: 'assessment only, marked by a former teacher',
			byArticle: 'its article is for assessment only',
			open: 'open to practice',
			mark: 'Keep for assessment only',
			unmark: 'Open to practice again',
			unknown: 'There is no such article or question in the bank.'
		}
	}
};
