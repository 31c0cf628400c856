import { isDate, localDate } from '../../../core/time';
import { runHooks, type TxHook } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import type { Platform } from '../../../platform';
import { CB } from '../callbacks';
import {
  ENDS_FLOW,
  InvalidShift,
  NotTeamMember,
  ShiftAlreadyTaken,
  ShiftFull,
  ShiftNotFound,
  ShiftNotYet,
  ShiftPast,
  TeamNotFound,
} from '../errors';
import { formatHours, partnersPolicy } from '../policy';
import * as store from '../store';
import { isApprovedMember } from './teams';

export interface ShiftInput {
  teamId: number;
  date: string;
  description: string;
  minutes: number;
  slots: number;
}

/** Shifts and hours: staff offer a shift, members take places, staff log the hours after the day. */
export function createShiftsService({
  db,
  clock,
  config,
  outbox,
}: Pick<Platform, 'db' | 'clock' | 'config' | 'outbox'>) {
  const tz = config.TIMEZONE;
  const today = () => localDate(clock.now(), tz);
  const limits = partnersPolicy;

  return {
    shift: (id: number) => store.findShift(db, id),
    /** Open shifts whose day has come: staff log them. */
    shiftsToLog: () => store.shiftsToLog(db, today()),

    /** Staff offer a market-day (or any) shift to a team; members get a button to take it. Ends the offer flow. */
    async offer(actorId: number, s: ShiftInput, done?: TxHook): Promise<number> {
      const now = clock.now();
      const description = s.description.trim().slice(0, limits.shiftDescription.max);
      if (!isDate(s.date)) throw new InvalidShift('date');
      if (s.date < localDate(now, tz)) throw new ShiftPast(ENDS_FLOW);
      if (description === '') throw new InvalidShift('description');
      const { shiftMinutes: m, shiftSlots: n } = limits;
      if (!Number.isInteger(s.minutes) || s.minutes < m.min || s.minutes > m.max) throw new InvalidShift('minutes');
      if (!Number.isInteger(s.slots) || s.slots < n.min || s.slots > n.max) throw new InvalidShift('slots');
      return db.transaction().execute(async (trx) => {
        const team = await store.findTeam(trx, s.teamId);
        if (!team?.active) throw new TeamNotFound(ENDS_FLOW);
        const id = await store.insertShift(trx, { ...s, description }, actorId, now.toISOString());
        await recordAudit(
          trx,
          { actorId, action: 'volunteers.shift.offer', subject: `shift:${id}`, details: { ...s, description } },
          now,
        );
        const members = await store.approvedMembers(trx, s.teamId);
        const params = { team: team.name, date: s.date, description, hours: formatHours(s.minutes), slots: s.slots };
        await outbox.enqueue(
          trx,
          members.map((m) => ({
            dedupeKey: `partners:shift-offer:${id}:${m}`,
            chatId: m,
            userId: m,
            category: 'personal' as const,
            content: {
              key: 'partners.shift.offered',
              params,
              buttons: [[{ key: 'partners.shift.take', data: CB.take(id) }]],
            },
          })),
          now,
        );
        await runHooks(trx, done);
        return id;
      });
    },

    async take(userId: number, shiftId: number): Promise<store.Shift> {
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const shift = await store.findShift(trx, shiftId);
        if (!shift || shift.status === 'cancelled') throw new ShiftNotFound();
        // Only members of the shift's team may take it: a forged button for another team's shift is refused here.
        if (!(await isApprovedMember(trx, shift.teamId, userId))) throw new NotTeamMember();
        if (shift.status !== 'open' || shift.date < localDate(now, tz)) throw new ShiftPast();
        if ((await store.takersOf(trx, shiftId)).includes(userId)) throw new ShiftAlreadyTaken();
        if (!(await store.takeShift(trx, shiftId, userId, now.toISOString()))) throw new ShiftFull();
        return shift;
      });
    },

    async drop(userId: number, shiftId: number): Promise<void> {
      const shift = await store.findShift(db, shiftId);
      if (!shift) throw new ShiftNotFound();
      if (shift.status !== 'open' || shift.date < today()) throw new ShiftPast();
      if (!(await store.dropShift(db, shiftId, userId))) throw new ShiftNotFound();
    },

    /** After the day, staff confirm the shift: each member who took it gets its hours, once. */
    async log(actorId: number, shiftId: number): Promise<number> {
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const shift = await store.findShift(trx, shiftId);
        if (!shift || shift.status === 'cancelled') throw new ShiftNotFound();
        if (shift.date > localDate(now, tz)) throw new ShiftNotYet();
        if (!(await store.setShiftStatus(trx, shiftId, 'open', 'logged'))) throw new ShiftPast();
        const takers = await store.takersOf(trx, shiftId);
        const team = await store.findTeam(trx, shift.teamId);
        for (const userId of takers)
          await store.insertHours(trx, { userId, shift, loggedBy: actorId, loggedAt: now.toISOString() });
        await recordAudit(
          trx,
          {
            actorId,
            action: 'volunteers.shift.log',
            subject: `shift:${shiftId}`,
            details: { people: takers.length, minutes: shift.minutes },
          },
          now,
        );
        const params = { team: team?.name ?? '', date: shift.date, hours: formatHours(shift.minutes) };
        await outbox.enqueue(
          trx,
          takers.map((userId) => ({
            dedupeKey: `partners:hours:${shiftId}:${userId}`,
            chatId: userId,
            userId,
            category: 'personal' as const,
            content: {
              key: 'partners.hours.logged',
              params,
              buttons: [[{ key: 'partners.teams.myHours', data: CB.hours }]],
            },
          })),
          now,
        );
        return takers.length;
      });
    },

    /** The shifts a volunteer can see: upcoming ones of their teams, with whether they took a place. */
    async shiftsFor(userId: number) {
      const teams = (await store.membershipsOf(db, userId)).filter((m) => m.status === 'approved').map((m) => m.teamId);
      const shifts = await store.openShiftsOf(db, teams, today());
      return Promise.all(shifts.map(async (s) => ({ ...s, mine: (await store.takersOf(db, s.id)).includes(userId) })));
    },

    /** A volunteer's hours: the total, by team, and the latest entries. */
    async hoursOf(userId: number) {
      const rows = await store.hoursOf(db, userId);
      const byTeam = new Map<string, number>();
      for (const r of rows) byTeam.set(r.teamName, (byTeam.get(r.teamName) ?? 0) + r.minutes);
      return {
        totalMinutes: rows.reduce((s, r) => s + r.minutes, 0),
        byTeam: [...byTeam].map(([team, minutes]) => ({ team, minutes })),
        recent: rows
          .slice(0, limits.recentHours)
          .map((r) => ({ date: r.date, minutes: r.minutes, team: r.teamName, note: r.note })),
      };
    },

    /** Minutes served and distinct volunteers in [from, to) (calendar dates): the community report's figure. */
    volunteerHours: (from: string, to: string) => store.hoursBetween(db, from, to),
  };
}

export type HoursView = Awaited<ReturnType<ReturnType<typeof createShiftsService>['hoursOf']>>;
