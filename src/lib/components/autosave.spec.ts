import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActionResult } from '@sveltejs/kit';
import { AUTOSAVE_MS, Autosave, DRAFT_KEY_PREFIX, neverSent } from './autosave.svelte';

/** An element as far as the autosave looks at one: it can be focused and be in the page. */
class FakeElement {
	isConnected = true;
	focus = vi.fn();
}

/** FormData of a fake form: remembers the form it was made from. */
class FakeFormData {
	readonly fields: [string, string][] = [];
	constructor(readonly form?: { fields?: [string, string][] }) {
		this.fields = [...(form?.fields ?? [])];
	}
	append(name: string, value: string) {
		this.fields.push([name, value]);
	}
	[Symbol.iterator]() {
		return this.fields[Symbol.iterator]();
	}
}

/** A device's storage, as far as the autosave uses it. */
class FakeStorage {
	readonly items = new Map<string, string>();
	getItem(key: string) {
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		this.items.set(key, value);
	}
	removeItem(key: string) {
		this.items.delete(key);
	}
}

const form = { fields: [['q1', 'Zuwara']] } as unknown as HTMLFormElement;
let storage: FakeStorage;
let fetchMock: ReturnType<typeof vi.fn>;
let active: FakeElement | null;
let online: boolean;

beforeEach(() => {
	vi.useFakeTimers();
	fetchMock = vi.fn(() => Promise.resolve(new Response(null)));
	active = null;
	online = true;
	storage = new FakeStorage();
	vi.stubGlobal('localStorage', storage);
	vi.stubGlobal('location', { href: 'https://dalil.test/quiz/a?n=3' });
	vi.stubGlobal('navigator', {
		get onLine() {
			return online;
		}
	});
	vi.stubGlobal('fetch', fetchMock);
	vi.stubGlobal('FormData', FakeFormData);
	vi.stubGlobal('HTMLElement', FakeElement);
	vi.stubGlobal('document', {
		get activeElement() {
			return active;
		}
	});
});

afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

/** What `use:enhance` hands a submit function, as far as ours reads it. */
const input = (submitter: unknown = null) =>
	({
		submitter,
		cancel: vi.fn(),
		formData: new FakeFormData(form as never)
	}) as unknown as Parameters<ReturnType<Autosave['enhance']>>[0];

/** A button as far as the autosave reads one: its attributes. */
const button = (attributes: Record<string, string>) => ({
	getAttribute: (name: string) => attributes[name] ?? null
});

/** What the submit function returns: called with Kit's result and its `update`. */
type Finish = (opts: { result: ActionResult; update: () => Promise<void> }) => Promise<void>;

/** Kit's result of a post that reached the server and succeeded. */
const SUCCESS: ActionResult = { type: 'success', status: 200 };

