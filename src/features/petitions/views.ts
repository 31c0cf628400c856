import { localDate, localTime } from '../../core/time';
import type { BotContext } from '../../telegram/context';
import { findCommunity, getUser } from '../residents/service';
import { findDepartment, overdue, type PetitionRow, publicName, supportersOf, timeline } from './service';

// Texts built from several translated lines. Resident text only ever enters through t() parameters,
// which i18next escapes for HTML; nothing here concatenates raw resident text.

export const when = (ctx: BotContext, iso: string) =>
  `${localDate(new Date(iso), ctx.deps.config.TIMEZONE)} ${localTime(new Date(iso), ctx.deps.config.TIMEZONE)}`;
export const dayOf = (ctx: BotContext, iso: string) => localDate(new Date(iso), ctx.deps.config.TIMEZONE);

const placeName = (ctx: BotContext, row: { name_zh: string; name_en: string } | undefined) =>
  row ? (ctx.locale === 'en' ? row.name_en : row.name_zh) : '—';

/** One line per step. `full` (the petitioner, handlers) includes what was written; co-signers see that something happened. */
export async function timelineText(ctx: BotContext, p: PetitionRow, full: boolean): Promise<string> {
  const lines: string[] = [];
  for (const e of await timeline(ctx.deps.db, p.id)) {
    const at = when(ctx, e.at);
    const dept = e.department_id === null ? undefined : await findDepartment(ctx.deps.db, e.department_id);
    const text = full ? (e.text ?? '') : '';
    switch (e.kind) {
      case 'status':
      case 'acknowledged':
        lines.push(
          ctx.t('petitions.event.status', {
            at,
            status: ctx.t(`petitions.status.${e.status ?? 'accepted'}`),
            department: placeName(ctx, dept),
            note: e.text ?? '',
          }),
        );
        break;
      case 'occurrence':
        // the note is the follower's own words (it may hold a phone number): only the full view shows it
        lines.push(ctx.t('petitions.event.occurrence', { at, date: e.occurred_on ?? '', note: text }));
        break;
      case 'meeting':
        lines.push(ctx.t('petitions.event.meeting', { at, date: e.occurred_on ?? '', outcome: e.text ?? '' }));
        break;
      case 'feedback':
        lines.push(ctx.t('petitions.event.feedback', { at }));
        break;
      case 'filed':
      case 'cosigned':
      case 'chase':
        lines.push(ctx.t(`petitions.event.${e.kind}`, { at }));
        break;
      case 'info_request':
      case 'info':
      case 'reply':
        lines.push(ctx.t(full ? `petitions.event.${e.kind}Full` : `petitions.event.${e.kind}`, { at, text }));
        break;
    }
  }
  return lines.join('\n');
}

/** What anyone may see: no contact details, the petitioner's name only if they chose to show it. */
export async function publicCard(ctx: BotContext, p: PetitionRow): Promise<string> {
  const followers = await supportersOf(ctx.deps.db, p.id);
  const owner = followers.find((f) => f.kind === 'owner');
  const cosigners = followers.filter((f) => f.kind === 'cosigner');
  const shown = cosigners.map(publicName).filter((n): n is string => n !== null);
  const community = p.community_id === null ? undefined : await findCommunity(ctx.deps.db, p.community_id);
  return ctx.t('petitions.card.public', {
    id: p.id,
    category: ctx.t(`petitions.category.${p.category}`),
    status: ctx.t(`petitions.status.${p.status}`),
    community: placeName(ctx, community),
    place: p.place,
    description: p.description,
    name: (owner && publicName(owner)) ?? ctx.t('petitions.card.anonymous'),
    cosigners: cosigners.length,
    names: shown.length ? shown.join('、') : '—',
    occurrences: p.occurrences,
    date: dayOf(ctx, p.created_at),
  });
}

/** The petitioner's or a co-signer's view: the public card, deadlines and the timeline. */
export async function followerCard(ctx: BotContext, p: PetitionRow, isOwner: boolean): Promise<string> {
  const parts = [await publicCard(ctx, p)];
  const late = overdue(p, ctx.deps.clock.now());
  if (late) parts.push(ctx.t(`petitions.card.overdue`, { what: ctx.t(`petitions.late.${late}`) }));
  else if (p.answered_at === null)
    parts.push(ctx.t('petitions.card.due', { ack: dayOf(ctx, p.ack_due_at), answer: dayOf(ctx, p.answer_due_at) }));
  parts.push(ctx.t('petitions.card.timeline'), await timelineText(ctx, p, isOwner));
  return parts.join('\n\n');
}

/** The handler's view: the petitioner's contact, every supporter, the full timeline. */
export async function handlerCard(ctx: BotContext, p: PetitionRow): Promise<string> {
  const db = ctx.deps.db;
  const u = await getUser(db, p.petitioner_id);
  const followers = await supportersOf(db, p.id);
  const cosigners = followers.filter((f) => f.kind === 'cosigner');
  const community = p.community_id === null ? undefined : await findCommunity(db, p.community_id);
  const dept = p.department_id === null ? undefined : await findDepartment(db, p.department_id);
  const late = overdue(p, ctx.deps.clock.now());
  const card = ctx.t('petitions.card.handler', {
    id: p.id,
    category: ctx.t(`petitions.category.${p.category}`),
    status: ctx.t(`petitions.status.${p.status}`),
    department: placeName(ctx, dept),
    community: placeName(ctx, community),
    place: p.place,
    location: p.latitude !== null && p.longitude !== null ? `${p.latitude.toFixed(5)}, ${p.longitude.toFixed(5)}` : '—',
    description: p.description,
    name: u ? [u.first_name, u.last_name].filter(Boolean).join(' ') : String(p.petitioner_id),
    username: u?.username ? `@${u.username}` : '—',
    phone: u?.phone ?? '—',
    cosigners: cosigners.length,
    names: cosigners.map((f) => [f.first_name, f.last_name].filter(Boolean).join(' ')).join('、') || '—',
    occurrences: p.occurrences,
    filed: when(ctx, p.created_at),
    ackDue: dayOf(ctx, p.ack_due_at),
    answerDue: dayOf(ctx, p.answer_due_at),
  });
  const parts = [card];
  if (late) parts.push(ctx.t('petitions.card.overdue', { what: ctx.t(`petitions.late.${late}`) }));
  if (p.solved)
    parts.push(
      ctx.t('petitions.card.feedback', { solved: ctx.t(`petitions.solved.${p.solved}`), stars: p.satisfaction ?? '—' }),
    );
  parts.push(ctx.t('petitions.card.timeline'), await timelineText(ctx, p, true));
  return parts.join('\n\n');
}

/** One line of a list: number, status, place. */
export const listLabel = (ctx: BotContext, p: PetitionRow) =>
  `#${p.id} ${ctx.t(`petitions.status.${p.status}`)} · ${p.place}`.slice(0, 60);
