/** An API answer other than 2xx, with the server's `{ error: { code, message } }` when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function parse<T>(response: Response): Promise<T> {
  if (response.ok) return (await response.json()) as T;
  const body = await response.json().catch(() => undefined);
  const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  throw new ApiError(
    response.status,
    error?.code ?? 'HTTP_ERROR',
    error?.message ?? `The server answered ${response.status} ${response.statusText}`,
  );
}

let inlined: Map<string, unknown> | undefined;

/**
 * The first answers of the page the browser loaded, which the server put into its HTML (server/routeHints.js)
 * so they need no request. Each is handed out once: later calls for the same URL get fresh data.
 */
function takeInlined(url: string): unknown {
  if (!inlined) {
    const element = document.getElementById('route-data');
    inlined = new Map(Object.entries(element ? JSON.parse(element.textContent || '{}') : {}));
    element?.remove();
  }
  const value = inlined.get(url);
  inlined.delete(url);
  return value;
}

/** GET `path` with query parameters; empty values are left out so the server applies its defaults. */
export async function getJSON<T>(
  path: string,
  query: Record<string, string | number | null | undefined> = {},
  signal?: AbortSignal,
): Promise<T> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  }
  const url = `${path}${params.size ? `?${params}` : ''}`;
  const inline = takeInlined(url);
  if (inline !== undefined) return inline as T;
  return parse<T>(await fetch(url, { signal }));
}

export async function postJSON<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return parse<T>(
    await fetch(path, {
      method: 'POST',
      signal,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}

export async function postForm<T>(path: string, body: FormData, signal?: AbortSignal): Promise<T> {
  return parse<T>(
    await fetch(path, { method: 'POST', signal, body, headers: { accept: 'application/json' } }),
  );
}
