// The rule for probabilities a creator sees. One number decides a test: how sure it is that the
// leader beats every other variant (1 − the Holm-adjusted always-valid p-value, `confidence`).
// Other probabilities about the same question ("chance to be best", the risk of declaring) are
// early estimates that can disagree wildly with it (P(best) 100% beside confidence 0%), so:
//  1. Screens, dialogs and exports lead with the deciding number only.
//  2. Any second probability about "is this variant the best?" may be shown only when it is
//     within AGREEMENT of the deciding number; otherwise it is not shown at all.
//  3. No probability is printed as 0% or 100%: nothing here is certain ("over 99%", "under 1%").
// No imports: the web app, the export and the tests use the same functions.

/** The most two shown probabilities about the same question may differ (5 percentage points). */
export const AGREEMENT = 0.05;

/** True when two probabilities about the same question may be shown together. */
export function agree(a: number, b: number): boolean {
  return Math.abs(a - b) <= AGREEMENT + 1e-9;
}

/** A second estimate about the same question, or null when it would contradict the deciding number. */
export function shownBeside(decisive: number, estimate: number | null | undefined): number | null {
  return estimate != null && agree(decisive, estimate) ? estimate : null;
}

/** A probability as a creator reads it: whole percent, never 0% or 100%. */
export function percentWords(p: number): string {
  if (!(p > 0.005)) return "under 1%";
  if (p >= 0.995) return "over 99%";
  return `${Math.round(p * 100)}%`;
}

/** Where a test stands, in words, from the deciding number and the threshold that calls a winner. */
export type Standing = "collecting" | "too-early" | "leaning" | "proven";

export function standingOf(confidence: number, threshold: number, hasLeader: boolean): Standing {
  if (!hasLeader) return "collecting";
  if (confidence >= threshold) return "proven";
  return confidence >= threshold / 2 ? "leaning" : "too-early";
}

/** "How sure the test is" as one sentence, e.g. "The test is 62% sure Viral beats every other thumbnail; a winner needs 95%." */
export function sureSentence(leader: string | null, confidence: number, threshold: number): string {
  const needs = `${Math.round(threshold * 100)}%`;
  if (!leader) return `Too early to name a leader: the test is ${percentWords(confidence)} sure of any winner; it calls one at ${needs}.`;
  if (confidence >= threshold) return `Winner: ${leader}. The test is ${percentWords(confidence)} sure it beats every other thumbnail.`;
  return `The test is ${percentWords(confidence)} sure ${leader} beats every other thumbnail; it calls a winner at ${needs}.`;
}

/** What declaring `chosen` now risks, in a creator's words, from the deciding number only. */
export function declareRisk(input: {
  chosen: string;
  leader: string | null;
  confidence: number;
  threshold: number;
  /** Some variant has impressions (a leader may still be unnamed while the first numbers settle). */
  seen?: boolean;
}): string {
  const { chosen, leader, confidence, threshold } = input;
  if (!leader && !input.seen) return `No impressions yet, so nothing says ${chosen} is better; you would be choosing by eye.`;
  if (!leader)
    return `Too early to say which is ahead: the test is ${percentWords(confidence)} sure of any winner. Declaring ${chosen} now is choosing by eye.`;
  if (chosen !== leader)
    return `${chosen} is not ahead: ${leader} has the better click-through so far. Declaring ${chosen} keeps a thumbnail the numbers do not favour.`;
  if (confidence >= threshold) return `Low risk: the test is ${percentWords(confidence)} sure ${chosen} beats every other thumbnail.`;
  return (
    `${chosen} is ahead, but the test is only ${percentWords(confidence)} sure (a winner needs ${Math.round(threshold * 100)}%). ` +
    `Declaring now risks keeping a thumbnail that does no better than the others; leads this early often fade.`
  );
}

/** How a test ended in the words YouTube Studio uses for its own test results. */
export type OutcomeWord = "Winner" | "Performed the same" | "Inconclusive";

export function outcomeWord(decision: string | null, verdict: string | null): OutcomeWord {
  if (decision === "winner" || verdict === "winner") return "Winner";
  if (decision === "same" || verdict === "same") return "Performed the same";
  return "Inconclusive";
}
