/** A mistake the operator can fix (bad argument, bad file): printed as one line, exit code 2. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
