import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

const ToastContext = createContext<(text: string) => void>(() => undefined);

/** One short message at a time at the bottom of the page ("已放入聊天框"). */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [text, setText] = useState<string>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const show = useCallback((message: string) => {
    clearTimeout(timer.current);
    setText(message);
    timer.current = setTimeout(() => setText(undefined), 2200);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      {text && (
        <div className="toast" role="status">
          {text}
        </div>
      )}
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
