import { DomainError } from '../../core/errors';

// Most of these make the step in progress pointless (the petition is gone, closed or not the user's), so they end
// the flow; the few a user simply learns from (already co-signed, not late yet) leave it open.

export class PetitionNotFound extends DomainError {
  constructor(opts: { endsFlow?: boolean } = {}) {
    super('petitions.notFound', {}, { endsFlow: opts.endsFlow ?? true });
  }
}
export class PetitionClosed extends DomainError {
  constructor(opts: { endsFlow?: boolean } = {}) {
    super('petitions.closed', {}, { endsFlow: opts.endsFlow ?? true });
  }
}
export class DailyLimitReached extends DomainError {
  constructor(max: number) {
    super('petitions.dailyLimit', { max }, { endsFlow: true });
  }
}
export class OccurrenceLimit extends DomainError {
  constructor(max: number) {
    super('petitions.occurrenceLimit', { max }, { endsFlow: true });
  }
}
export class AlreadySigned extends DomainError {
  constructor() {
    super('petitions.alreadySigned');
  }
}
export class OwnPetition extends DomainError {
  constructor() {
    super('petitions.ownPetition');
  }
}
export class NotFollower extends DomainError {
  constructor() {
    super('petitions.notFollower', {}, { endsFlow: true });
  }
}
export class NotPetitioner extends DomainError {
  constructor() {
    super('petitions.notPetitioner', {}, { endsFlow: true });
  }
}
export class NoFeedbackNow extends DomainError {
  constructor() {
    super('petitions.noFeedback');
  }
}
export class NotOverdue extends DomainError {
  constructor() {
    super('petitions.notOverdue');
  }
}
export class ChasedToday extends DomainError {
  constructor() {
    super('petitions.chasedToday');
  }
}
/** A deputy acting on a petition outside their communities (or a forged button). */
export class NotHandler extends DomainError {
  constructor() {
    super('petitions.notYours', {}, { endsFlow: true });
  }
}
export class UnknownDepartment extends DomainError {
  constructor() {
    super('petitions.unknownDepartment', {}, { endsFlow: true });
  }
}
/** A petition number typed for a meeting that does not exist or is not the deputy's: they may type the list again. */
export class NotMeetingItem extends DomainError {
  constructor(id: number) {
    super('petitions.notMeetingItem', { id });
  }
}
/** /deputies add with a user or community id that is not known. */
export class UnknownAssignment extends DomainError {
  constructor() {
    super('petitions.unknownAssignment');
  }
}
/** ✅ 受理 pressed on a petition someone already acknowledged (a stale card, a second tap): nothing changes. */
export class AlreadyAcknowledged extends DomainError {
  constructor(id: number, status: string) {
    super('petitions.alreadyAcknowledged', { id, status });
  }
}
/** A change the petition's current status does not allow (a stale card or a forged button): nothing changes. */
export class NotNow extends DomainError {
  constructor(id: number, status: string) {
    super('petitions.notNow', { id, status }, { endsFlow: true });
  }
}
