import { useEffect, useState } from 'react';
import { boot, type Me } from './services/boot';
import { BootError } from './services/boot-errors';
import type { Entry } from './services/wecom';
import { CustomerView, PageSkeleton } from './components/CustomerView';
import { GroupView } from './components/GroupView';
import { NameForm } from './components/NameForm';
import { ErrorState } from './components/States';
import { ToastProvider } from './components/Toast';
import { MeContext } from './hooks/useMe';

type State = { status: 'booting' } | { status: 'ready'; me: Me; entry: Entry } | { status: 'failed'; error: BootError };

export function App() {
  const [state, setState] = useState<State>({ status: 'booting' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    setState({ status: 'booting' });
    boot().then(
      ({ me, entry }) => setState({ status: 'ready', me, entry }),
      (e: unknown) =>
        setState({
          status: 'failed',
          error:
            e instanceof BootError
              ? e
              : new BootError('小二启动失败', (e as Error)?.message ?? '请关闭侧边栏后重新打开', true),
        }),
    );
  }, [attempt]);

  return (
    <ToastProvider>
      {state.status === 'booting' && <PageSkeleton />}
      {state.status === 'failed' && (
        <div className="page" data-ready="error">
          <ErrorState
            title={state.error.title}
            detail={state.error.fix}
            onRetry={state.error.retryable ? () => setAttempt((a) => a + 1) : undefined}
          />
        </div>
      )}
      {state.status === 'ready' && state.me.nameMissing && <NameForm onSaved={(me) => setState({ ...state, me })} />}
      {state.status === 'ready' && (
        <MeContext.Provider value={state.me}>
          {state.entry.kind === 'customer' ? (
            <CustomerView externalUserId={state.entry.externalUserId} />
          ) : (
            <GroupView chatId={state.entry.chatId} />
          )}
        </MeContext.Provider>
      )}
    </ToastProvider>
  );
}
