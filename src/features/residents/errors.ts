import { DomainError } from '../../core/errors';

export class UnknownCompound extends DomainError {
  constructor() {
    super('residents.unknownCompound');
  }
}

/** The places file has problems (shown at the check); nothing was written. */
export class PlacesFileInvalid extends DomainError {
  constructor(count: number) {
    super('residents.placesFileInvalid', { count }, { endsFlow: true });
  }
}
