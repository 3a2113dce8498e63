// How long a session lasts: a school day by default, `SESSION_MAX_AGE_SECONDS` otherwise.
const SCHOOL_DAY_SECONDS = 10 * 60 * 60;

export function sessionMaxAgeSeconds(
  env: Record<string, string | undefined> = process.env,
): number {
  const configured = Number(env.SESSION_MAX_AGE_SECONDS);
  return Number.isInteger(configured) && configured > 0 ? configured : SCHOOL_DAY_SECONDS;
}