describe('Autosave', () => {
	it('posts the form to the save action once the changes stop, as Kit documents for fetch', () => {
		const saver = new Autosave({ form: () => form, action: () => '?n=3&/save' });
		saver.schedule();
		vi.advanceTimersByTime(AUTOSAVE_MS - 100);
		saver.schedule();
		vi.advanceTimersByTime(AUTOSAVE_MS - 1);
		expect(fetchMock).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1);
		expect(fetchMock).toHaveBeenCalledTimes(1);
		const [url, init] = fetchMock.mock.calls[0];
		expect(url).toBe('?n=3&/save');
		expect(init.method).toBe('POST');
		expect(init.headers).toEqual({ 'x-sveltekit-action': 'true' });
		expect((init.body as FakeFormData).form).toBe(form);
	});

	it('takes its delay from the options', () => {
		const saver = new Autosave({ form: () => form, action: () => '?/save', delay: 50 });
		saver.schedule();
		vi.advanceTimersByTime(50);
		expect(fetchMock).toHaveBeenCalledTimes(1);
	});

	it('posts nothing before the form mounts', () => {
		const saver = new Autosave({ form: () => undefined, action: () => '?/save' });
		saver.schedule();
		vi.advanceTimersByTime(AUTOSAVE_MS);
		expect(fetchMock).not.toHaveBeenCalled();
	});

	it('keeps the answers of a save that could not be sent on the device, until one is sent', async () => {
		fetchMock.mockImplementation(() => Promise.reject(new TypeError('offline')));
		const saver = new Autosave({ form: () => form, action: () => '?n=3&/save' });
		saver.schedule();
		await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
		const key = `${DRAFT_KEY_PREFIX}https://dalil.test/quiz/a?n=3&/save`;
		expect(JSON.parse(storage.getItem(key)!)).toEqual([['q1', 'Zuwara']]);

		fetchMock.mockImplementation(() => Promise.resolve(new Response(null)));
		saver.schedule();
		await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
		expect(storage.getItem(key)).toBeNull();
	});

	it('sends answers an earlier visit could not, once online, then reloads the page data', async () => {
		const key = `${DRAFT_KEY_PREFIX}https://dalil.test/quiz/a?n=3&/save`;
		storage.setItem(key, JSON.stringify([['q1', 'kept offline']]));
		const saver = new Autosave({ form: () => form, action: () => '?n=3&/save' });
		const reload = vi.fn(() => Promise.resolve());

		online = false;
		await saver.resend(reload);
		expect(fetchMock).not.toHaveBeenCalled();

		online = true;
		fetchMock.mockImplementationOnce(() => Promise.reject(new TypeError('still offline')));
		await saver.resend(reload);
		expect(reload).not.toHaveBeenCalled();
		expect(storage.getItem(key)).not.toBeNull();

		await saver.resend(reload);
		const [url, init] = fetchMock.mock.calls.at(-1)!;
		expect(url).toBe('?n=3&/save');
		expect([...(init.body as FakeFormData)]).toEqual([['q1', 'kept offline']]);
		expect(reload).toHaveBeenCalledTimes(1);
		expect(storage.getItem(key)).toBeNull();

		// sent once: nothing is left to send again
		await saver.resend(reload);
		expect(fetchMock).toHaveBeenCalledTimes(2);
	});

	it('drops a pending save when the form posts, waits while it is busy, and keeps the focus', async () => {
		const saver = new Autosave({ form: () => form, action: () => '?/save' });
		const field = new FakeElement();
		active = field;
		const after = vi.fn();
		saver.schedule();
		const start = input();
		const finish = saver.enhance(after)(start) as Finish;
		expect(saver.busy).toBe(true);
		vi.advanceTimersByTime(AUTOSAVE_MS);
		expect(fetchMock).not.toHaveBeenCalled();

		// a change typed while the post is under way is not saved behind its back
		saver.schedule();
		vi.advanceTimersByTime(AUTOSAVE_MS);
		expect(fetchMock).not.toHaveBeenCalled();

		const update = vi.fn(() => Promise.resolve());
		active = null; // Kit moved the focus to the page's start
		await finish({ result: SUCCESS, update });
		expect(update).toHaveBeenCalledWith({ reset: false });
		expect(saver.busy).toBe(false);
		expect(field.focus).toHaveBeenCalledWith({ preventScroll: true });
		expect(after).toHaveBeenCalledWith(start);

		saver.schedule();
		vi.advanceTimersByTime(AUTOSAVE_MS);
		expect(fetchMock).toHaveBeenCalledTimes(1);
	});

	it('does not focus an element the update took out of the page', async () => {
		const saver = new Autosave({ form: () => form, action: () => '?/save' });
		const field = new FakeElement();
		field.isConnected = false;
		active = field;
		const finish = saver.enhance()(input()) as Finish;
		await finish({ result: SUCCESS, update: () => Promise.resolve() });
		expect(field.focus).not.toHaveBeenCalled();
	});

	it('offline, sends nothing and says where: at the checked question, or at the form', () => {
		online = false;
		const saver = new Autosave({ form: () => form, action: () => '?/save' });
		const check = input(button({ name: '_check', value: 'q7' }));
		expect(saver.enhance()(check)).toBeUndefined();
		expect(check.cancel).toHaveBeenCalled();
		expect(saver.unsent).toEqual({ question: 'q7' });
		expect(saver.busy).toBe(false);
		expect([...storage.items.values()]).toEqual([JSON.stringify([['q1', 'Zuwara']])]);

		const submit = input(button({ formaction: '?/submit' }));
		void saver.enhance()(submit);
		expect(submit.cancel).toHaveBeenCalled();
		expect(saver.unsent).toEqual({ question: null });
	});

	it('a post that never reached the server leaves the page as it is, and a sent one clears it', async () => {
		const saver = new Autosave({ form: () => form, action: () => '?/save' });
		const after = vi.fn();
		const update = vi.fn(() => Promise.resolve());
		const failed = saver.enhance(after)(input()) as Finish;
		await failed({ result: { type: 'error', error: new TypeError('fetch failed') }, update });
		expect(update).not.toHaveBeenCalled();
		expect(after).not.toHaveBeenCalled();
		expect(saver.busy).toBe(false);
		expect(saver.unsent).toEqual({ question: null });
		expect(storage.items.size).toBe(1);

		const sent = saver.enhance(after)(input()) as Finish;
		expect(saver.unsent).toBeNull();
		await sent({ result: SUCCESS, update });
		expect(storage.items.size).toBe(0);
		expect(update).toHaveBeenCalledTimes(1);
		expect(after).toHaveBeenCalledTimes(1);
	});

	it('tells a post that never left from an error the server answered', () => {
		expect(neverSent({ type: 'error', error: new TypeError('fetch failed') })).toBe(true);
		expect(neverSent({ type: 'error', status: 500, error: {} })).toBe(false);
		expect(neverSent({ type: 'failure', status: 400 })).toBe(false);
		expect(neverSent(SUCCESS)).toBe(false);
	});
});
