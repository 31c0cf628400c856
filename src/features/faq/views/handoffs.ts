import { HOUR_MS } from '../../../core/time';
import type { TFunction } from '../../../i18n';
import { markup, pagedRows } from '../../../telegram/markup';
import { CB } from '../callbacks';
import type { HandoffEntryReview, OpenHandoff } from '../service';
import type { Entry, Handoff } from '../store';
import { type Card, categoryLabel } from './labels';
import { categoryPicker } from './staff';

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
    (h) => ({ text: t('faq.inbox.replyTo', { id: h.id }), data: CB.inboxReply(h.id, page) }),
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

/** The ❌ under a prompt of this area's staff flows: leaves the flow without typing /cancel. */
export const cancelMarkup = (t: TFunction) => markup([[{ text: t('faq.cancelButton'), data: CB.cancel }]]);

/** What staff are asked after pressing "reply". */
export const replyPrompt = (t: TFunction, h: Handoff, name: string): Card => ({
  text: t('faq.reply.ask', { id: h.id, name, question: h.question }),
  markup: cancelMarkup(t),
});

export const answerSentCard = (t: TFunction, handoffId: number): Card => ({
  text: t('faq.reply.sent', { id: handoffId }),
  markup: markup([[{ text: t('faq.reply.makeEntry'), data: CB.makeEntry(handoffId) }]]),
});

export const entryMadeCard = (t: TFunction, e: Entry): Card => ({
  text: t('faq.reply.entryMade', { question: e.question, category: categoryLabel(t, e.category) }),
  markup: markup([[{ text: t('faq.reply.openEntry'), data: CB.staffEntry(e.id) }]]),
});

// ── an answer becoming an entry, reviewed before it is saved ─────────────────────────────────

/**
 * The entry as it will be saved, with every name, phone number and address found in it listed — the resident's own
 * name first — and the buttons to change the question, the answer or the category, or to save.
 */
export function entryReviewCard(t: TFunction, r: HandoffEntryReview): Card {
  const entry = t('faq.fromHandoff.review', {
    asked: r.asked,
    question: r.question,
    answer: r.answer,
    category: categoryLabel(t, r.category),
  });
  const found = r.details.map((d) => t(`faq.fromHandoff.detail.${d.kind}`, { text: d.text }));
  const check = found.length
    ? [t('faq.fromHandoff.detailsFound', { count: found.length }), ...found, t('faq.fromHandoff.detailsHint')]
    : [t('faq.fromHandoff.noDetails')];
  return {
    text: [entry, check.join('\n')].join('\n\n'),
    markup: markup([
      [
        { text: t('faq.fromHandoff.editQuestion'), data: CB.draftEdit('question') },
        { text: t('faq.fromHandoff.editAnswer'), data: CB.draftEdit('answer') },
      ],
      [{ text: t('faq.fromHandoff.editCategory'), data: CB.draftCategories }],
      [{ text: t(found.length ? 'faq.fromHandoff.saveAnyway' : 'faq.fromHandoff.save'), data: CB.draftSave }],
      [{ text: t('faq.cancelButton'), data: CB.cancel }],
    ]),
  };
}

/** The review card turned into the question of one of its fields (the ✏️ pressed). */
export function draftFieldPrompt(t: TFunction, field: 'question' | 'answer', current: string): Card {
  return { text: t(`faq.fromHandoff.ask.${field}`, { current }), markup: cancelMarkup(t) };
}

/** The review card turned into the category choice. */
export const draftCategoryCard = (t: TFunction): Card => ({
  text: t('faq.add.askCategory'),
  markup: categoryPicker(t, CB.draftCategory),
});
