import { DomainError } from '../../core/errors';

/** A button of someone else's alarm, or of one that is gone. */
export class AlertNotFound extends DomainError {
  constructor() {
    super('safety.alertNotFound');
  }
}
