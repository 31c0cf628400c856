import { DomainError } from '../../core/errors';

// Shown as relief.errors.<name> from locales/<lng>/relief.json. An error about the person or the link ends the flow
// it happens in (typing again cannot help); a mistyped answer leaves the step open and the text says what is expected.

export class RecipientNotFound extends DomainError {
  constructor() {
    super('relief.recipientNotFound', {}, { endsFlow: true });
  }
}
export class RecipientInactive extends DomainError {
  constructor(name: string) {
    super('relief.inactive', { name }, { endsFlow: true });
  }
}
export class LinkNotFound extends DomainError {
  constructor() {
    super('relief.linkNotFound', {}, { endsFlow: true });
  }
}
export class LinkUsed extends DomainError {
  constructor() {
    super('relief.linkUsed', {}, { endsFlow: true });
  }
}
export class LinkExpired extends DomainError {
  constructor() {
    super('relief.linkExpired', {}, { endsFlow: true });
  }
}
export class OwnProxyLink extends DomainError {
  constructor() {
    super('relief.ownProxyLink', {}, { endsFlow: true });
  }
}
export class LinkedElsewhere extends DomainError {
  constructor() {
    super('relief.linkedElsewhere', {}, { endsFlow: true });
  }
}
export class TooManyProxies extends DomainError {
  constructor(max: number) {
    super('relief.tooManyProxies', { max }, { endsFlow: true });
  }
}
/** A flow saved without the answers its step needs (an older version, or a damaged row): start again. */
export class FlowIncomplete extends DomainError {
  constructor() {
    super('relief.flowIncomplete', {}, { endsFlow: true });
  }
}
/** Not this month's code: the desk types the next one. */
export class CodeNotFound extends DomainError {
  constructor() {
    super('relief.codeNotFound');
  }
}
/** What was typed is not what the step expects: `relief.errors.invalid<What>` says what is, with an example. */
export class InvalidInput extends DomainError {
  constructor(
    what:
      | 'Name'
      | 'ProxyName'
      | 'Category'
      | 'Community'
      | 'Phone'
      | 'Day'
      | 'Hours'
      | 'Place'
      | 'Address'
      | 'Makeup'
      | 'Holiday'
      | 'Search',
  ) {
    super(`relief.invalid${what}`);
  }
}
/**
 * The same name and phone are on the roster already (as the import refuses a row for someone listed). It ends the
 * flow: the chat finds this at the last step, where typing again cannot help.
 */
export class AlreadyOnRoster extends DomainError {
  constructor(name: string, id: number) {
    super('relief.alreadyOnRoster', { name, id }, { endsFlow: true });
  }
}
/** A second pickup in the same month: says who checked in the first one, when, and who collected it. */
export class AlreadyCollected extends DomainError {
  constructor(p: { name: string; at: string; staff: string; proxy: string | null }) {
    super(p.proxy === null ? 'relief.alreadyCollected' : 'relief.alreadyCollectedByProxy', {
      name: p.name,
      at: p.at,
      staff: p.staff,
      proxy: p.proxy ?? '',
    });
  }
}

/** A roster file with problems: nothing was written; every bad row is named (for the CLI, in English). */
export class ImportFailed extends Error {
  constructor(readonly errors: string[]) {
    super(`nothing imported; ${errors.length} problem(s):\n${errors.join('\n')}`);
  }
}

/** The checked file no longer fits when it is confirmed (the roster changed in between): nothing was imported. */
export class RosterFileInvalid extends DomainError {
  constructor(count: number) {
    super('relief.rosterFileInvalid', { count }, { endsFlow: true });
  }
}
export class InquiryNotFound extends DomainError {
  constructor() {
    super('relief.inquiryNotFound');
  }
}
/** Someone else answered the request first. */
export class InquiryAnswered extends DomainError {
  constructor(by: string, at: string) {
    super('relief.inquiryAnswered', { by, at });
  }
}
