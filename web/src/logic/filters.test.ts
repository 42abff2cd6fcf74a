import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, filtersFromSearch, filtersToApiQuery, filtersToSearch, toggleOrdering } from './filters';
import { describeServerError } from './errors';

describe('orders list filters in the URL', () => {
  it('round-trips every filter', () => {
    const filters = {
      ...DEFAULT_FILTERS,
      offering: 'o1',
      organization: 'c1',
      project: 'p1',
      provider: 'v1',
      state: 'erred',
      type: 'Terminate',
      query: 'gpu node',
      ordering: 'consumer_reviewed_at',
      page: 3,
      pageSize: 25,
    };
    expect(filtersFromSearch(filtersToSearch(filters))).toEqual(filters);
  });
  it('writes nothing for the defaults', () => {
    expect(filtersToSearch(DEFAULT_FILTERS)).toBe('');
    expect(filtersFromSearch('')).toEqual(DEFAULT_FILTERS);
  });
  it('ignores bad paging and sorting values', () => {
    const filters = filtersFromSearch('?page=-2&page_size=7&o=password');
    expect(filters.page).toBe(1);
    expect(filters.pageSize).toBe(10);
    expect(filters.ordering).toBe('-created');
  });
  it('always sends paging and ordering to the API', () => {
    expect(filtersToApiQuery({ ...DEFAULT_FILTERS, state: 'done' })).toBe('state=done&o=-created&page=1&page_size=10');
  });
  it('toggles sorting descending first', () => {
    expect(toggleOrdering('-created', 'state')).toBe('-state');
    expect(toggleOrdering('-state', 'state')).toBe('state');
    expect(toggleOrdering('state', 'state')).toBe('-state');
  });
});

describe('server error text', () => {
  it('formats detail and field errors', () => {
    expect(describeServerError(409, 'Conflict', { detail: 'Order is done.' })).toBe('409: Conflict. Order is done.');
    expect(describeServerError(400, 'Bad Request', { name: ['Required.'] })).toBe('400: Bad Request. name: Required.');
    expect(describeServerError(413, '', null)).toBe('File too large. Please select a smaller file.');
  });
});
