// What a Durable Object method returns across RPC: a value, or a problem for the Worker to send.
// (Errors thrown across RPC lose their class, so domain failures travel as data.)
import { DomainError } from "../domain/errors";

export type Outcome<T> =
  { ok: true; value: T } | { ok: false; status: 400 | 404 | 409; detail: string; errors?: { path: string; message: string }[] };

export const NOT_FOUND: Outcome<never> = { ok: false, status: 404, detail: "No workflow with this id belongs to you." };

export async function outcomeOf<T>(fn: () => Promise<T> | T): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    if (err instanceof DomainError) return { ok: false, status: err.status, detail: err.message, errors: err.errors };
    throw err;
  }
}
