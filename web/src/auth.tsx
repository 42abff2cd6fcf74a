import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { get, post, setUnauthorizedHandler, storeToken, storedToken } from './api/client';
import type { CurrentUser } from './api/types';

// The signed-in user: the token lives in localStorage, the user is read from /api/users/me/.
interface Auth {
  user: CurrentUser | null;
  loading: boolean;
  login(username: string, password: string): Promise<void>;
  logout(): void;
}

const AuthContext = createContext<Auth>({ user: null, loading: false, login: async () => {}, logout: () => {} });

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [loading, setLoading] = useState(Boolean(storedToken()));
  const logout = useCallback(() => {
    storeToken(null);
    setUser(null);
  }, []);
  useEffect(() => {
    setUnauthorizedHandler(logout);
    if (!storedToken()) return;
    get<CurrentUser>('/api/users/me/')
      .then(setUser)
      .catch(logout)
      .finally(() => setLoading(false));
  }, [logout]);
  const login = useCallback(async (username: string, password: string) => {
    const { token } = await post<{ token: string }>('/api-auth/password/', { username, password });
    storeToken(token);
    setUser(await get<CurrentUser>('/api/users/me/'));
  }, []);
  return <AuthContext.Provider value={{ user, loading, login, logout }}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  return useContext(AuthContext);
}

// The roles line of the header: "Staff", "Support" and the role names the user holds.
export function roleNames(user: CurrentUser): string[] {
  const names = new Set<string>();
  if (user.is_staff) names.add('Staff');
  if (user.is_support) names.add('Support');
  for (const held of user.roles ?? []) names.add(held.role);
  return [...names];
}
