import { DomainError } from '../../core/errors';

// Each code 'market.x' is shown to the user as market.errors.x from locales/*/market.json.
export class MarketNotFound extends DomainError {
  constructor() {
    super('market.notFound');
  }
}
export class MarketCancelled extends DomainError {
  constructor() {
    super('market.cancelled');
  }
}
export class MarketOver extends DomainError {
  constructor() {
    super('market.over');
  }
}
export class BookingClosed extends DomainError {
  constructor() {
    super('market.closed');
  }
}
export class MarketNotOpen extends DomainError {
  constructor() {
    super('market.notOpen');
  }
}
export class MarketFull extends DomainError {
  constructor() {
    super('market.full');
  }
}
export class AlreadyBooked extends DomainError {
  constructor(ticket: string) {
    super('market.alreadyBooked', { ticket });
  }
}
export class AlreadyWaiting extends DomainError {
  constructor(position: number) {
    super('market.alreadyWaiting', { position });
  }
}
export class BookingNotFound extends DomainError {
  constructor() {
    super('market.bookingNotFound');
  }
}
export class AlreadyPublished extends DomainError {
  constructor() {
    super('market.alreadyPublished');
  }
}
export class BadDate extends DomainError {
  constructor() {
    super('market.badDate');
  }
}
export class DateInPast extends DomainError {
  constructor() {
    super('market.dateInPast');
  }
}
export class BadHours extends DomainError {
  constructor() {
    super('market.badHours');
  }
}
export class NoServices extends DomainError {
  constructor() {
    super('market.noServices');
  }
}
export class UnknownService extends DomainError {
  constructor(name: string) {
    super('market.unknownService', { name });
  }
}
export class BadCapacity extends DomainError {
  constructor() {
    super('market.badCapacity');
  }
}
export class CapacityBelowBooked extends DomainError {
  constructor(service: string, booked: number) {
    super('market.capacityBelowBooked', { service, booked });
  }
}
export class DetailsEmpty extends DomainError {
  constructor() {
    super('market.detailsEmpty');
  }
}
export class DetailsTooLong extends DomainError {
  constructor(max: number) {
    super('market.detailsTooLong', { max });
  }
}
export class LocationTooLong extends DomainError {
  constructor(max: number) {
    super('market.locationTooLong', { max });
  }
}
export class NoteTooLong extends DomainError {
  constructor(max: number) {
    super('market.noteTooLong', { max });
  }
}
export class AlreadyRecorded extends DomainError {
  constructor() {
    super('market.alreadyRecorded');
  }
}
export class AlreadyAnswered extends DomainError {
  constructor() {
    super('market.alreadyAnswered');
  }
}
