import { DomainError, InvalidInput } from '../../core/errors';

// Each code 'activities.x' is shown as activities.errors.x from locales/*/activities.json. An error about the
// activity or the sign-up itself ends the flow in progress (typing again cannot help); an error about what was typed
// leaves it open, and its text says what is expected, with an example.

const ends = { endsFlow: true };

export class ActivityNotFound extends DomainError {
  constructor() {
    super('activities.notFound', {}, ends);
  }
}
export class ActivityCancelled extends DomainError {
  constructor() {
    super('activities.cancelled', {}, ends);
  }
}
export class ActivityOver extends DomainError {
  constructor() {
    super('activities.over', {}, ends);
  }
}
/** Sign-up closes when the activity starts. */
export class SignupClosed extends DomainError {
  constructor() {
    super('activities.closed', {}, ends);
  }
}
export class NoSignupNeeded extends DomainError {
  constructor() {
    super('activities.noSignup', {}, ends);
  }
}
export class NotPublished extends DomainError {
  constructor() {
    super('activities.notPublished', {}, ends);
  }
}
export class AlreadyPublished extends DomainError {
  constructor() {
    super('activities.alreadyPublished', {}, ends);
  }
}
export class ActivityFull extends DomainError {
  constructor() {
    super('activities.full', {}, ends);
  }
}
export class AlreadySignedUp extends DomainError {
  constructor(code: string) {
    super('activities.already', { code }, ends);
  }
}
export class AlreadyWaiting extends DomainError {
  constructor(position: number) {
    super('activities.alreadyWaiting', { position }, ends);
  }
}
/** The activity is for a community, a compound, relief recipients or volunteers, and the resident is not one. */
export class NotInAudience extends DomainError {
  constructor() {
    super('activities.notForYou', {}, ends);
  }
}
/** A children's class: a child is signed up by their guardian, not the guardian themself. */
export class ChildrenOnly extends DomainError {
  constructor(min: number, max: number) {
    super('activities.childrenOnly', { min, max }, ends);
  }
}
export class NotForChildren extends DomainError {
  constructor() {
    super('activities.notForChildren', {}, ends);
  }
}
export class ChildAgeOutOfRange extends DomainError {
  constructor(name: string, age: number, min: number, max: number) {
    super('activities.childAge', { name, age, min, max }, ends);
  }
}
export class ChildAlreadySignedUp extends DomainError {
  constructor(name: string) {
    super('activities.childAlready', { name }, ends);
  }
}
export class SignupNotFound extends DomainError {
  constructor() {
    super('activities.signupNotFound', {}, ends);
  }
}
export class CodeNotFound extends InvalidInput {
  constructor() {
    super('activities.codeNotFound');
  }
}
/** At the desk the next person's code comes straight after: the desk stays open. */
export class AlreadyCheckedIn extends DomainError {
  constructor(name: string, time: string) {
    super('activities.alreadyCheckedIn', { name, time });
  }
}
export class NotToday extends DomainError {
  constructor() {
    super('activities.notToday', {}, ends);
  }
}
export class NotStarted extends DomainError {
  constructor() {
    super('activities.notStarted', {}, ends);
  }
}
export class NotADrill extends DomainError {
  constructor() {
    super('activities.notADrill', {}, ends);
  }
}
export class AlreadyRated extends DomainError {
  constructor() {
    super('activities.alreadyRated', {}, ends);
  }
}
export class PartnersMayNotCreate extends DomainError {
  constructor() {
    super('activities.partnersOff', {}, ends);
  }
}
/** A user with the partner role whom no listed partner names as the one who speaks for it. */
export class NotAPartner extends DomainError {
  constructor() {
    super('activities.notAPartner', {}, ends);
  }
}
export class DraftIncomplete extends DomainError {
  constructor() {
    super('activities.draftIncomplete', {}, ends);
  }
}

// What was typed does not fit the step: the flow stays open and the text says what is expected.
export class BadText extends InvalidInput {
  constructor(max: number) {
    super('activities.badText', { max });
  }
}
export class BadDate extends InvalidInput {
  constructor(example: string) {
    super('activities.badDate', { example });
  }
}
export class DateInPast extends InvalidInput {
  constructor(example: string) {
    super('activities.dateInPast', { example });
  }
}
export class BadHours extends InvalidInput {
  constructor() {
    super('activities.badHours');
  }
}
export class BadCapacity extends InvalidInput {
  constructor(max: number) {
    super('activities.badCapacity', { max });
  }
}
export class BadAges extends InvalidInput {
  constructor(min: number, max: number) {
    super('activities.badAges', { min, max });
  }
}
export class BadSessions extends InvalidInput {
  constructor(max: number) {
    super('activities.badSessions', { max });
  }
}
export class BadChildName extends InvalidInput {
  constructor(max: number) {
    super('activities.badChildName', { max });
  }
}
export class BadChildAge extends InvalidInput {
  constructor(min: number, max: number) {
    super('activities.badChildAge', { min, max });
  }
}
export class BadPeople extends InvalidInput {
  constructor() {
    super('activities.badPeople');
  }
}
export class BadDuration extends InvalidInput {
  constructor() {
    super('activities.badDuration');
  }
}
export class BadSearch extends InvalidInput {
  constructor() {
    super('activities.badSearch');
  }
}
export class CapacityBelowBooked extends InvalidInput {
  constructor(booked: number) {
    super('activities.capacityBelowBooked', { booked });
  }
}
/** A map point far from every compound of the sub-district: a mis-tap, most likely. */
export class FarLocation extends InvalidInput {
  constructor(km: number) {
    super('activities.farLocation', { km });
  }
}
export class BadLocation extends InvalidInput {
  constructor() {
    super('activities.badLocation');
  }
}
export class UnknownPlace extends DomainError {
  constructor() {
    super('activities.unknownPlace', {}, ends);
  }
}
