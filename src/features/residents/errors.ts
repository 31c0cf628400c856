import { DomainError, InvalidInput } from '../../core/errors';

export class UnknownCompound extends DomainError {
  constructor() {
    super('residents.unknownCompound');
  }
}

/** A community or compound picked from a card that no longer exists (a forged or stale button). */
export class UnknownPlace extends DomainError {
  constructor() {
    super('residents.unknownPlace', {}, { endsFlow: true });
  }
}

/** The places file has problems (shown at the check); nothing was written. */
export class PlacesFileInvalid extends DomainError {
  constructor(count: number) {
    super('residents.placesFileInvalid', { count }, { endsFlow: true });
  }
}

/** A name typed in the chat that is empty or too long; the step asks again. */
export class NameInvalid extends InvalidInput {
  constructor(max: number) {
    super('residents.nameInvalid', { max });
  }
}

/** An address typed in the chat that is empty or too long; the step asks again. */
export class AddressInvalid extends InvalidInput {
  constructor(max: number) {
    super('residents.addressInvalid', { max });
  }
}

/** Another community (or another compound of the same community) already has this Chinese name. */
export class PlaceNameTaken extends InvalidInput {
  constructor(name: string) {
    super('residents.placeNameTaken', { name });
  }
}

/** A search for a person that is too short to mean anything (one letter would list everybody). */
export class QueryTooShort extends InvalidInput {
  constructor() {
    super('residents.queryTooShort');
  }
}

/** The admin tried to take their own admin role away: someone else must (nobody locks the deployment out). */
export class OwnAdminRole extends DomainError {
  constructor() {
    super('residents.ownAdminRole');
  }
}
