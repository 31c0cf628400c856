import { DomainError } from '../core/errors';

// Codes without an area prefix render from locales/<lng>/errors.json.
export class InvitationNotFound extends DomainError {
  constructor() {
    super('invitationNotFound');
  }
}
export class InvitationExpired extends DomainError {
  constructor() {
    super('invitationExpired');
  }
}
export class InvitationUsed extends DomainError {
  constructor() {
    super('invitationUsed');
  }
}
