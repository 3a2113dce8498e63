// Types of scripts/compile.mjs (plain JavaScript, run before anything is compiled).
export function compile(
  root: string,
  entry: string,
  outfile: string,
  options?: { external?: string[] },
): Promise<string>;
