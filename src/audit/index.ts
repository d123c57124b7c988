/** Hash-chained audit log: see audit.ts. */
export { appendAudit, appendAuditMany, verifyAuditChain, rowHash, AUDIT_LOCK, GENESIS_HASH, type AuditActor, type AuditEntry, type AuditVerification } from './audit.js';
export { canonicalJson } from './canonical.js';
