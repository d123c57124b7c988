/** What the scheduled jobs need: the command context without a person acting. */
import type { CommandContext } from '../commands/context.js';
import { SYSTEM_ACTOR } from '../commands/context.js';

/** Jobs act as the platform ("system" in the audit log). */
export type JobDeps = Omit<CommandContext, 'actor' | 'requestId'> & { log?: (line: Record<string, unknown>) => void };

/** CommandContext for a job. */
export function systemContext(deps: JobDeps): CommandContext {
  return { db: deps.db, clock: deps.clock, crypto: deps.crypto, dataChecks: deps.dataChecks, actor: SYSTEM_ACTOR };
}
