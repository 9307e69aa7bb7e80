// A provider failure as one short line for a notice or a card (never a stack, never a body).
export function reason(err: unknown): string {
  return err instanceof Error ? err.message.slice(0, 200) : String(err).slice(0, 200);
}
