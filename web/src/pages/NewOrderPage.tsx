import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { get, post } from '../api/client';
import type { Offering, Order, Project } from '../api/types';
import { Spinner } from '../components/Format';
import { useToasts } from '../components/Toasts';

// The order form: project, offering, plan, name and the offering's limit components.
export function NewOrderPage() {
  const navigate = useNavigate();
  const toasts = useToasts();
  const [projects, setProjects] = useState<Project[] | null>(null);
  const [offerings, setOfferings] = useState<Offering[] | null>(null);
  const [project, setProject] = useState('');
  const [offeringUuid, setOfferingUuid] = useState('');
  const [plan, setPlan] = useState('');
  const [name, setName] = useState('');
  const [limits, setLimits] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = 'New order | orderly';
    get<Project[]>('/api/projects/?page_size=100').then(setProjects, () => setProjects([]));
    get<Offering[]>('/api/marketplace-public-offerings/?page_size=100').then(setOfferings, () => setOfferings([]));
  }, []);

  const offering = offerings?.find((candidate) => candidate.uuid === offeringUuid);
  const plans = offering?.plans.filter((candidate) => !candidate.archived) ?? [];
  const components = offering?.components.filter((component) => component.billing_type === 'limit') ?? [];

  const chooseOffering = (uuid: string) => {
    setOfferingUuid(uuid);
    const chosen = offerings?.find((candidate) => candidate.uuid === uuid);
    setPlan(chosen?.plans.find((candidate) => !candidate.archived)?.uuid ?? '');
    setLimits({});
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      const numericLimits: Record<string, number> = {};
      for (const [key, value] of Object.entries(limits)) if (value !== '') numericLimits[key] = Number(value);
      const order = await post<Order>('/api/marketplace-orders/', {
        project,
        offering: offeringUuid,
        ...(plan ? { plan } : {}),
        attributes: { name },
        limits: numericLimits,
      });
      toasts.success('Order has been submitted.');
      navigate(`/marketplace-order-details/${order.uuid}/`);
    } catch (failure) {
      const message = failure instanceof Error ? failure.message : String(failure);
      setError(message);
      toasts.error(`Unable to submit order. ${message}`);
    } finally {
      setBusy(false);
    }
  };

  if (!projects || !offerings) return <Spinner />;
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">New order</h1>
      <form className="card form" onSubmit={submit}>
        <label className="field">
          <span>Project</span>
          <select value={project} onChange={(e) => setProject(e.target.value)} required>
            <option value="">Select project...</option>
            {projects.map((item) => (
              <option key={item.uuid} value={item.uuid}>
                {item.customer_name} / {item.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Offering</span>
          <select value={offeringUuid} onChange={(e) => chooseOffering(e.target.value)} required>
            <option value="">Select offering...</option>
            {offerings.map((item) => (
              <option key={item.uuid} value={item.uuid}>
                {item.name} ({item.customer_name})
              </option>
            ))}
          </select>
        </label>
        {offering && (
          <label className="field">
            <span>Plan</span>
            <select value={plan} onChange={(e) => setPlan(e.target.value)}>
              {plans.length === 0 && <option value="">No plans</option>}
              {plans.map((item) => (
                <option key={item.uuid} value={item.uuid}>
                  {item.name} ({item.unit_price})
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>Name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={150} />
        </label>
        {components.length > 0 && (
          <fieldset className="limits">
            <legend>Limits</legend>
            {components.map((component) => (
              <label className="field" key={component.type}>
                <span>
                  {component.name} ({component.measured_unit})
                </span>
                <input
                  type="number"
                  inputMode="numeric"
                  min={component.min_value ?? undefined}
                  max={component.max_value ?? undefined}
                  value={limits[component.type] ?? ''}
                  onChange={(e) => setLimits({ ...limits, [component.type]: e.target.value })}
                />
              </label>
            ))}
          </fieldset>
        )}
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <div className="form-buttons">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Submitting…' : 'Create order'}
          </button>
        </div>
      </form>
    </section>
  );
}
