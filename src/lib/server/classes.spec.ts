import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { createInvite, noTeacherYet, releaseInvite, signUpPolicy, useInvite } from './auth';
import {
	classByCode,
	createClass,
	getClass,
	issueReentry,
	joinClass,
	listClasses,
	reenter,
	reentryValid,
	removeStudent,
	renameStudent,
	roster,
	studentDevice
} from './classes';
import { JOIN_CODE_ALPHABET } from '../classes/join-code';
import type { Database } from './db/schema';
import { describeEachDatabase } from './db/testing';

async function addTeacher(db: Kysely<Database>, id: string) {
	const now = new Date().toISOString();
	await db
		.insertInto('user')
		.values({
			id,
			name: id,
			email: `${id}@example.org`,
			emailVerified: 0,
			image: null,
			createdAt: now,
			updatedAt: now
		})
		.execute();
}

describeEachDatabase((database) => {
	it('sign-up: the first account, then closed unless open or invited (once)', async () => {
		const { db } = database();
		expect(await noTeacherYet(db)).toBe(true);
		expect(await signUpPolicy(db, {}, null)).toBe('first');
		await addTeacher(db, 'alice');
		await addTeacher(db, 'bob');
		expect(await signUpPolicy(db, {}, null)).toBe('closed');
		expect(await signUpPolicy(db, { DALIL_SIGNUP: 'open' }, null)).toBe('open');
		const invite = await createInvite(db, 'alice');
		expect(await signUpPolicy(db, {}, 'forged')).toBe('closed');
		expect(await signUpPolicy(db, {}, invite)).toBe('invite');
		// spent, given back (the account could not be made), spent again
		expect(await useInvite(db, invite, 5_000)).toBe(true);
		expect(await signUpPolicy(db, {}, invite, 6_000)).toBe('closed');
		await releaseInvite(db, invite, 5_000);
		expect(await signUpPolicy(db, {}, invite, 6_000)).toBe('invite');
		expect(await useInvite(db, invite, 7_000)).toBe(true);
		// a give-back for an older use changes nothing
		await releaseInvite(db, invite, 5_000);
		expect(await useInvite(db, invite)).toBe(false);
		expect(await signUpPolicy(db, {}, invite)).toBe('closed');
		const old = await createInvite(db, 'alice', 0);
		expect(await signUpPolicy(db, {}, old)).toBe('closed');
	});

	it('a teacher creates classes with 6-character codes and sees only their own', async () => {
		const { db } = database();
		const a = await createClass(db, 'alice', 'الصف الأول', 1000);
		const b = await createClass(db, 'alice', 'Grade 2', 2000);
		const other = await createClass(db, 'bob', 'Bob’s class', 3000);
		for (const c of [a, b, other]) {
			expect(c.joinCode).toHaveLength(6);
			for (const ch of c.joinCode) expect(JOIN_CODE_ALPHABET).toContain(ch);
		}
		expect((await listClasses(db, 'alice')).map((c) => c.name)).toEqual(['Grade 2', 'الصف الأول']);
		expect(await getClass(db, 'alice', other.id)).toBeUndefined();
		expect(await getClass(db, 'bob', other.id)).toMatchObject({ name: 'Bob’s class' });
		expect(await classByCode(db, a.joinCode)).toEqual({ id: a.id, name: 'الصف الأول' });
	});

	it('students join from devices; one device holds several classes; a rejoin adds nobody', async () => {
		const { db } = database();
		const [grade2, grade1] = await listClasses(db, 'alice');
		const sara = await joinClass(db, grade1.id, 'سارة', undefined);
		const again = await joinClass(db, grade1.id, 'Sara again', sara.deviceToken);
		expect(again).toEqual({ ...sara, alreadyMember: true });
		const sara2 = await joinClass(db, grade2.id, 'سارة', sara.deviceToken);
		expect(sara2.deviceToken).toBe(sara.deviceToken);
		const omar = await joinClass(db, grade1.id, 'عمر', undefined);
		expect(omar.deviceToken).not.toBe(sara.deviceToken);
		const device = await studentDevice(db, sara.deviceToken);
		expect(device.map((m) => m.className).sort()).toEqual(['Grade 2', 'الصف الأول'].sort());
		expect((await roster(db, grade1.id)).map((s) => s.name)).toEqual(['سارة', 'عمر']);
		expect((await listClasses(db, 'alice')).map((c) => c.students)).toEqual([1, 2]);
		expect(await studentDevice(db, 'not-a-token')).toEqual([]);
	});

	it('rename, remove and re-entry work only on the teacher’s own students', async () => {
		const { db } = database();
		const grade1 = (await listClasses(db, 'alice'))[1];
		const [sara, omar] = await roster(db, grade1.id);
		expect(await renameStudent(db, 'bob', sara.id, 'x')).toBe(false);
		expect(await renameStudent(db, 'alice', sara.id, 'سارة أحمد')).toBe(true);
		expect(await issueReentry(db, 'bob', omar.id)).toBeUndefined();
		const link = await issueReentry(db, 'alice', omar.id);
		expect(link).toBeTruthy();
		expect(await reentryValid(db, link!)).toEqual({ name: 'عمر', className: 'الصف الأول' });
		const device = await reenter(db, link!, undefined);
		expect(device?.studentId).toBe(omar.id);
		expect((await studentDevice(db, device!.deviceToken))[0]).toMatchObject({ name: 'عمر' });
		expect(await reenter(db, link!, undefined)).toBeUndefined();
		expect(await removeStudent(db, 'bob', omar.id)).toBe(false);
		expect(await removeStudent(db, 'alice', omar.id)).toBe(true);
		expect(await studentDevice(db, device!.deviceToken)).toEqual([]);
		expect((await roster(db, grade1.id)).map((s) => s.name)).toEqual(['سارة أحمد']);
		const kept = await db
			.selectFrom('student')
			.select('removed_at')
			.where('id', '=', omar.id)
			.executeTakeFirstOrThrow();
		expect(kept.removed_at).toBeGreaterThan(0);
		const log = await db
			.selectFrom('audit')
			.select('action')
			.where('subject', '=', omar.id)
			.execute();
		expect(log.map((e) => e.action)).toEqual([
			'student.reentry',
			'student.reenter',
			'student.remove'
		]);
	});
});
