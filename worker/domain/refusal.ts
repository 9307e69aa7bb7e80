// A command the domain will not carry out, as data: the one error shape from the core to the
// API, where worker/http/problem.ts turns it into problem details. (Errors thrown across a
// Durable Object's RPC lose their class, so refusals travel as values, never as exceptions.)
import type { BudgetName } from "../auth/contract";

export interface FieldError {
  path: string;
  message: string;
}

/** A budget that refused the work: which one, its limit, its use, and when it resets (epoch ms; null for a concurrent limit). */
export interface BudgetShortfall {
  budget: BudgetName;
  limit: number;
  used: number;
  resetsAt: number | null;
}

export interface Refusal {
  /** 429 and 503: YouTube's quota is spent, or YouTube did not answer, while a test was being set up. */
  status: 400 | 404 | 409 | 429 | 503;
  detail: string;
  errors?: FieldError[];
  /** A 429 from a budget, answered with the budget's own problem members. */
  budget?: BudgetShortfall;
}

export type Result<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const refuse = (refusal: Refusal): { ok: false; refusal: Refusal } => ({ ok: false, refusal });
export const conflict = (detail: string): Refusal => ({ status: 409, detail });
export const invalid = (errors: FieldError[], detail = "The request is invalid."): Refusal => ({ status: 400, detail, errors });
export const NOT_YOURS: Refusal = { status: 404, detail: "No workflow with this id belongs to you." };
export const overBudget = (b: BudgetShortfall): Refusal => ({ status: 429, detail: `Budget '${b.budget}' reached.`, budget: b });
