import { displayName } from '../../core/names';
import type { TFunction } from '../../i18n';
import { type Button, grid, markup, pagedRows } from '../../telegram/markup';
import type { InlineMarkup } from '../../telegram/port';
import { CB } from './callbacks';
import { formatHours, type PartnerType, partnersPolicy } from './policy';
import type { Decision, HoursView } from './service';
import type { Application, Offer, Partner, Shift, ShiftListing, Team } from './store';

export interface Card {
  text: string;
  markup?: InlineMarkup;
}

// Directory

export function directoryCard(t: TFunction, types: { type: PartnerType; count: number }[]): Card {
  if (types.length === 0) return { text: t('partners.directory.empty') };
  const buttons = types.map((x) => ({
    text: t('partners.directory.typeButton', { type: t(`partners.type.${x.type}`), count: x.count }),
    data: CB.type(x.type),
  }));
  return { text: t('partners.directory.title'), markup: markup(grid(buttons, 2)) };
}

export function partnerListCard(t: TFunction, type: PartnerType, partners: Partner[], page: number): Card {
  const { rows } = pagedRows(
    partners,
    page,
    partnersPolicy.directoryPage,
    (p) => ({ text: p.name, data: CB.partner(p.id) }),
    (n) => CB.type(type, n),
  );
  rows.push([{ text: t('common.back'), data: CB.types }]);
  return { text: t('partners.directory.ofType', { type: t(`partners.type.${type}`) }), markup: markup(rows) };
}

// Contacts are for staff only: residents see what a partner offers, never how to reach them privately.
export function partnerCard(t: TFunction, partner: Partner, offers: Offer[], showContact: boolean): Card {
  const lines = [
    t('partners.card.title', { name: partner.name, type: t(`partners.type.${partner.type}`) }),
    ...(partner.description ? [t('partners.card.description', { text: partner.description })] : []),
    ...offers.map((o) => t('partners.card.offer', { kind: t(`partners.offer.${o.kind}`), detail: o.detail })),
  ];
  if (showContact && partner.contact) lines.push(t('partners.card.contact', { contact: partner.contact }));
  return { text: lines.join('\n'), markup: markup([[{ text: t('common.back'), data: CB.type(partner.type) }]]) };
}

// Volunteer teams

export function teamsCard(t: TFunction, teams: (Team & { members: number })[]): Card {
  const rows: Button[][] = teams.map((x) => [
    { text: t('partners.teams.button', { name: x.name, count: x.members }), data: CB.team(x.id) },
  ]);
  rows.push([
    { text: t('partners.teams.myShifts'), data: CB.shifts },
    { text: t('partners.teams.myHours'), data: CB.hours },
  ]);
  return { text: t(teams.length ? 'partners.teams.title' : 'partners.teams.none'), markup: markup(rows) };
}

/** A team as one user sees it: join or leave as their status allows; staff also write to it or offer a shift. */
export function teamCard(t: TFunction, team: Team, status: string | undefined, isStaff: boolean): Card {
  const rows: Button[][] = [];
  if (status === 'approved') rows.push([{ text: t('partners.teams.leave'), data: CB.leave(team.id) }]);
  else if (status !== 'pending') rows.push([{ text: t('partners.teams.apply'), data: CB.apply(team.id) }]);
  if (isStaff)
    rows.push([
      { text: t('partners.staff.message'), data: CB.message(team.id) },
      { text: t('partners.staff.offer'), data: CB.offer(team.id) },
    ]);
  const state =
    status === 'approved'
      ? 'partners.teams.youAreMember'
      : status === 'pending'
        ? 'partners.teams.youApplied'
        : 'partners.teams.youCanApply';
  return {
    text: [t('partners.teams.card', { name: team.name, description: team.description }), t(state)].join('\n\n'),
    markup: markup(rows),
  };
}

