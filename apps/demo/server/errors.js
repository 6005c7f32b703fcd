// One error shape for the whole API, `{ error: { code, message } }`, and the mapping from what can go wrong
// (bad input, a missing record, the database away) to an HTTP status.

/** Codes a client can branch on. */
export const ErrorCode = Object.freeze({
  INVALID_PARAMETER: 'INVALID_PARAMETER',
  INVALID_JSON: 'INVALID_JSON',
  NOT_FOUND: 'NOT_FOUND',
  ROUTE_NOT_FOUND: 'ROUTE_NOT_FOUND',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
});

export class HttpError extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {string} message
   */
  constructor(status, code, message) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
  }
}

/** @param {unknown} value */
function describe(value) {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  if (value !== null && typeof value === 'object') return 'an object';
  return String(value);
}

/** @param {unknown} value */
function typeName(value) {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/**
 * A 400 in sharp's words, naming the route and the input:
 * `GET /api/posts: Expected integer between 1 and 50 for limit but received "500" of type string.`
 * @param {string} api
 * @param {string} expectation
 * @param {string} name
 * @param {unknown} value
 */
export function invalidParameter(api, expectation, name, value) {
  return new HttpError(
    400,
    ErrorCode.INVALID_PARAMETER,
    `${api}: Expected ${expectation} for ${name} but received ${describe(value)} of type ${typeName(value)}.`,
  );
}

/** @param {string} message */
export function notFound(message) {
  return new HttpError(404, ErrorCode.NOT_FOUND, message);
}

/**
 * Whether a database error means "the database is not there" (503) rather than "this query is wrong" (500).
 * Postgres reports SQL mistakes with a SQLSTATE; connection loss, shutdown and resource limits have their
 * own classes (08, 53, 57), and a closed PGlite or an unreachable server report no SQLSTATE at all.
 * @param {any} error
 */
export function isDatabaseUnavailable(error) {
  const code = typeof error?.code === 'string' ? error.code : '';
  if (/^[0-9A-Z]{5}$/.test(code)) return /^(08|53|57)/.test(code);
  return true;
}

/**
 * Runs a database call and turns "the database is away" into a 503 the error handler answers.
 * @template T
 * @param {() => Promise<T>} work
 * @returns {Promise<T>}
 */
export async function fromDatabase(work) {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HttpError || !isDatabaseUnavailable(error)) throw error;
    throw new HttpError(
      503,
      ErrorCode.DATABASE_UNAVAILABLE,
      'The database is not reachable right now; retry in a few seconds.',
    );
  }
}

/**
 * @param {import('express').Request} req
 * @param {import('express').Response} _res
 * @param {import('express').NextFunction} next
 */
export function apiNotFound(req, _res, next) {
  next(
    new HttpError(404, ErrorCode.ROUTE_NOT_FOUND, `No API route ${req.method} ${req.baseUrl}${req.path}.`),
  );
}

/**
 * The last middleware: every error becomes JSON; only unexpected ones are logged, and their text is not sent.
 * @param {(error: unknown) => void} log
 * @returns {import('express').ErrorRequestHandler}
 */
export function errorHandler(log) {
  return (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    let status = 500;
    /** @type {string} */
    let code = ErrorCode.INTERNAL_ERROR;
    let message = 'Something went wrong on the server.';
    if (error instanceof HttpError) {
      ({ status, code, message } = error);
    } else if (error?.type === 'entity.parse.failed') {
      status = 400;
      code = ErrorCode.INVALID_JSON;
      message = 'The request body is not valid JSON.';
    } else if (typeof error?.status === 'number' && error.status >= 400 && error.status < 500) {
      // body-parser's own client errors (too large, wrong charset) keep their status.
      status = error.status;
      code = ErrorCode.INVALID_PARAMETER;
      message = String(error.message).slice(0, 200);
    } else {
      log(error);
    }
    if (status === 503) res.setHeader('Retry-After', '5');
    res.status(status).json({ error: { code, message } });
  };
}

/**
 * `@perfkit/server`'s image middlewares answer `{ statusCode, code, message }`; this reshapes those answers
 * into the API's `{ error: { code, message } }` so a client reads one error format everywhere.
 * @param {import('express').Request} _req
 * @param {import('express').Response} res
 * @param {import('express').NextFunction} next
 */
export function reshapeImageErrors(_req, res, next) {
  const json = res.json.bind(res);
  res.json = (body) => {
    if (res.statusCode >= 400 && body && typeof body.code === 'string' && !('error' in body)) {
      return json({ error: { code: body.code, message: body.message } });
    }
    return json(body);
  };
  next();
}
