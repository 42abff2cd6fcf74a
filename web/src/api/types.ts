// The fields of the API's answers that the UI reads (Waldur's names).

export interface Role {
  role: string;
  scope_type: string;
}

export interface CurrentUser {
  uuid: string;
  username: string;
  full_name: string;
  is_staff: boolean;
  is_support: boolean;
  roles: Role[];
}

export interface Order {
  uuid: string;
  created: string;
  modified: string;
  type: string;
  state: string;
  project_uuid: string;
  project_name: string;
  customer_uuid: string;
  customer_name: string;
  offering_uuid: string;
  offering_name: string;
  offering_type: string;
  provider_uuid: string;
  provider_name: string;
  plan_name: string | null;
  resource_uuid: string;
  resource_name: string;
  resource_state: string;
  limits: Record<string, number>;
  attributes: Record<string, unknown>;
  error_message: string;
  error_traceback?: string;
  created_by_username: string | null;
  created_by_full_name: string | null;
  consumer_reviewed_by_username: string | null;
  consumer_reviewed_by_full_name: string | null;
  consumer_reviewed_at: string | null;
  provider_reviewed_by_username: string | null;
  provider_reviewed_by_full_name: string | null;
  provider_reviewed_at: string | null;
  completed_at: string | null;
  start_date: string | null;
  consumer_rejection_comment: string;
  provider_rejection_comment: string;
  available_actions: string[];
}

export interface Resource {
  uuid: string;
  name: string;
  state: string;
  created: string;
  modified: string;
  project_name: string;
  customer_name: string;
  offering_name: string;
  offering_type: string;
  provider_name: string;
  plan_name: string | null;
  limits: Record<string, number>;
  error_message: string;
  error_traceback?: string;
  order_in_progress: string | null;
  available_actions: string[];
  can_terminate: boolean;
}

export interface EventRecord {
  uuid: string;
  created: string;
  event_type: string;
  message: string;
  actor_username: string | null;
  context: Record<string, unknown>;
}

export interface Named {
  uuid: string;
  name: string;
}

export interface Component {
  type: string;
  name: string;
  measured_unit: string;
  billing_type: string;
  min_value: number | null;
  max_value: number | null;
}

export interface Offering extends Named {
  type: string;
  state: string;
  customer_name: string;
  components: Component[];
  plans: (Named & { archived: boolean; unit_price: string })[];
}

export interface Project extends Named {
  customer_name: string;
}

export interface ServiceProvider {
  uuid: string;
  customer_uuid: string;
  customer_name: string;
}
