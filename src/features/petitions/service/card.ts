import { bilingual, displayName } from '../../../core/names';
import { localDate } from '../../../core/time';
import type { DbOrTx } from '../../../db/schema';
import type { User } from '../../../identity';
import type { OutButton, OutContent, Param } from '../../../outbox/service';
import type { Community } from '../../residents/service';
import { CB } from '../callbacks';
import { coordinates, mapUrl } from '../location';
import { handlerActions, isOpen } from '../policy';
import type { Department, Petition } from '../store';
import * as store from '../store';

// The card a deputy (or staff) holds for each petition, as first forwarded and as every later state of it: one
// content for the outbox (which edits the card in each handler's chat) and for the handler who just acted (whose
// tapped message is edited to the same thing).

/** What the card says that does not change with the petition's state; read before a transaction opens. */
export interface CardFacts {
  community?: Community;
  petitioner?: User;
}

/** "已转交水务局", "已受理" … in the recipient's language: the change in words, never a dash. */
export function changeParam(p: Pick<Petition, 'status'>, department?: Department): Param {
  if (p.status === 'transferred' && department)
    return { $t: 'petitions.change.transferred', params: { department: bilingual(department) } };
  return { $t: `petitions.status.${p.status}` };
}

/** The handler's buttons for the petition as it is now: exactly the actions valid now, and its details. */
export function handlerButtons(p: Petition): OutButton[][] {
  const actions = handlerActions(p);
  const button = (a: (typeof actions)[number]): OutButton => {
    const data = { ack: CB.ack, askInfo: CB.askInfo, status: CB.statusMenu, reply: CB.reply }[a](p.id);
    return { key: `petitions.btn.${a}`, data };
  };
  const rows: OutButton[][] = [];
  for (let i = 0; i < actions.length; i += 2) rows.push(actions.slice(i, i + 2).map(button));
  rows.push([{ key: 'petitions.btn.details', data: CB.handle(p.id) }]);
  return rows;
}

/** The line under the card that says where the petition stands and what is due next. */
function stateLine(p: Petition, department: Department | undefined, tz: string): Param {
  const change = changeParam(p, department);
  if (!isOpen(p)) return { $t: 'petitions.fwd.state.closed', params: { change } };
  if (p.acknowledgedAt === null)
    return { $t: 'petitions.fwd.state.ackBy', params: { ackDue: localDate(new Date(p.ackDueAt), tz) } };
  if (p.answeredAt !== null) return { $t: 'petitions.fwd.state.answered', params: { change } };
  return { $t: 'petitions.fwd.state.answerBy', params: { change, answerDue: localDate(new Date(p.answerDueAt), tz) } };
}

/** The card's content now. `db` is the transaction the change is made in (department and photos are read there). */
export async function cardContent(db: DbOrTx, p: Petition, facts: CardFacts, tz: string): Promise<OutContent> {
  const u = facts.petitioner;
  const who = u
    ? displayName(u) + (u.username ? ` @${u.username}` : '') + (u.phone ? ` ☎ ${u.phone}` : '')
    : String(p.petitionerId);
  const department = p.departmentId === null ? undefined : await store.findDepartment(db, p.departmentId);
  const buttons = handlerButtons(p);
  if (p.latitude !== null && p.longitude !== null)
    buttons.push([{ key: 'petitions.btn.map', url: mapUrl(p.latitude, p.longitude) }]);
  return {
    key: 'petitions.fwd.new',
    params: {
      title: { $t: p.acknowledgedAt === null && isOpen(p) ? 'petitions.fwd.titleNew' : 'petitions.fwd.title' },
      id: p.id,
      category: bilingual(p.categoryName),
      community: facts.community ? bilingual(facts.community) : '—',
      place: p.place,
      location: coordinates(p),
      description: p.description,
      who,
      photos: await store.countPhotos(db, p.id),
      state: stateLine(p, department, tz),
    },
    buttons,
  };
}

/** The dedupe key of the card as first forwarded to a chat: every later state replaces it there. */
export const cardKey = (petitionId: number, chatId: number) => `petitions:new:${petitionId}:${chatId}`;
