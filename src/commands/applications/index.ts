/** Application use cases (docs/CONTRACT.md "Commands"). Each runs one transaction. */
export { ApplicationFormSchema, DraftFormSchema, type ApplicationForm, type Member } from './form.js';
export { saveDraft, type SaveDraftInput, type SaveDraftOutput } from './save-draft.js';
export { submitApplication, type SubmitOutput } from './submit.js';
export { approveApplication, confirmDeadlineOf, type ApproveOutput } from './approve.js';
export { returnApplication } from './return.js';
export { rejectApplication, type RejectInput } from './reject.js';
export { requestChange, type RequestChangeOutput } from './request-change.js';
export { withdrawApplication } from './withdraw.js';
export { confirmApplication, waitlistStatus } from './confirm.js';
export { cancelQualification, EvidenceSchema, type Evidence } from './cancel.js';
export { getApplication, type RevisionView } from './get.js';
export { listReviewQueue, listMyApplications, listApplications, listPublicResults, streamPublicResults, type QueueItem, type PublicResult } from './lists.js';
export { lookupPerson } from './lookup-person.js';
export { noticeData, ISSUER } from './notice-data.js';
export { removeFromWaitlist, removeManyFromWaitlist, type RemovalReason } from './remove.js';
export type { Verdict, EligibilityValue } from './verdict.js';
