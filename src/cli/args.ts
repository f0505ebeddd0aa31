import { UserError } from "./errors.ts";

type StrictOptions<V extends string, S extends string> = Partial<Record<V, string> & Record<S, boolean>> & {
  help?: boolean;
};

/**
 * Strict options: each of `valued` at most once and always with a value (`--unit X` or
 * `--unit=X`, trimmed), each of `switches` bare, nothing else; `--help` or `-h` stops the parse
 * with `{ help: true }`. Every mistake is a UserError followed by `usage`.
 */
export function parseStrictArgs<V extends string, S extends string = never>(
  args: string[],
  flags: { valued: readonly `--${V}`[]; switches?: readonly `--${S}`[]; usage: string },
): StrictOptions<V, S> {
  const usageError = (message: string) => new UserError(`${message}\n${flags.usage}`);
  const options: Record<string, string | boolean> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--help" || arg === "-h") return { help: true } as StrictOptions<V, S>;
    if ((flags.switches as readonly string[] | undefined)?.includes(arg)) {
      options[arg.slice(2)] = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const [flag, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (!(flags.valued as readonly string[]).includes(flag))
      throw usageError(arg.startsWith("-") ? `Unknown option "${arg}".` : `Unexpected argument "${arg}".`);
    const value = inline ?? args[++i];
    if (value === undefined || value.trim() === "" || (inline === undefined && value.startsWith("--")))
      throw usageError(`${flag} needs a value.`);
    const key = flag.slice(2);
    if (options[key] !== undefined) throw usageError(`${flag} was given twice.`);
    options[key] = value.trim();
  }
  return options as StrictOptions<V, S>;
}
