import { tick } from 'svelte';
import type { ActionResult, SubmitFunction } from '@sveltejs/kit';

/** Wait after the last change before saving in the background. */
export const AUTOSAVE_MS = 800;

/** What an answer form tells its autosave. */
export interface AutosaveOptions {
	/** the form whose answers are saved (bound with `bind:this`; undefined before it mounts) */
	form: () => HTMLFormElement | undefined;
	/** the URL of the `save` action, as the form's `action` would name it (e.g. `?/save`) */
	action: () => string;
	/** milliseconds to wait after the last change (default {@link AUTOSAVE_MS}) */
	delay?: number;
}

/** A post of the form that never left the device, and where the page says so. */
export interface Unsent {
	/** the question whose Check sent it, or null for the form's own buttons */
	question: string | null;
}

/**
 * The question a post is about: a question's Check button is named `_check` and carries the
 * question's id as its value; any other button posts for the form as a whole (null).
 */
export function checkedQuestion(submitter: HTMLElement | null): string | null {
	return submitter?.getAttribute('name') === '_check' ? submitter.getAttribute('value') : null;
}

/**
 * Whether Kit's result of an enhanced post means it never reached the server: the fetch itself
 * failed, so the error carries no HTTP status (`ActionResult`'s `status` is optional for it).
 */
export function neverSent(result: ActionResult): boolean {
	return result.type === 'error' && result.status === undefined;
}

/** The prefix of the device's keys (localStorage) holding answers that could not be sent. */
export const DRAFT_KEY_PREFIX = 'dalil-unsent:';

/**
 * The autosave and `use:enhance` behaviour shared by the pages where a student answers (a quiz
 * link, an assignment): answers are saved in the background as the student works, so a lost tab
 * keeps them, and the form's own posts (Save, Check, Submit) stay on the page with the answers as
 * typed and the focus where it was (Kit moves it to the page's start after an action, as after a
 * navigation). Without JavaScript none of this runs and the form posts as usual.
 *
 * Answers that could not be sent (offline) are kept on the device, one draft per save address,
 * until a post of the form reaches the server; `resend` sends a draft left by an earlier visit
 * (a reload or a closed tab while offline) as soon as the page is open online again.
 *
 * ```svelte
 * const saver = new Autosave({ form: () => quizForm, action: () => '?/save' });
 * onMount(() => saver.resend(invalidateAll));
 * <form use:enhance={saver.enhance()} oninput={saver.schedule} ondrop={saver.schedule} aria-busy={saver.busy}>
 * ```
 */
export class Autosave {
	/** a post of the form is under way: the autosave waits */
	busy = $state(false);
	/** the last post of the form could not be sent (offline): the page says so, answers kept */
	unsent = $state<Unsent | null>(null);

	#options: AutosaveOptions;
	#timer: ReturnType<typeof setTimeout> | undefined;

	/** @param options the form, its save action and the delay */
	constructor(options: AutosaveOptions) {
		this.#options = options;
	}

	/**
	 * Saves the answers in the background once the student has stopped changing them for the delay
	 * (an `oninput`/`ondrop` handler). Posted to the `save` action as Kit documents for `fetch`
	 * (`x-sveltekit-action`); the page stays as it is, and the answers of a save that could not be
	 * sent are kept on the device until one is.
	 * Nothing is posted while one of the form's own posts is under way.
	 */
	schedule = () => {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			const form = this.#options.form();
			if (!form || this.busy) return;
			const body = new FormData(form);
			this.#post(body).then(
				() => this.#forgetDraft(),
				() => this.#keepDraft(body)
			);
		}, this.#options.delay ?? AUTOSAVE_MS);
	};

	/** Posts answers to the save action, as Kit documents for `fetch` (`x-sveltekit-action`). */
	#post(body: FormData): Promise<Response> {
		return fetch(this.#options.action(), {
			method: 'POST',
			body,
			headers: { 'x-sveltekit-action': 'true' }
		});
	}

	/** The device's key of this form's unsent answers: its save address, made absolute. */
	#draftKey(): string {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once, never changed
		return DRAFT_KEY_PREFIX + new URL(this.#options.action(), location.href).href;
	}

	/** Keeps answers that could not be sent on the device (text fields only: a form has no files). */
	#keepDraft(body: FormData) {
		const fields = [...body].filter(([, value]) => typeof value === 'string');
		try {
			localStorage.setItem(this.#draftKey(), JSON.stringify(fields));
		} catch {
			// storage full or refused (private mode): the answers stay in the open page only
		}
	}

	/** Forgets the kept answers once a post of the form reached the server. */
	#forgetDraft() {
		try {
			localStorage.removeItem(this.#draftKey());
		} catch {
			// storage refused: nothing was kept
		}
	}

	/**
	 * Sends the answers an earlier visit could not send (kept on the device), if any and if online,
	 * then lets the page reload its data (e.g. Kit's `invalidateAll`) so that it shows them. The
	 * server treats them as any save: refused past a deadline, ignored once submitted.
	 * @param reload called after the answers were sent, to show what the server now holds
	 */
	async resend(reload: () => Promise<void>): Promise<void> {
		let kept: string | null;
		try {
			kept = localStorage.getItem(this.#draftKey());
		} catch {
			return; // storage refused: nothing was kept
		}
		if (!kept || !navigator.onLine) return;
		const body = new FormData();
		for (const [name, value] of JSON.parse(kept) as [string, string][]) body.append(name, value);
		try {
			await this.#post(body);
		} catch {
			return; // still unreachable: the answers stay kept for the next visit
		}
		this.#forgetDraft();
		await reload();
	}

	/** Drops a pending background save (the page is about to post the form itself). */
	cancel() {
		clearTimeout(this.#timer);
	}

	/**
	 * The `use:enhance` submit function of the answer form: a pending autosave is dropped, the
	 * form is marked busy while it posts, the page is updated without resetting the fields, and
	 * the focus goes back where it was. Offline, or when the post never reaches the server, the
	 * page is left as it is (Kit's error page would lose the answers typed) and `unsent` says
	 * where to tell the student; the answers stay in the form to be sent again.
	 *
	 * @param after called once the page is updated and the focus restored, with what the submit
	 *   started with (e.g. to announce the result or scroll to a verdict); not for an unsent post
	 */
	enhance(after?: (input: Parameters<SubmitFunction>[0]) => void): SubmitFunction {
		return (input) => {
			const unsent = { question: checkedQuestion(input.submitter) };
			this.unsent = null;
			this.cancel();
			if (!navigator.onLine) {
				input.cancel();
				this.unsent = unsent;
				this.#keepDraft(input.formData);
				return;
			}
			this.busy = true;
			const focused = document.activeElement;
			return async ({ result, update }) => {
				const sent = !neverSent(result);
				if (sent) await update({ reset: false });
				this.busy = false;
				await tick();
				if (focused instanceof HTMLElement && focused.isConnected) {
					focused.focus({ preventScroll: true });
				}
				if (sent) {
					this.#forgetDraft();
					after?.(input);
				} else {
					this.unsent = unsent;
					this.#keepDraft(input.formData);
				}
			};
		};
	}
}
