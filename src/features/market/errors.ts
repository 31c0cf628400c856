import { DomainError, InvalidInput } from '../../core/errors';
import type { Bilingual } from '../../core/names';

// Each code 'market.x' is shown as market.errors.x from locales/*/market.json. An error about the market day or the
// booking itself ends the flow in progress (typing again cannot help); an error about what was typed leaves it open,
// and its text says what is expected, with an example. A service that raises an input error at the last step of a
// flow (nothing left to re-type) says `endsFlow`.

type Ends = { endsFlow?: boolean };
const ends = { endsFlow: true };

export class MarketNotFound extends DomainError {
  constructor() {
    super('market.notFound', {}, ends);
  }
}
export class MarketCancelled extends DomainError {
  constructor() {
    super('market.cancelled', {}, ends);
  }
}
export class MarketOver extends DomainError {
  constructor() {
    super('market.over', {}, ends);
  }
}
export class BookingClosed extends DomainError {
  constructor() {
    super('market.closed', {}, ends);
  }
}
export class MarketNotOpen extends DomainError {
  constructor() {
    super('market.notOpen', {}, ends);
  }
}
export class MarketFull extends DomainError {
  constructor() {
    super('market.full', {}, ends);
  }
}
/**
 * The ticket is in the parameters in both languages for callers; the bot answers a repeated tap with the ticket in
 * the reader's language before it comes to this (a refusal's text cannot pick a language for its parameters).
 */
export class AlreadyBooked extends DomainError {
  constructor(ticket: Bilingual) {
    super('market.alreadyBooked', { ticket: ticket['zh-CN'], ticketEn: ticket.en }, ends);
  }
}
export class AlreadyWaiting extends DomainError {
  constructor(position: number) {
    super('market.alreadyWaiting', { position }, ends);
  }
}
export class BookingNotFound extends DomainError {
  constructor() {
    super('market.bookingNotFound', {}, ends);
  }
}
export class AlreadyPublished extends DomainError {
  constructor() {
    super('market.alreadyPublished', {}, ends);
  }
}
export class AlreadyRecorded extends DomainError {
  constructor() {
    super('market.alreadyRecorded', {}, ends);
  }
}
export class AlreadyAnswered extends DomainError {
  constructor() {
    super('market.alreadyAnswered', {}, ends);
  }
}
export class NoHome extends DomainError {
  constructor() {
    super('market.noHome', {}, ends);
  }
}
/** A ticket is marked "did not come" only once its time has come (a resident due at 09:15 is not late at 08:55). */
export class NoShowTooEarly extends DomainError {
  constructor(time: string) {
    super('market.noShowTooEarly', { time }, ends);
  }
}
/** Only a ticket with a recorded result can be put back in the queue. */
export class NothingToUndo extends DomainError {
  constructor() {
    super('market.nothingToUndo', {}, ends);
  }
}
/** A result can be undone on the day it was recorded; after that it is the record. */
export class UndoTooLate extends DomainError {
  constructor() {
    super('market.undoTooLate', {}, ends);
  }
}
/** The new-market flow's data no longer holds a whole market day (it was saved by an older version). */
export class DraftIncomplete extends DomainError {
  constructor() {
    super('market.draftIncomplete', {}, ends);
  }
}

// ── what was typed ────────────────────────────────────────────────────────
export class BadDate extends InvalidInput {
  constructor(example: string) {
    super('market.badDate', { example });
  }
}
export class DateInPast extends InvalidInput {
  constructor(example: string, opts: Ends = {}) {
    super('market.dateInPast', { example }, opts);
  }
}
export class BadHours extends InvalidInput {
  constructor() {
    super('market.badHours');
  }
}
export class BadLocation extends InvalidInput {
  constructor(max: number) {
    super('market.badLocation', { max });
  }
}
export class LocationTooLong extends InvalidInput {
  constructor(max: number, opts: Ends = {}) {
    super('market.locationTooLong', { max }, opts);
  }
}
export class NoServices extends InvalidInput {
  constructor(opts: Ends = {}) {
    super('market.noServices', {}, opts);
  }
}
export class UnknownService extends InvalidInput {
  constructor(name: string) {
    super('market.unknownService', { name });
  }
}
export class BadCapacity extends InvalidInput {
  constructor(max: number) {
    super('market.badCapacity', { max });
  }
}
export class CapacityBelowBooked extends InvalidInput {
  constructor(service: string, booked: number) {
    super('market.capacityBelowBooked', { service, booked });
  }
}
export class DetailsEmpty extends InvalidInput {
  constructor() {
    super('market.detailsEmpty');
  }
}
export class DetailsTooLong extends InvalidInput {
  constructor(max: number) {
    super('market.detailsTooLong', { max });
  }
}
export class NoteTooLong extends InvalidInput {
  constructor(max: number) {
    super('market.noteTooLong', { max });
  }
}

// ── the catalogue and the venues ──────────────────────────────────────────
export class ServiceNotFound extends DomainError {
  constructor() {
    super('market.serviceNotFound', {}, ends);
  }
}
export class VenueNotFound extends DomainError {
  constructor() {
    super('market.venueNotFound', {}, ends);
  }
}
/** A retired venue is offered for no new market day (a button from before it was retired). */
export class VenueRetired extends DomainError {
  constructor() {
    super('market.venueRetired', {}, ends);
  }
}
/** A venue is in a compound, and there is none yet (the sub-district's places are set up first). */
export class NoCompounds extends DomainError {
  constructor() {
    super('market.noCompounds', {}, ends);
  }
}
/** An export asked for a day without a market day; `recent` names the last ones held. */
export class NoMarketThatDay extends DomainError {
  constructor(date: string, recent: string) {
    super('market.noMarketThatDay', { date, recent });
  }
}
export class BadServiceName extends InvalidInput {
  constructor(max: number) {
    super('market.badServiceName', { max });
  }
}
export class BadNumber extends InvalidInput {
  constructor(max: number, example: number) {
    super('market.badNumber', { max, example });
  }
}
export class BadAddress extends InvalidInput {
  constructor(max: number) {
    super('market.badAddress', { max });
  }
}
