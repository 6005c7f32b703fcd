import type { Response } from 'express';
import { PerfkitError } from '../errors.js';

/** Answers a client mistake (or a full queue) with `{ statusCode, code, message }`, never a stack trace. */
export function sendError(res: Response, error: unknown, retryAfterSeconds?: number): void {
  const known = error instanceof PerfkitError && error.statusCode < 600;
  const statusCode = known ? error.statusCode : 500;
  const code = known ? error.code : 'PERFKIT_IMAGE_INTERNAL';
  const message = known ? error.message : 'The image could not be processed.';
  if (res.headersSent || res.destroyed) return;
  if (statusCode === 503 && retryAfterSeconds) res.setHeader('Retry-After', String(retryAfterSeconds));
  res.status(statusCode).json({ statusCode, code, message });
}
