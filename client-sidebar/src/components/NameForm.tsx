// A member whose name WeCom withheld from Xiaoer gives it at first sign-in: colleagues, the owner's console and the
// drafts signed with it read it from then on. Checked with the server's own schema before it is sent.
import * as staffApi from '@xiaoer/common/api/staff';
import { staffNameSchema, type StaffDto } from '@xiaoer/common/schemas/staff';
import { useState } from 'react';
import { ApiError } from '../services/api';
import { call } from '../services/client';

export function NameForm({ onSaved }: { onSaved: (me: StaffDto) => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const checked = staffNameSchema.safeParse({ name });
    if (!checked.success) return setError(checked.error.issues[0]?.message ?? '请填写姓名');
    setBusy(true);
    setError('');
    try {
      onSaved(await call(staffApi.giveName, { body: checked.data }));
    } catch (e) {
      setError(e instanceof ApiError ? (e.fields?.name ?? e.message) : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="panel" data-form="name">
      <div className="card">
        <div className="card-title">请填写你的姓名</div>
        <div className="hint">企业微信没有把你的姓名告诉小二，老板和同事会看到你填写的名字。</div>
        <div className="row">
          <input
            className="input"
            maxLength={20}
            placeholder="你的姓名"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <button className="btn btn-primary" disabled={busy} onClick={() => void submit()}>
            保存
          </button>
        </div>
        {error && (
          <div className="hint" role="alert">
            {error}
          </div>
        )}
      </div>
    </div>
  );
}
