// 存为常见问答 is offered only to those the server lets save an FAQ (managers and owners): plain staff never see a
// button that would answer 403.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { StaffRole } from '@xiaoer/common/constants/roles';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MeContext } from '../hooks/useMe';
import { SaveAsFaq } from './AiPanel';
import { ToastProvider } from './Toast';

const member = (role: StaffRole) => ({
  id: 's1',
  name: '小王',
  role,
  wecomUserId: 'wang',
  shopIds: [],
  nameMissing: false,
  miniProgramBound: false,
});

function renderFor(role: StaffRole | null) {
  return render(
    <ToastProvider>
      <MeContext.Provider value={role && member(role)}>
        <SaveAsFaq question="停车方便吗？" answer="门口有免费车位" />
      </MeContext.Provider>
    </ToastProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('存为常见问答', () => {
  it('is not offered to plain staff, nor before the member is known', () => {
    renderFor('staff');
    expect(screen.queryByRole('button', { name: '存为常见问答' })).toBeNull();
    cleanup();
    renderFor(null);
    expect(screen.queryByRole('button', { name: '存为常见问答' })).toBeNull();
  });

  it('saves for a manager or the owner', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ faqId: 'f1', resolved: 0 }), { status: 201 }));
    vi.stubGlobal('fetch', fetch);
    renderFor('manager');
    fireEvent.click(screen.getByRole('button', { name: '存为常见问答' }));
    await waitFor(() => expect(screen.getByRole('button', { name: '已存为常见问答' })).toBeTruthy());
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toContain('/learning/staff-answers');
    cleanup();
    renderFor('owner');
    expect(screen.getByRole('button', { name: '存为常见问答' })).toBeTruthy();
  });
});
