/**
 * A rule of the domain said no. `code` names the case (`market.full`); the error boundary turns it into the
 * translated text `market.errors.full` with `params`. The one path for domain errors: services throw, handlers
 * keep no try/catch for them.
 */
export class DomainError extends Error {
  /** When raised inside a flow: end it (the request cannot succeed by typing again), or keep it and re-ask. */
  readonly endsFlow: boolean;

  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    opts: { endsFlow?: boolean } = {},
  ) {
    super(code);
    this.name = new.target.name;
    this.endsFlow = opts.endsFlow ?? false;
  }
}

export class NotAllowed extends DomainError {
  constructor() {
    super('notAllowed', {}, { endsFlow: true });
  }
}

/** What the user typed is not what the step expects; the reply says what is and the step stays open. */
export class InvalidInput extends DomainError {}
