/**
 * The quiz page's only JavaScript, inlined in the page as a classic script (see vite.config.ts,
 * `?iife`). The page is rendered on the server and works without any script (`csr = false`);
 * this adds what a script is needed for:
 *
 * - "Save" and a practice "Check" post in the background and show the page the server answers
 *   (the same page a browser without JavaScript gets), without reloading: focus, scroll and the
 *   text panel stay as they were;
 * - answers are saved as the student types, so a lost tab keeps them;
 * - a timed test counts down and submits itself at the deadline;
 * - ordering items move as their positions change, and can be dragged.
 *
 * Everything listens on the document, so the markup a post brings back needs no setting up again
 * (except the countdown, restarted after each swap). Kept small on purpose: it is all the page
 * loads, and Svelte's and Kit's runtimes are not among it.
 */
import { moveItem } from '../quiz/fields';
import { clockLeft } from '../quiz/format';

/** The form of the quiz: its action is the `save` action, its buttons name the others. */
const FORM = 'form[data-quiz]';
/** Wait after the last keystroke before saving in the background. */
const AUTOSAVE_MS = 800;

let saving: ReturnType<typeof setTimeout> | undefined;
let busy = false;

function quizForm(): HTMLFormElement | null {
	return document.querySelector<HTMLFormElement>(FORM);
}

/** The form's fields as a browser would post them (urlencoded), with the button pressed. */
function body(form: HTMLFormElement, submitter?: HTMLElement | null): URLSearchParams {
	return new URLSearchParams(
		new FormData(form, submitter ?? undefined) as unknown as Record<string, string>
	);
}

/** Saves in the background; the answer (JSON, since Kit is asked for an action result) is unread. */
function autosave(form: HTMLFormElement) {
	clearTimeout(saving);
	saving = setTimeout(() => {
		if (busy) return;
		fetch(form.action, {
			method: 'POST',
			body: body(form),
			headers: { 'x-sveltekit-action': 'true' }
		}).catch(() => undefined);
	}, AUTOSAVE_MS);
}

