import { NavLink, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { roleNames, useAuth } from './auth';
import { Spinner } from './components/Format';
import { LoginPage } from './pages/LoginPage';
import { MyResourcesPage } from './pages/MyResourcesPage';
import { NewOrderPage } from './pages/NewOrderPage';
import { OrderDetailsPage } from './pages/OrderDetailsPage';
import { OrdersPage } from './pages/OrdersPage';
import { ResourceDetailsPage } from './pages/ResourceDetailsPage';

export function App() {
  const { user, loading, logout } = useAuth();
  const location = useLocation();
  if (loading) return <Spinner />;
  if (!user) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<Navigate to="/login" replace state={{ from: location.pathname + location.search }} />} />
      </Routes>
    );
  }
  return (
    <div className="layout">
      <header className="topbar">
        <a className="brand" href="/">
          orderly
        </a>
        <nav aria-label="Main">
          <NavLink to="/orders">Orders</NavLink>
          <NavLink to="/my-orders">My orders</NavLink>
          <NavLink to="/my-resources">My resources</NavLink>
          <NavLink to="/orders/new">New order</NavLink>
        </nav>
        <div className="user">
          <span className="user-name" data-testid="user-name">
            {user.full_name || user.username}
          </span>
          <span className="user-roles" data-testid="user-roles">
            {roleNames(user).join(', ') || 'No roles'}
          </span>
          <button type="button" className="btn btn-outline btn-small" onClick={logout}>
            Log out
          </button>
        </div>
      </header>
      <main>
        <Routes>
          <Route path="/" element={<Navigate to="/orders" replace />} />
          <Route path="/login" element={<Navigate to="/orders" replace />} />
          <Route path="/orders" element={<OrdersPage key="orders" title="Orders" />} />
          <Route path="/my-orders" element={<OrdersPage key="my-orders" title="My orders" mine />} />
          <Route path="/orders/new" element={<NewOrderPage />} />
          <Route path="/marketplace-order-details/:uuid" element={<OrderDetailsPage />} />
          <Route path="/my-resources" element={<MyResourcesPage />} />
          <Route path="/resources/:uuid" element={<ResourceDetailsPage />} />
          <Route path="*" element={<h1>Page not found</h1>} />
        </Routes>
      </main>
    </div>
  );
}
