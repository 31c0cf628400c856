import { displayName } from '../../../core/names';
import { type Button, grid, markup } from '../../../telegram/markup';
import { CB } from '../callbacks';
import { coordinates, mapUrl } from '../location';
import { handlerActions, isOpen } from '../policy';
import type { HandlerDetails, PetitionDetails, Supporter } from '../service';
import type { Follower } from '../store';
import { type Card, dayOf, nameOf, type Reader, when } from './reader';

/** The person's name as co-signers and public lists may see it: only if they chose to show it. */
const publicName = (f: Supporter) => (f.showName ? displayName(f) : null);

/** One line per step. `full` (petitioner, handlers) shows what was written; co-signers see that something happened. */
export function timelineText(r: Reader, d: PetitionDetails, full: boolean): string {
  const { t } = r;
  const lines: string[] = [];
  for (const e of d.events) {
    const at = when(r, e.at);
    const text = full ? (e.text ?? '') : '';
    switch (e.kind) {
      case 'status':
      case 'acknowledged': {
        const department = e.departmentId === null ? undefined : d.departments.get(e.departmentId);
        const change = changeText(r, e.status ?? 'accepted', department);
        lines.push(t(e.text ? 'petitions.event.statusNote' : 'petitions.event.status', { at, change, note: e.text }));
        break;
      }
      case 'occurrence':
        // the note is the follower's own words (it may hold a phone number): only the full view shows it
        lines.push(t('petitions.event.occurrence', { at, date: e.occurredOn ?? '', note: text }));
        break;
      case 'meeting':
        lines.push(t('petitions.event.meeting', { at, date: e.occurredOn ?? '', outcome: e.text ?? '' }));
        break;
      case 'feedback':
        lines.push(t('petitions.event.feedback', { at }));
        break;
      case 'filed':
      case 'cosigned':
      case 'chase':
        lines.push(t(`petitions.event.${e.kind}`, { at }));
        break;
      case 'info_request':
      case 'info':
      case 'reply':
        lines.push(t(full ? `petitions.event.${e.kind}Full` : `petitions.event.${e.kind}`, { at, text }));
        break;
    }
  }
  return lines.join('\n');
}

/** "已转交水务局", "已受理": a status change in words (a department only when there is one). */
export const changeText = (r: Reader, status: string, department: { nameZh: string; nameEn: string } | undefined) =>
  status === 'transferred' && department
    ? r.t('petitions.change.transferred', { department: nameOf(r, department) })
    : r.t(`petitions.status.${status}`);

/** What anyone may see: no contact details, the petitioner's name only if they chose to show it. */
export function publicText(r: Reader, d: PetitionDetails): string {
  const { t } = r;
  const p = d.petition;
  const owner = d.followers.find((f) => f.kind === 'owner');
  const cosigners = d.followers.filter((f) => f.kind === 'cosigner');
  const shown = cosigners.map(publicName).filter((n): n is string => n !== null);
  return t('petitions.card.public', {
    id: p.id,
    category: nameOf(r, p.categoryName),
    status: changeText(r, p.status, p.departmentId === null ? undefined : d.departments.get(p.departmentId)),
    community: nameOf(r, d.community),
    place: p.place,
    description: p.description,
    name: (owner && publicName(owner)) ?? t('petitions.card.anonymous'),
    cosigners: cosigners.length,
    names: shown.length ? t('petitions.card.names', { names: shown.join('、') }) : '',
    occurrences: p.occurrences,
    date: dayOf(r, p.createdAt),
  });
}

const shareUrl = (link: string) => `https://t.me/share/url?url=${encodeURIComponent(link)}`;
export const shareButton = (r: Pick<Reader, 't'>, link: string): Button => ({
  text: r.t('petitions.btn.forward'),
  url: shareUrl(link),
});

export const cosignRows = (r: Pick<Reader, 't'>, id: number): Button[][] => [
  [{ text: r.t('petitions.cosign.withName'), data: CB.cosign(id, true) }],
  [{ text: r.t('petitions.cosign.withoutName'), data: CB.cosign(id, false) }],
];

