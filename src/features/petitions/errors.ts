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
/** An area for a deputy with a user, community or category that is not known (or no longer offered). */
export class UnknownAssignment extends DomainError {
  constructor() {
    super('petitions.unknownAssignment');
  }
}
/** Areas are given only to someone holding the deputy role (a stale deputies' list, a forged button). */
export class NotADeputy extends DomainError {
  constructor() {
    super('petitions.notADeputy', {}, { endsFlow: true });
  }
}
/** A category that is retired or never was (a button from before it was retired, a forged one): start again. */
export class UnknownCategory extends DomainError {
  constructor() {
    super('petitions.unknownCategory', {}, { endsFlow: true });
  }
}
/** A catalogue entry (category, department) that does not exist: a stale or forged button. */
export class NotInCatalogue extends DomainError {
  constructor() {
    super('petitions.notInCatalogue', {}, { endsFlow: true });
  }
}
/** A name another category or department already has. */
export class NameTaken extends DomainError {
  constructor(name: string) {
    super('petitions.nameTaken', { name });
  }
}
/** The last category residents can choose cannot be retired: they would have nothing to petition about. */
export class LastCategory extends DomainError {
  constructor() {
    super('petitions.lastCategory');
  }
}
/** A time limit outside its bounds, or an answer limit shorter than the acknowledgement's. */
export class BadLimit extends DomainError {
  constructor(min: number, max: number) {
    super('petitions.badLimit', { min, max });
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
