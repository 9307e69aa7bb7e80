// Domain outcomes that are the caller's fault. The Durable Object turns them into problem details.
export class DomainError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
    readonly errors?: { path: string; message: string }[],
  ) {
    super(message);
  }

  withErrors(errors: { path: string; message: string }[]): DomainError {
    return new DomainError(this.status, this.message, errors);
  }
}

export const conflict = (message: string) => new DomainError(409, message);
export const invalid = (path: string, message: string, detail = "The request is invalid.") =>
  new DomainError(400, detail, [{ path, message }]);
