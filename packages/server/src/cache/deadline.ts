export class CommandTimeoutError extends Error {
  constructor(ms: number) {
    super(`Redis did not answer within ${ms} ms; served without the cache.`);
    this.name = 'CommandTimeoutError';
  }
}

/**
 * Rejects when `promise` has not settled `ms` after the call. The rejection waits one more turn of the
 * event loop (setImmediate runs after the poll phase), so a reply that already sits in the socket while the
 * process was busy elsewhere still wins: a plain timer fires first after a stall of the event loop and turns
 * a fast Redis into a "timeout", a miss and a needless trip to the origin.
 */
export function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      setImmediate(() => {
        if (!settled) reject(new CommandTimeoutError(ms));
      });
    }, ms);
    promise.then(
      (value) => {
        settled = true;
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        settled = true;
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