export function shiftsCard(t: TFunction, shifts: (ShiftListing & { mine: boolean })[]): Card {
  if (shifts.length === 0) return { text: t('partners.shift.none') };
  const lines = shifts.map((s) =>
    t(s.mine ? 'partners.shift.lineMine' : 'partners.shift.line', {
      date: s.date,
      team: s.teamName,
      description: s.description,
      hours: formatHours(s.minutes),
      taken: s.taken,
      slots: s.slots,
    }),
  );
  const buttons = shifts.flatMap((s): Button[] =>
    s.mine
      ? [{ text: t('partners.shift.dropButton', { date: s.date }), data: CB.drop(s.id) }]
      : s.taken < s.slots
        ? [{ text: t('partners.shift.takeButton', { date: s.date }), data: CB.take(s.id) }]
        : [],
  );
  return { text: [t('partners.shift.title'), ...lines].join('\n'), markup: markup(grid(buttons, 1)) };
}

export const shiftTaken = (t: TFunction, s: Shift) =>
  t('partners.shift.taken', { date: s.date, description: s.description, hours: formatHours(s.minutes) });

export function hoursText(t: TFunction, h: HoursView): string {
  if (h.totalMinutes === 0) return t('partners.hours.none');
  return [
    t('partners.hours.total', { hours: formatHours(h.totalMinutes) }),
    ...h.byTeam.map((x) => t('partners.hours.team', { team: x.team, hours: formatHours(x.minutes) })),
    '',
    t('partners.hours.recent'),
    ...h.recent.map((r) =>
      t('partners.hours.line', { date: r.date, team: r.team, hours: formatHours(r.minutes), note: r.note }),
    ),
  ].join('\n');
}

// Staff

/** The volunteers desk: applications to decide, shifts to log, the teams, and a button to found one. */
export function deskCard(
  t: TFunction,
  pending: Application[],
  toLog: (Shift & { teamName: string })[],
  teams: (Team & { members: number })[],
): Card {
  const rows: Button[][] = [
    ...pending.map((a) => [
      {
        text: t('partners.staff.approveButton', { name: displayName(a), team: a.teamName }),
        data: CB.deskApprove(a.teamId, a.userId),
      },
      { text: t('partners.staff.reject'), data: CB.deskReject(a.teamId, a.userId) },
    ]),
    ...toLog.map((s) => [
      { text: t('partners.staff.logButton', { date: s.date, team: s.teamName }), data: CB.log(s.id) },
    ]),
    ...teams.map((x) => [
      { text: t('partners.staff.teamButton', { name: x.name, count: x.members }), data: CB.team(x.id) },
    ]),
    [{ text: t('partners.staff.newTeam'), data: CB.newTeam }],
  ];
  return { text: t('partners.staff.desk', { pending: pending.length, toLog: toLog.length }), markup: markup(rows) };
}

/** A sign-up card once decided: who decided what, no buttons left (the same words every staff member's card gets). */
export const decidedText = (t: TFunction, d: Decision) =>
  t(d.approved ? 'partners.staff.approvedCard' : 'partners.staff.rejectedCard', {
    name: d.name,
    team: d.team.name,
    by: d.by,
  });

export const messagePreview = (t: TFunction, team: Team, text: string): Card => ({
  text: t('partners.staff.previewMessage', { team: team.name, text }),
  markup: markup([[{ text: t('partners.staff.send'), data: CB.messageSend }]]),
});

export const shiftPreview = (
  t: TFunction,
  team: Team,
  s: { date: string; description: string; minutes: number; slots: number },
): Card => ({
  text: t('partners.staff.previewShift', {
    team: team.name,
    date: s.date,
    description: s.description,
    hours: formatHours(s.minutes),
    slots: s.slots,
  }),
  markup: markup([[{ text: t('partners.staff.send'), data: CB.offerSend }]]),
});

export const confirmLogCard = (t: TFunction, s: Shift): Card => ({
  text: t('partners.staff.confirmLog', { date: s.date, description: s.description, hours: formatHours(s.minutes) }),
  markup: markup([[{ text: t('common.confirm'), data: CB.logYes(s.id) }]]),
});
