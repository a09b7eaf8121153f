import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAsync } from './useAsync';

describe('useAsync', () => {
  it('loads, keeps the last data through a failed reload, and recovers', async () => {
    let calls = 0;
    const { result } = renderHook(() =>
      useAsync(async () => {
        calls++;
        if (calls === 2) throw new Error('网络连接失败');
        return calls;
      }),
    );
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.data).toBe(1));
    await act(() => result.current.reload());
    expect(result.current).toMatchObject({ data: 1, loading: false });
    expect(result.current.error?.message).toBe('网络连接失败');
    await act(() => result.current.reload());
    expect(result.current).toMatchObject({ data: 3, loading: false });
    expect(result.current.error).toBeUndefined();
  });

  it('shows only the answer to the latest request when requests overlap', async () => {
    const waits = [60, 5];
    let n = 0;
    const { result, rerender } = renderHook(
      ({ key }) => useAsync(() => new Promise<string>((r) => setTimeout(() => r(key), waits[n++])), [key]),
      { initialProps: { key: 'day' } },
    );
    rerender({ key: 'week' });
    await waitFor(() => expect(result.current.data).toBe('week'));
    await new Promise((r) => setTimeout(r, 80));
    expect(result.current.data).toBe('week'); // the slower, older answer did not overwrite it
  });
});
