import { DomainError } from '../../core/errors';

// Shown as relief.errors.<name> from locales/<lng>/relief.json.
export class RecipientNotFound extends DomainError {
  constructor() {
    super('relief.recipientNotFound');
  }
}
export class RecipientInactive extends DomainError {
  constructor(name: string) {
    super('relief.inactive', { name });
  }
}
export class LinkNotFound extends DomainError {
  constructor() {
    super('relief.linkNotFound');
  }
}
export class LinkUsed extends DomainError {
  constructor() {
    super('relief.linkUsed');
  }
}
export class LinkExpired extends DomainError {
  constructor() {
    super('relief.linkExpired');
  }
}
export class OwnProxyLink extends DomainError {
  constructor() {
    super('relief.ownProxyLink');
  }
}
export class LinkedElsewhere extends DomainError {
  constructor() {
    super('relief.linkedElsewhere');
  }
}
export class CodeNotFound extends DomainError {
  constructor() {
    super('relief.codeNotFound');
  }
}
export class InvalidInput extends DomainError {
  constructor(what: string) {
    super(`relief.invalid${what}`);
  }
}
export class TooManyProxies extends DomainError {
  constructor(max: number) {
    super('relief.tooManyProxies', { max });
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
