import { CONNECTION_FAILED, describeServerError } from '../logic/errors';

// One small fetch wrapper: the token from the browser's storage, JSON in and out, and errors
// carrying the text the toasts show.

const TOKEN_KEY = 'orderly.token';

export function storedToken(): string | null {
  return window.localStorage.getItem(TOKEN_KEY);
}

export function storeToken(token: string | null): void {
  if (token) window.localStorage.setItem(TOKEN_KEY, token);
  else window.localStorage.removeItem(TOKEN_KEY);
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

let onUnauthorized: () => void = () => {};
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export interface ListResult<T> {
  items: T[];
  count: number;
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = storedToken();
  if (token) headers.Authorization = `Token ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, CONNECTION_FAILED);
  }
  if (!response.ok) {
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: shown as it came
    }
    if (response.status === 401 && token) onUnauthorized();
    throw new ApiError(response.status, describeServerError(response.status, response.statusText, parsed));
  }
  return response;
}

export async function get<T>(path: string): Promise<T> {
  const response = await send('GET', path);
  return (await response.json()) as T;
}

export async function list<T>(path: string): Promise<ListResult<T>> {
  const response = await send('GET', path);
  const items = (await response.json()) as T[];
  const count = Number(response.headers.get('X-Result-Count') ?? items.length);
  return { items, count };
}

export async function post<T = unknown>(path: string, body?: unknown): Promise<T> {
  const response = await send('POST', path, body ?? {});
  const text = await response.text();
  return (text ? JSON.parse(text) : {}) as T;
}
