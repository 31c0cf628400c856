import { DomainError } from '../../core/errors';
import { formatYuan } from './money';

// Every refusal at the last tap of a flow (save, reverse, pledge) ends it: typing again cannot make it succeed.
const ENDS_FLOW = { endsFlow: true } as const;

export class EntryNotFound extends DomainError {
  constructor() {
    super('fund.entryNotFound', {}, ENDS_FLOW);
  }
}
export class AlreadyReversed extends DomainError {
  constructor() {
    super('fund.alreadyReversed', {}, ENDS_FLOW);
  }
}
export class ReversalOfReversal extends DomainError {
  constructor() {
    super('fund.reversalOfReversal', {}, ENDS_FLOW);
  }
}
export class InsufficientFunds extends DomainError {
  constructor(readonly availableFen: number) {
    super('fund.insufficient', { available: formatYuan(availableFen) }, ENDS_FLOW);
  }
}
export class InvalidEntry extends DomainError {
  constructor(readonly field: string) {
    super('fund.invalidEntry', { field }, ENDS_FLOW);
  }
}
export class PledgeNotFound extends DomainError {
  constructor() {
    super('fund.pledgeNotFound');
  }
}
export class AlreadyPledged extends DomainError {
  constructor() {
    super('fund.alreadyPledged', {}, ENDS_FLOW);
  }
}
/** The month's pledged money was recorded already, as entry #id. */
export class PledgeConfirmed extends DomainError {
  constructor(id: number) {
    super('fund.pledgeConfirmed', { id });
  }
}
export class InvalidPledge extends DomainError {
  constructor() {
    super('fund.invalidPledge', {}, ENDS_FLOW);
  }
}
/** A CSV import with problems: nothing was imported; `errors` names each problem with its row. */
export class ImportFailed extends DomainError {
  constructor(readonly errors: string[]) {
    super('fund.importFailed', { count: errors.length });
  }
}
