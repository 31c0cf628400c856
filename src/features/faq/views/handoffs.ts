import { HOUR_MS } from '../../../core/time';
import type { TFunction } from '../../../i18n';
import { markup, pagedRows } from '../../../telegram/markup';
import { CB } from '../callbacks';
import type { OpenHandoff } from '../service';
import type { Entry, Handoff } from '../store';
import type { Card } from './labels';

/** Open questions per page of /inbox. */
const INBOX_PAGE = 6;

/** /inbox: the open questions, oldest first, each with a reply button. */
export function inboxCard(t: TFunction, open: OpenHandoff[], page: number, now: Date): Card {
  if (open.length === 0) return { text: t('faq.inbox.empty') };
  const {
    rows,
    page: p,
    pages,
  } = pagedRows(
    open,
    page,
    INBOX_PAGE,
    (h) => ({ text: t('faq.inbox.replyTo', { id: h.id }), data: CB.reply(h.id) }),
    CB.inbox,
    2,
  );
  // Each piece is a finished translation (its resident text escaped by t); joining them adds no markup.
  const lines = open.slice(p * INBOX_PAGE, (p + 1) * INBOX_PAGE).map((h) => {
    const line = t('faq.inbox.line', {
      id: h.id,
      name: h.name,
      question: h.question.length > 120 ? `${h.question.slice(0, 119)}…` : h.question,
      hours: Math.floor((now.getTime() - Date.parse(h.createdAt)) / HOUR_MS),
    });
    const taken = h.takenByName === null ? t('faq.inbox.notTaken') : t('faq.inbox.takenBy', { name: h.takenByName });
    return `${line}\n${taken}`;
  });
  const title = t('faq.inbox.title', { count: open.length, page: p + 1, pages });
  return { text: `${title}\n\n${lines.join('\n\n')}`, markup: markup(rows) };
}

/** What staff are asked after pressing "reply". */
export const replyPrompt = (t: TFunction, h: Handoff, name: string) =>
  t('faq.reply.ask', { id: h.id, name, question: h.question });

export const answerSentCard = (t: TFunction, handoffId: number): Card => ({
  text: t('faq.reply.sent', { id: handoffId }),
  markup: markup([[{ text: t('faq.reply.makeEntry'), data: CB.makeEntry(handoffId) }]]),
});

export const entryMadeCard = (t: TFunction, e: Entry): Card => ({
  text: t('faq.reply.entryMade', { question: e.question }),
  markup: markup([[{ text: t('faq.reply.openEntry'), data: CB.staffEntry(e.id) }]]),
});