/** A selector that finds `el` again in the page a post brings back. */
function locator(el: Element | null): string | null {
	if (!(el instanceof HTMLElement) || el === document.body) return null;
	if (el.id) return `#${CSS.escape(el.id)}`;
	const name = el.getAttribute('name');
	if (!name) return null;
	// a typed answer's value attribute is the one it was rendered with: the name alone finds it
	const one =
		el instanceof HTMLButtonElement ||
		(el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox'));
	const value = one && el.getAttribute('value');
	return `[name="${CSS.escape(name)}"]${value ? `[value="${CSS.escape(value)}"]` : ''}`;
}

/**
 * Shows the page the server answered in place of this one: the new `<main>` and the styles it
 * brings, with the text panel left open or shut as it was and the focus where it was.
 */
function swap(html: string) {
	const next = new DOMParser().parseFromString(html, 'text/html');
	const main = document.querySelector('main');
	const nextMain = next.querySelector('main');
	if (!main || !nextMain) return false;
	const focused = locator(document.activeElement);
	const open = [...main.querySelectorAll('details')].map((d) => d.open);
	// Styles that come with what the page now shows (a verdict's, injected by the server)
	for (const style of next.head.querySelectorAll('style[id]')) {
		if (!document.getElementById(style.id)) document.head.append(style);
	}
	main.replaceChildren(...nextMain.childNodes);
	main.querySelectorAll('details').forEach((d, i) => {
		if (i < open.length) d.open = open[i];
	});
	document.title = next.title;
	if (focused) main.querySelector<HTMLElement>(focused)?.focus({ preventScroll: true });
	countdown();
	return true;
}

/**
 * Says `text` to screen readers. A status that arrives inside markup swapped in is not reliably
 * read out (a live region must be in the page before its text changes): this one stays.
 */
let live: HTMLElement | undefined;
function announce(text: string) {
	if (!live) {
		live = document.createElement('p');
		live.className = 'visually-hidden';
		live.setAttribute('role', 'status');
		live.id = 'quiz-announcer';
		document.body.append(live);
	}
	live.textContent = text.replace(/\s+/g, ' ').trim();
}

/** Posts a save or a check in the background; anything unexpected falls back to a plain post. */
async function post(form: HTMLFormElement, action: string, submitter: HTMLElement | null) {
	clearTimeout(saving);
	busy = true;
	form.setAttribute('aria-busy', 'true');
	try {
		const r = await fetch(action, {
			method: 'POST',
			body: body(form, submitter),
			// a page, as a browser's own post gets (Kit answers `*/*` with an action result)
			headers: { accept: 'text/html' }
		});
		// e.g. a test already submitted elsewhere: the server sends the results page
		if (r.redirected) return location.assign(r.url);
		if (!swap(await r.text())) throw new Error('no page');
		const checked = submitter?.getAttribute('name') === '_check' && submitter.getAttribute('value');
		const feedback = checked
			? document.getElementById(`q-${checked}`)?.querySelector('.feedback')
			: undefined;
		feedback?.scrollIntoView({ block: 'nearest' });
		// What the post changed, said once: the verdict, or the page's own message (saved, refused)
		const message = feedback
			? feedback.querySelector('.verdict')
			: document.querySelector('main [role="alert"], main [role="status"]');
		announce(message?.textContent ?? '');
	} catch {
		form.setAttribute('data-plain', '');
		form.requestSubmit(submitter as HTMLButtonElement | null);
	} finally {
		busy = false;
		quizForm()?.removeAttribute('aria-busy');
	}
}

/** The countdown of a timed test; at zero the test submits itself (once). */
let ticking: ReturnType<typeof setInterval> | undefined;
function countdown() {
	clearInterval(ticking);
	const timer = document.querySelector<HTMLElement>('[data-deadline]');
	if (!timer) return;
	const deadline = Number(timer.dataset.deadline);
	const tick = () => {
		const left = clockLeft(deadline, Date.now());
		const [label, clock] = timer.querySelectorAll('span, bdi');
		clock.textContent = left.text;
		if (left.seconds > 0) return;
		label.textContent = timer.dataset.timeUp ?? '';
		clearInterval(ticking);
		const form = quizForm();
		form?.requestSubmit(form.querySelector<HTMLButtonElement>('button[data-submit]'));
	};
	tick();
	ticking = setInterval(tick, 1000);
}

/** Puts an ordering item at a position and numbers every item, so positions stay distinct. */
function move(li: HTMLElement, to: number) {
	const list = li.parentElement!;
	const items = [...list.children] as HTMLElement[];
	const focused = document.activeElement as HTMLElement | null;
	moveItem(items, li, to || items.length).forEach((item, i) => {
		list.append(item);
		item.querySelector('select')!.value = String(i + 1);
	});
	// moving an element in the document takes the focus from it
	if (focused && list.contains(focused)) focused.focus();
	const form = li.closest<HTMLFormElement>(FORM);
	if (form) autosave(form);
}

document.addEventListener('submit', (e) => {
	const form = e.target as HTMLFormElement;
	if (!form.matches(FORM) || form.hasAttribute('data-plain')) return;
	const button = e.submitter;
	const action =
		button?.hasAttribute('formaction') && button instanceof HTMLButtonElement
			? button.formAction
			: form.action;
	// Saving and checking stay on the page; submitting goes to the results, as a plain post does.
	if (!/&\/(save|check)$/.test(action)) return;
	e.preventDefault();
	if (!busy) void post(form, action, button);
});

document.addEventListener('input', (e) => {
	const form = (e.target as Element).closest<HTMLFormElement>(FORM);
	if (form) autosave(form);
});

document.addEventListener('change', (e) => {
	const select = e.target as HTMLSelectElement;
	const li = select.closest<HTMLElement>('.order li');
	if (li && select.matches('select')) move(li, Number(select.value));
});

let dragged: HTMLElement | null = null;
document.addEventListener('dragstart', (e) => {
	dragged = (e.target as Element).closest?.('.order li') ?? null;
	e.dataTransfer?.setData('text/plain', '');
});
document.addEventListener('dragover', (e) => {
	if (dragged && (e.target as Element).closest?.('.order li')) e.preventDefault();
});
document.addEventListener('drop', (e) => {
	const target = (e.target as Element).closest?.<HTMLElement>('.order li');
	if (!dragged || !target || target.parentElement !== dragged.parentElement) return;
	e.preventDefault();
	if (target !== dragged) move(dragged, [...target.parentElement!.children].indexOf(target) + 1);
	dragged = null;
});

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', countdown);
else countdown();
