import { DomainError } from '../../core/errors';

/** A step's button for a step no area offers any more (an upgrade removed it, or the data was forged). */
export class UnknownStep extends DomainError {
  constructor() {
    super('setup.unknownStep');
  }
}
