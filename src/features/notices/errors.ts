import { DomainError } from '../../core/errors';

// Errors a staff member can answer by typing a time again carry an example of what is expected.

export class UnknownAudience extends DomainError {
  constructor() {
    super('notices.unknownAudience');
  }
}
export class NoRecipients extends DomainError {
  constructor() {
    super('notices.noRecipients');
  }
}
/** The same preview confirmed twice: the first one went out, this flow has nothing left to do. */
export class AlreadyConfirmed extends DomainError {
  constructor() {
    super('notices.alreadyConfirmed', {}, { endsFlow: true });
  }
}
export class BroadcastNotFound extends DomainError {
  constructor() {
    super('notices.notFound');
  }
}
export class NotRunning extends DomainError {
  constructor() {
    super('notices.notRunning');
  }
}
export class BadTime extends DomainError {
  constructor(example: string) {
    super('notices.badTime', { example });
  }
}
export class TimeInPast extends DomainError {
  constructor(example: string) {
    super('notices.timeInPast', { example });
  }
}
export class TooFarAhead extends DomainError {
  constructor(days: number, example: string) {
    super('notices.tooFar', { days, example });
  }
}
export class EmptyNotice extends DomainError {
  constructor() {
    super('notices.empty');
  }
}
