// For pages that load nothing from the API at first (whose calls would otherwise notice the missing session).
import { useEffect } from 'react';
import { toLogin } from '../services/login-route';
import { sessionStore } from '../services/session';

export function useSignedIn(): void {
  useEffect(() => {
    if (!sessionStore.get()) toLogin();
  }, []);
}
