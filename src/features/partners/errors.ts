import { DomainError } from '../../core/errors';

/** Raised at a flow's last step: typing again cannot make it succeed, so the flow ends with the answer. */
export const ENDS_FLOW = { endsFlow: true } as const;
type Opts = { endsFlow?: boolean };

export class PartnerNotFound extends DomainError {
  constructor() {
    super('partners.notFound');
  }
}
export class PartnerExists extends DomainError {
  constructor() {
    super('partners.exists');
  }
}
export class TeamNotFound extends DomainError {
  constructor(opts: Opts = {}) {
    super('partners.teamNotFound', {}, opts);
  }
}
export class TeamExists extends DomainError {
  constructor() {
    super('partners.teamExists');
  }
}
export class AlreadyMember extends DomainError {
  constructor() {
    super('partners.alreadyMember');
  }
}
export class AlreadyApplied extends DomainError {
  constructor() {
    super('partners.alreadyApplied');
  }
}
export class ApplicationNotFound extends DomainError {
  constructor(code = 'partners.applicationNotFound', params: Record<string, string> = {}) {
    super(code, params);
  }
}
/** Another staff member decided first: named, so a stale approve or decline button says who did what. */
export class ApplicationDecided extends ApplicationNotFound {
  constructor(by: string, approved: boolean) {
    super(approved ? 'partners.applicationApproved' : 'partners.applicationRejected', { by });
  }
}
export class NotTeamMember extends DomainError {
  constructor() {
    super('partners.notMember');
  }
}
export class ShiftNotFound extends DomainError {
  constructor() {
    super('partners.shiftNotFound');
  }
}
export class ShiftFull extends DomainError {
  constructor() {
    super('partners.shiftFull');
  }
}
export class ShiftAlreadyTaken extends DomainError {
  constructor() {
    super('partners.shiftTaken');
  }
}
export class ShiftPast extends DomainError {
  constructor(opts: Opts = {}) {
    super('partners.shiftPast', {}, opts);
  }
}
export class ShiftNotYet extends DomainError {
  constructor() {
    super('partners.shiftNotYet');
  }
}
export class InvalidShift extends DomainError {
  constructor(readonly field: string) {
    super('partners.invalidShift', { field }, ENDS_FLOW);
  }
}
