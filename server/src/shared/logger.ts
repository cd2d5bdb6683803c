import { pino, type Logger } from 'pino';
import type { LogLevel } from '../config.js';

export type { Logger };

export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'nghe-dan' },
    redact: {
      paths: ['password', '*.password', 'token', '*.token', 'authorization'],
      censor: '[redacted]',
    },
  });
}
