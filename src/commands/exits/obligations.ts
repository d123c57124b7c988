/**
 * 第二十二条: an exit application for one of the holder's units meets its open multi-unit obligation
 * (open → met). The obligation is the unit-events module's; this file only hands it the exit.
 */
import type { Tx } from '../../db/client.js';
import type { CommandContext } from '../context.js';
import { markObligationMet } from '../unit-events/obligations.js';
import type { ExitRow, TitleRow } from './store.js';

/** Marks the holder's open obligations met by `exit`, inside the caller's transaction; returns their ids. */
export function markMet(tx: Tx, ctx: CommandContext, title: TitleRow, exit: ExitRow): Promise<string[]> {
  return markObligationMet(tx, {
    holderApplicationId: title.holderApplicationId, holderIdBlind: title.holderIdBlind, exitId: exit.id, on: exit.submittedOn,
    actor: ctx.actor, at: ctx.clock.now(),
  });
}
