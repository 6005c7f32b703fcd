import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

type AnyFunction = (...args: unknown[]) => unknown;

export interface CaptureHooks {
  /** The route streams (`res.write`): it passes through untouched and is not stored. */
  onStream(): void;
  /**
   * The route ended with its whole body. Headers are still unsent, so the hook may add or replace them.
   * Return `true` when the hook answered the request itself (for example with a stale copy or a 304).
   */
  onEnd(body: Buffer): boolean;
  /** The connection closed before the route answered. */
  onAbort(): void;
}

/**
 * Holds back `writeHead` and buffers a single `res.end(body)` so the middleware can inspect the finished
 * response before a byte is sent. Anything else (`res.write`, i.e. streaming) switches to pass-through.
 * The patched methods delegate once done, so a later wrapper (on-headers, compression) keeps working.
 */
export function captureResponse(res: ServerResponse, hooks: CaptureHooks): void {
  const original = {
    writeHead: res.writeHead as unknown as AnyFunction,
    write: res.write as unknown as AnyFunction,
    end: res.end as unknown as AnyFunction,
  };
  let passing = false;

  const patched = {
    writeHead(this: ServerResponse, ...args: unknown[]) {
      if (passing) return original.writeHead.apply(res, args);
      const [status, reasonOrHeaders, maybeHeaders] = args;
      res.statusCode = status as number;
      if (typeof reasonOrHeaders === 'string') res.statusMessage = reasonOrHeaders;
      const headers = typeof reasonOrHeaders === 'string' ? maybeHeaders : reasonOrHeaders;
      if (Array.isArray(headers)) {
        for (let i = 0; i + 1 < headers.length; i += 2)
          res.setHeader(String(headers[i]), headers[i + 1] as string);
      } else if (headers && typeof headers === 'object') {
        for (const [name, value] of Object.entries(headers as OutgoingHttpHeaders)) {
          if (value !== undefined) res.setHeader(name, value);
        }
      }
      return res;
    },
    write(this: ServerResponse, ...args: unknown[]) {
      if (!passing) {
        release();
        hooks.onStream();
      }
      return original.write.apply(res, args);
    },
    end(this: ServerResponse, ...args: unknown[]) {
      if (passing) return original.end.apply(res, args);
      release();
      let [chunk, encoding, callback] = args;
      if (typeof chunk === 'function') {
        callback = chunk;
        chunk = undefined;
      } else if (typeof encoding === 'function') {
        callback = encoding;
        encoding = undefined;
      }
      const body =
        chunk === undefined || chunk === null
          ? Buffer.alloc(0)
          : Buffer.isBuffer(chunk)
            ? chunk
            : typeof chunk === 'string'
              ? Buffer.from(chunk, (encoding as BufferEncoding | undefined) ?? 'utf8')
              : Buffer.from(chunk as Uint8Array);
      if (hooks.onEnd(body)) {
        if (typeof callback === 'function') res.once('finish', callback as () => void);
        return res;
      }
      return original.end.call(res, body, callback);
    },
  };

  function release(): void {
    passing = true;
    res.off('close', onClose);
    if (res.writeHead === (patched.writeHead as unknown)) res.writeHead = original.writeHead as never;
    if (res.write === (patched.write as unknown)) res.write = original.write as never;
    if (res.end === (patched.end as unknown)) res.end = original.end as never;
  }

  function onClose(): void {
    if (passing) return;
    release();
    hooks.onAbort();
  }

  res.writeHead = patched.writeHead as never;
  res.write = patched.write as never;
  res.end = patched.end as never;
  res.on('close', onClose);
}
