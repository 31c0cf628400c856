import type { DbOrTx } from '../../../db/schema';
import type { OutButton, OutMessage, Param } from '../../../outbox/service';
import type { Platform } from '../../../platform';
import { CB } from '../callbacks';
import type { FaqPolicy } from '../policy';

// The card a handed-off question is to staff: sent to each of them (or to the staff group), reminded, and edited in
// place for everyone through the outbox (`replaces`) when someone takes it, answers it or makes it an entry — so no
// card keeps a ✍️ button for a question already answered. Buttons are per recipient: exactly what they may do now.

/** Where a hand-off card goes: a staff member's private chat (userId) or the staff group (userId null). */
export interface Recipient {
  chatId: number;
  userId: number | null;
}

/** Who handed-off questions go to: the staff group chat if configured, else every staff member and admin. */
export async function staffRecipients(
  identity: Platform['identity'],
  policy: FaqPolicy,
  trx: DbOrTx,
): Promise<Recipient[]> {
  if (policy.staffChatId !== undefined) return [{ chatId: policy.staffChatId, userId: null }];
  const ids = (await identity.staffAndAdmins(trx)).map((u) => u.id).sort((a, b) => a - b);
  return ids.map((id) => ({ chatId: id, userId: id }));
}

/** The dedupe key of the card as first sent to a chat, and of each reminder round: what an update `replaces`. */
export const cardKey = (handoffId: number, chatId: number) => `faq:handoff:${handoffId}:${chatId}`;
export const reminderKey = (handoffId: number, round: number, chatId: number) =>
  `faq:remind:${handoffId}:${round}:${chatId}`;

export const replyButton = (id: number): OutButton[][] => [[{ key: 'faq.handoff.replyButton', data: CB.reply(id) }]];

/**
 * Only the one who took a question may reply to it: their chat keeps the button, and so does the staff group (where
 * anyone else pressing it is told who took it); other staff members' cards lose it.
 */
export const mayReply = (r: Recipient, takenBy: number | null) =>
  takenBy === null || r.userId === null || r.userId === takenBy;

/** What a card says about the question itself: who asked, where they live, what. */
export interface CardHead {
  id: number;
  name: string;
  place: Param;
  question: string;
}

/** The state a card is updated to, with the name of the staff member who brought it about. */
export type CardState =
  | { kind: 'taken'; by: number; name: string }
  | { kind: 'answered'; name: string; answer: string }
  | { kind: 'entry'; question: string };

/** Longest staff answer quoted on a card: the card is a notice of what happened, the thread has the whole of it. */
const QUOTE = 300;
const quote = (s: string) => ([...s].length > QUOTE ? `${[...s].slice(0, QUOTE - 1).join('')}…` : s);

function statusOf(s: CardState): Param {
  if (s.kind === 'taken') return { $t: 'faq.handoff.status.taken', params: { name: s.name } };
  if (s.kind === 'answered')
    return { $t: 'faq.handoff.status.answered', params: { name: s.name, answer: quote(s.answer) } };
  return { $t: 'faq.handoff.status.entry', params: { question: s.question } };
}

function buttonsOf(s: CardState, r: Recipient, id: number): OutButton[][] | undefined {
  if (s.kind === 'taken') return mayReply(r, s.by) ? replyButton(id) : undefined;
  if (s.kind === 'answered') return [[{ key: 'faq.reply.makeEntry', data: CB.makeEntry(id) }]];
  return undefined;
}

/**
 * The cards of a hand-off that actually went out (the first card and each reminder, to the chats that hand-offs go
 * to now): read before the transaction that changes the state, by their exact keys. A chat that never got a card
 * gets no update; one whose row was pruned long ago is left alone rather than sent the card anew.
 */
export async function cardsHeld(
  outbox: Platform['outbox'],
  to: Recipient[],
  handoffId: number,
  remindedRound: number,
): Promise<(Recipient & { key: string })[]> {
  const keys = to.flatMap((r) => [
    { ...r, key: cardKey(handoffId, r.chatId) },
    ...Array.from({ length: remindedRound }, (_, i) => ({ ...r, key: reminderKey(handoffId, i + 1, r.chatId) })),
  ]);
  const found = await Promise.all(keys.map(async (k) => ((await outbox.find(k.key)) ? k : undefined)));
  return found.filter((k) => k !== undefined);
}

/** Every held card edited to the new state: a new key per card and state, `replaces` the card as first sent. */
export function cardUpdates(held: (Recipient & { key: string })[], head: CardHead, state: CardState): OutMessage[] {
  return held.map((c) => {
    const buttons = buttonsOf(state, c, head.id);
    return {
      dedupeKey: `${c.key}:${state.kind}`,
      chatId: c.chatId,
      userId: c.userId,
      category: 'staff',
      content: {
        key: 'faq.handoff.card',
        params: { ...head, status: statusOf(state) },
        ...(buttons ? { buttons } : {}),
        replaces: c.key,
      },
    };
  });
}
