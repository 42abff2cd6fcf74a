// The error toast of ui.md §3: the short message, then "<status>: <statusText>." and the server's
// detail, non_field_errors or "field: message" pairs.

export function describeServerError(status: number, statusText: string, body: unknown): string {
  if (status === 413) return 'File too large. Please select a smaller file.';
  const parts: string[] = [];
  if (Array.isArray(body)) {
    parts.push(...body.map(String));
  } else if (body && typeof body === 'object') {
    for (const [field, value] of Object.entries(body as Record<string, unknown>)) {
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      parts.push(field === 'detail' || field === 'non_field_errors' ? text : `${field}: ${text}`);
    }
  } else if (typeof body === 'string' && body) {
    parts.push(body);
  }
  const head = `${status}: ${statusText || 'Error'}.`;
  return parts.length ? `${head} ${parts.join(' ')}` : head;
}

export const CONNECTION_FAILED =
  'The connection to the server has failed. Check your network connection and try again.';
