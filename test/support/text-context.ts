import { Context } from 'grammy';

/** A grammY context for a private text message, with no API behind it: for middleware that only reads the update. */
export const textContext = (text: string) =>
  new Context(
    {
      update_id: 1,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 1, type: 'private', first_name: 'x' },
        from: { id: 1, is_bot: false, first_name: 'x' },
        text,
      },
    },
    {} as never,
    {} as never,
  );
