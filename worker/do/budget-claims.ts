// The budgets a command spends, taken inside the workflow object's serialised step: after the
// core accepts the command and before it commits. A duplicate the core refuses (a second select
// of a workflow already under test) takes nothing, and one the budget refuses changes nothing,
// so N distinct workflows against a limit of L start exactly min(N, L) tests however many
// duplicates race beside them.
import { type Result, ok, overBudget, refuse } from "../domain/refusal";
import { type Command, type WorkflowRecord, transition } from "../domain/workflow";
import type { Env } from "../env";
import { GENERATION, type Spending, type Step, take, testSlot } from "../limits/holds";

export interface Claim {
  /** Ends the claim once the command has run; `indexInStep` says whether the D1 index already shows it. */
  settle(applied: boolean, indexInStep: boolean): Promise<void>;
}

function stepsFor(record: WorkflowRecord, command: Command): Step[] | null {
  if (command.type === "select") return [testSlot(record.id)];
  if (command.type === "reject") return GENERATION;
  return null;
}

/**
 * Takes what `command` spends, or refuses it with the budget's 429. Nothing is taken for a
 * command that spends nothing or that the core will refuse anyway; `checked` says the caller
 * already knows the core accepts it (a YouTube select, claimed before YouTube is asked anything).
 */
export async function claimBudget(
  env: Env,
  record: WorkflowRecord,
  command: Command,
  spending: Spending,
  now: number,
  checked = false,
): Promise<Result<Claim | null>> {
  const steps = stepsFor(record, command);
  if (!steps || (!checked && !transition(record, command, now).ok)) return ok(null);
  const taken = await take(env.DB, record.owner_id, spending, steps, now);
  if (!taken.ok) return refuse(overBudget(taken.refusal));
  const isTest = command.type === "select";
  return ok({
    async settle(applied, indexInStep) {
      // A started test whose index update failed keeps its slot until the index timer catches up
      // (or the reservation lapses): releasing it now would let one more test start.
      if (isTest && applied && !indexInStep) return;
      await taken.settle(applied ? 200 : 409);
    },
  });
}
