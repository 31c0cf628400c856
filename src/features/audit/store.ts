// TRANSITION SHIM (issue 12): the audit log lives in identity/. Removed when the last area moves.
export { listAudit, recordAudit } from '../../identity/audit';
