/** What Telegram can send in an update beside its id: exactly one of these (Bot API, `Update`). */
const UPDATE_KINDS = new Set([
  'message',
  'edited_message',
  'channel_post',
  'edited_channel_post',
  'business_connection',
  'business_message',
  'edited_business_message',
  'deleted_business_messages',
  'message_reaction',
  'message_reaction_count',
  'inline_query',
  'chosen_inline_result',
  'callback_query',
  'shipping_query',
  'pre_checkout_query',
  'purchased_paid_media',
  'poll',
  'poll_answer',
  'my_chat_member',
  'chat_member',
  'chat_join_request',
  'chat_boost',
  'removed_chat_boost',
]);

/** The kinds of update a middleware can act on. */
export type Kinds = readonly string[];

/** The kinds an update carries (one, from Telegram), and a key naming them together. */
export interface UpdateKinds {
  key: string;
  present: ReadonlySet<string>;
}

const KINDS = Symbol('update kinds');

/** The kinds of the update in `ctx`, worked out once per update. */
export function kindsOfUpdate(ctx: never): UpdateKinds {
  const c = ctx as { update: object; [KINDS]?: UpdateKinds };
  let k = c[KINDS];
  if (!k) {
    const present = new Set(Object.keys(c.update).filter((key) => UPDATE_KINDS.has(key)));
    k = c[KINDS] = { key: [...present].join(','), present };
  }
  return k;
}

/** Whether a middleware acting on `kinds` (undefined: any) can act on this update. */
export const runsFor = (kinds: Kinds | undefined, update: UpdateKinds): boolean =>
  kinds === undefined || kinds.some((k) => update.present.has(k));

/**
 * The kinds a grammY filter query can match: a query naming an update kind (`message:text`, `callback_query:data`)
 * matches only updates that carry it, since grammY's predicate reads that field first. A shortcut (`:text`,
 * `msg`, `edit`) is left open: undefined.
 */
export function queryKinds(query: string | readonly string[]): Kinds | undefined {
  const kinds = new Set<string>();
  for (const q of typeof query === 'string' ? [query] : query) {
    const l1 = q.split(':')[0]!;
    if (!UPDATE_KINDS.has(l1)) return undefined;
    kinds.add(l1);
  }
  return [...kinds];
}

type Tagged = { kinds?: Kinds };
type Method = (this: unknown, first: never, ...rest: never[]) => unknown;

/**
 * Tags the middleware grammY's `on` and `callbackQuery` add with the kinds of update they can act on, so a list of
 * middleware can leave them out for other kinds. `added` gives the list's entries, which each method grows by one.
 */
export function tagUpdateKinds(proto: object, added: (composer: unknown) => readonly Tagged[] | undefined): void {
  const methods: [string, (first: never) => Kinds | undefined][] = [
    ['on', (query) => queryKinds(query)],
    ['callbackQuery', () => ['callback_query']],
  ];
  const p = proto as Record<string, Method>;
  for (const [name, kindsOf] of methods) {
    const original = p[name]!;
    p[name] = function tagged(first, ...rest) {
      const before = added(this)?.length ?? 0;
      const result = original.call(this, first, ...rest);
      const after = added(this);
      if (after && after.length === before + 1) after[before]!.kinds = kindsOf(first);
      return result;
    };
  }
}
