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

/**
 * The autosave and `use:enhance` behaviour shared by the pages where a student answers (a quiz
 * link, an assignment): answers are saved in the background as the student works, so a lost tab
 * keeps them, and the form's own posts (Save, Check, Submit) stay on the page with the answers as
 * typed and the focus where it was (Kit moves it to the page's start after an action, as after a
 * navigation). Without JavaScript none of this runs and the form posts as usual.
 *
 * ```svelte
 * const saver = new Autosave({ form: () => quizForm, action: () => '?/save' });
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
	 * (`x-sveltekit-action`); the page stays as it is, and a failed save is left to the next one.
	 * Nothing is posted while one of the form's own posts is under way.
	 */
	schedule = () => {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			const form = this.#options.form();
			if (!form || this.busy) return;
			fetch(this.#options.action(), {
				method: 'POST',
				body: new FormData(form),
				headers: { 'x-sveltekit-action': 'true' }
			}).catch(() => undefined);
		}, this.#options.delay ?? AUTOSAVE_MS);
	};

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
				if (sent) after?.(input);
				else this.unsent = unsent;
			};
		};
	}
}
