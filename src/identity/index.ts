// Users, roles, invitations, flows and the audit log: below both the Telegram layer and every area.
export { type AuditEntry, type AuditRecord, auditDenied, listAudit, recordAudit } from './audit';
export * from './errors';
export { defineFlow, type FlowDef, type StoredFlow } from './flows';
export { hasAny, invitableBy, isRole, ROLES, type Role } from './roles';
export { createIdentity, type Identity } from './service';
export type { TelegramProfile, User } from './user';
export { LOGIN_LINK_MS, WEB_SESSION_MS, type WebLogins, type WebSession } from './web-logins';
