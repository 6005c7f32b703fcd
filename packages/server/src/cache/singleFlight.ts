/**
 * One in-flight load per key in this process. The flight stays registered until the value is stored, so a
 * caller arriving between "loader returned" and "store write landed" still joins it. It even stays one
 * macrotask longer: a Redis GET sent just before the SET can be answered in the same socket read as the
 * SET, and its caller must still find the flight rather than start a second load.
 */
export class SingleFlight {
  private readonly flights = new Map<string, Promise<unknown>>();
  /** Finished flights kept joinable until the next macrotask. */
  private readonly settled = new Set<Promise<unknown>>();
  /** Flights whose leader has resolved or rejected. */
  private readonly answered = new WeakSet<Promise<unknown>>();

  get size(): number {
    return this.flights.size;
  }

  has(key: string): boolean {
    return this.flights.has(key);
  }

  /**
   * Resolves with the flight's value, or `timedOut` when the leader takes longer than `timeoutMs`.
   * `pendingOnly`: ignore a flight whose value already exists (a client asking to revalidate wants a load
   * that starts after its request, not the one that just finished).
   */
  join<T>(key: string, timeoutMs: number, pendingOnly = false): Promise<T | typeof timedOut> | undefined {
    const flight = this.flights.get(key) as Promise<T> | undefined;
    if (!flight || (pendingOnly && this.answered.has(flight))) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<typeof timedOut>((resolve) => {
      timer = setTimeout(resolve, timeoutMs, timedOut);
      timer.unref();
    });
    return Promise.race([flight, timeout]).finally(() => clearTimeout(timer));
  }

  /**
   * Registers a flight and returns its settle functions. `done` removes it; call it once the value is
   * stored. Waiters see `resolve`/`reject` immediately.
   */
  lead<T>(key: string): { resolve(value: T): void; reject(error: unknown): void; done(): void } {
    let resolve!: (value: T) => void;
    let reject!: (error: unknown) => void;
    const flight: Promise<T> = new Promise<T>((res, rej) => {
      resolve = (value) => {
        this.answered.add(flight);
        res(value);
      };
      reject = (error) => {
        this.answered.add(flight);
        rej(error);
      };
    });
    // Waiters attach their own handlers; this one only keeps a lone rejection from being "unhandled".
    flight.catch(() => {});
    this.flights.set(key, flight);
    return {
      resolve,
      reject,
      done: () => {
        if (this.flights.get(key) !== flight || this.settled.has(flight)) return;
        this.settled.add(flight);
        setImmediate(() => {
          this.settled.delete(flight);
          if (this.flights.get(key) === flight) this.flights.delete(key);
        });
      },
    };
  }

  /** An invalidation ends the grace period at once, so nobody joins a value it just cleared. */
  forgetSettled(): void {
    for (const [key, flight] of this.flights) {
      if (this.settled.has(flight)) this.flights.delete(key);
    }
  }
}

export const timedOut: unique symbol = Symbol('timedOut');
