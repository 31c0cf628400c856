import { DomainError } from '../../core/errors';

export class UnknownCompound extends DomainError {
  constructor() {
    super('residents.unknownCompound');
  }
}
