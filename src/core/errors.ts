/**
 * A rule of the domain said no. `code` names the case; the Telegram layer turns it into
 * the translated text `errors.<code>` unless a handler answers more specifically.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = new.target.name;
  }
}

export class NotAllowed extends DomainError {
  constructor() {
    super('notAllowed');
  }
}
