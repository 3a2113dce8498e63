// The JSON log (pino): one line per request and per notable event, with the instance's name.
// What is logged is chosen here and in request-log.ts — route patterns, statuses, durations,
// ids of requests — never a pupil's name, an e-mail, a token or a query string (RGPD: reads of
// pupils' data are recorded in the access trace, not in logs). LOG_LEVEL sets the threshold.
import pino from 'pino';
import { appConfig } from '@/lib/config/env';

const KEY = Symbol.for('cpro.logger');

export function logger(): pino.Logger {
  const holder = globalThis as unknown as Record<symbol, pino.Logger | undefined>;
  if (!holder[KEY]) {
    const config = appConfig();
    holder[KEY] = pino({
      level: config.logLevel,
      base: { instance: config.instance ?? null, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: 'message',
      formatters: { level: (label) => ({ level: label }) },
    });
  }
  return holder[KEY];
}