/**
 * A petition as a resident sees it: their own view (deadlines, timeline, what they can do now) if they follow it,
 * else the public card with the co-sign buttons while it is open.
 */
export function residentCard(r: Reader, d: PetitionDetails, follower: Follower | undefined, link: string): Card {
  const { t } = r;
  const p = d.petition;
  if (!follower) {
    const open = isOpen(p);
    const invite = t(open ? 'petitions.cosign.invite' : 'petitions.cosign.closedNote');
    return { text: [publicText(r, d), invite].join('\n\n'), markup: open ? markup(cosignRows(r, p.id)) : undefined };
  }
  const isOwner = follower.kind === 'owner';
  const parts = [publicText(r, d)];
  if (d.late) parts.push(t('petitions.card.overdue', { what: t(`petitions.late.${d.late}`) }));
  else if (p.answeredAt === null)
    parts.push(t('petitions.card.due', { ack: dayOf(r, p.ackDueAt), answer: dayOf(r, p.answerDueAt) }));
  parts.push(t('petitions.card.timeline'), timelineText(r, d, isOwner));
  const rows: Button[][] = [[{ text: t('petitions.btn.again'), data: CB.again(p.id) }]];
  if (d.late) rows[0]!.push({ text: t('petitions.btn.chase'), data: CB.chase(p.id) });
  if (isOwner && !isOpen(p) && p.answeredAt !== null && p.solved === null)
    rows.push([
      { text: t('petitions.btn.solvedYes'), data: CB.solved(p.id, 'yes') },
      { text: t('petitions.btn.solvedPartly'), data: CB.solved(p.id, 'partly') },
      { text: t('petitions.btn.solvedNo'), data: CB.solved(p.id, 'no') },
    ]);
  rows.push([shareButton(r, link)]);
  return { text: parts.join('\n\n'), markup: markup(rows) };
}

/** The handler's view: the petitioner's contact, every supporter, the full timeline; the actions valid now. */
export function handlerCard(r: Reader, d: HandlerDetails): Card {
  const { t } = r;
  const p = d.petition;
  const u = d.petitioner;
  const cosigners = d.followers.filter((f) => f.kind === 'cosigner');
  const card = t('petitions.card.handler', {
    id: p.id,
    category: nameOf(r, p.categoryName),
    change: changeText(r, p.status, p.departmentId === null ? undefined : d.departments.get(p.departmentId)),
    community: nameOf(r, d.community),
    place: p.place,
    location: coordinates(p),
    description: p.description,
    name: u ? displayName(u) : String(p.petitionerId),
    username: u?.username ? `@${u.username}` : '',
    phone: u?.phone ?? t('petitions.card.noPhone'),
    cosigners: cosigners.length,
    names: cosigners.length ? t('petitions.card.names', { names: cosigners.map(displayName).join('、') }) : '',
    occurrences: p.occurrences,
    filed: when(r, p.createdAt),
    ackDue: dayOf(r, p.ackDueAt),
    answerDue: dayOf(r, p.answerDueAt),
  });
  const parts = [card];
  if (d.late) parts.push(t('petitions.card.overdue', { what: t(`petitions.late.${d.late}`) }));
  if (p.solved) {
    const solved = t(`petitions.solved.${p.solved}`);
    parts.push(t('petitions.card.feedback', { solved, stars: p.satisfaction ?? '—' }));
  }
  parts.push(t('petitions.card.timeline'), timelineText(r, d, true));
  const data = { ack: CB.ack, askInfo: CB.askInfo, status: CB.statusMenu, reply: CB.reply };
  const actions = handlerActions(p).map((a) => ({ text: t(`petitions.btn.${a}`), data: data[a](p.id) }));
  const rows: Button[][] = grid(actions);
  if (p.latitude !== null && p.longitude !== null)
    rows.push([{ text: t('petitions.btn.map'), url: mapUrl(p.latitude, p.longitude) }]);
  return { text: parts.join('\n\n'), markup: markup(rows) };
}
