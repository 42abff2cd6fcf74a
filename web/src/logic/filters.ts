// The orders list keeps its filters, sorting and paging in the URL (ui.md §2.1), so a filtered
// view can be bookmarked: these two functions are the only translation between the two.

export interface OrderFilters {
  offering: string;
  organization: string;
  project: string;
  provider: string;
  state: string;
  type: string;
  query: string;
  ordering: string; // the API's `o`, e.g. "-created"
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [5, 10, 25, 50, 100] as const;
export const DEFAULT_FILTERS: OrderFilters = {
  offering: '',
  organization: '',
  project: '',
  provider: '',
  state: '',
  type: '',
  query: '',
  ordering: '-created',
  page: 1,
  pageSize: 10,
};

const SORTABLE = ['created', 'state', 'consumer_reviewed_at', 'cost'];

function positive(text: string | null, fallback: number): number {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export function filtersFromSearch(search: string): OrderFilters {
  const params = new URLSearchParams(search);
  const ordering = params.get('o') ?? DEFAULT_FILTERS.ordering;
  const pageSize = positive(params.get('page_size'), DEFAULT_FILTERS.pageSize);
  return {
    offering: params.get('offering_uuid') ?? '',
    organization: params.get('customer_uuid') ?? '',
    project: params.get('project_uuid') ?? '',
    provider: params.get('provider_uuid') ?? '',
    state: params.get('state') ?? '',
    type: params.get('type') ?? '',
    query: params.get('query') ?? '',
    ordering: SORTABLE.includes(ordering.replace(/^-/, '')) ? ordering : DEFAULT_FILTERS.ordering,
    page: positive(params.get('page'), 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_FILTERS.pageSize,
  };
}

// Only values that differ from the defaults are written, so a plain list has a plain URL.
export function filtersToSearch(filters: OrderFilters): string {
  const params = new URLSearchParams();
  const put = (name: string, value: string) => {
    if (value) params.set(name, value);
  };
  put('offering_uuid', filters.offering);
  put('customer_uuid', filters.organization);
  put('project_uuid', filters.project);
  put('provider_uuid', filters.provider);
  put('state', filters.state);
  put('type', filters.type);
  put('query', filters.query);
  if (filters.ordering !== DEFAULT_FILTERS.ordering) params.set('o', filters.ordering);
  if (filters.page !== 1) params.set('page', String(filters.page));
  if (filters.pageSize !== DEFAULT_FILTERS.pageSize) params.set('page_size', String(filters.pageSize));
  return params.toString();
}

// The API query for a list request: the URL's filters plus the page parameters always sent.
export function filtersToApiQuery(filters: OrderFilters): string {
  const params = new URLSearchParams(filtersToSearch(filters));
  params.set('o', filters.ordering);
  params.set('page', String(filters.page));
  params.set('page_size', String(filters.pageSize));
  return params.toString();
}

export function hasActiveFilters(filters: OrderFilters): boolean {
  return Boolean(
    filters.offering || filters.organization || filters.project || filters.provider || filters.state ||
      filters.type || filters.query,
  );
}

// Clicking a sortable header: first descending, then ascending.
export function toggleOrdering(current: string, field: string): string {
  return current === `-${field}` ? field : `-${field}`;
}
