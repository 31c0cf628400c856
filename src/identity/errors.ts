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

// The staff console's sign-in (issue 16): rendered from locales/<lng>/console.json → errors.<name>.
export class LoginLinkNotFound extends DomainError {
  constructor() {
    super('console.linkNotFound');
  }
}
export class LoginLinkExpired extends DomainError {
  constructor() {
    super('console.linkExpired');
  }
}
export class LoginLinkUsed extends DomainError {
  constructor() {
    super('console.linkUsed');
  }
}
