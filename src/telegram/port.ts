/** An inline keyboard in Telegram's own JSON shape (what `reply_markup` takes), built without grammY. */
export interface InlineMarkup {
  inline_keyboard: ({ text: string; callback_data: string } | { text: string; url: string })[][];
}

/**
 * What areas may ask of Telegram outside a handler (jobs, services' callers), without knowing grammY. Built by the
 * bot factory; every method is safe to call before the bot has started.
 */
export interface TelegramPort {
  /** The bot's @username, known after getMe; for deep links. */
  botUsername(): string;
  /** Shows a user the command menu of their roles (after a role or language change). Never throws. */
  publishCommandsFor(userId: number): Promise<void>;
  /** A message outside a handler (a progress report); resolves to its message id. */
  sendText(chatId: number, html: string, markup?: InlineMarkup): Promise<number>;
  /** Edits such a message; an unchanged or deleted message is not an error. */
  editText(chatId: number, messageId: number, html: string, markup?: InlineMarkup): Promise<void>;
  /**
   * The bytes of a file someone sent (a petition's photo, for the staff console), by its file id; rejects past
   * `maxBytes` (FileTooBig) and when Telegram cannot give it. A network call: never inside a database transaction.
   */
  fileBytes(fileId: string, maxBytes: number): Promise<Buffer>;
  /** A broadcast was stopped: the sender drops what it had claimed of it but not yet sent. */
  forgetBroadcast(broadcastId: number): void;
  /**
   * Handles an update again, as if it had just arrived (the emergency check holds a message back; "carry on" hands it
   * to the flow it was meant for). Returns at once; the update is handled after the current one of that user.
   */
  replay(update: object): void;
}
