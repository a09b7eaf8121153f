// The provider's console (H5): its own sign-in, a new merchant with its owner's setup link, and every merchant's
// setup progress and today's health, with their setup links re-issued or revoked.
import { Text, View } from '@tarojs/components';
import * as operator from '@xiaoer/common/api/operator';
import { useEffect, useState } from 'react';
import { Empty, ErrorState, Loading } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';
import { asOperator, operatorSessionStore, operatorSignOut } from '../../services/operator';
import { CreateMerchant } from './CreateMerchant';
import { MerchantCard } from './MerchantCard';
import { SignIn } from './SignIn';
import '../../components/form.scss';
import './operator.scss';

export default function OperatorConsole() {
  const [session, setSession] = useState(operatorSessionStore.get);
  if (!session)
    return (
      <View className="page">
        <SignIn onSignedIn={() => setSession(operatorSessionStore.get())} />
      </View>
    );
  return (
    <Merchants
      name={session.operator.name}
      onSignedOut={() => {
        operatorSignOut();
        setSession(null);
      }}
    />
  );
}

function Merchants({ name, onSignedOut }: { name: string; onSignedOut: () => void }) {
  const { data, error, loading, reload } = useAsync(() => asOperator(operator.listMerchants));
  // a refused session was forgotten by asOperator: back to sign-in
  const refused = Boolean(error) && !operatorSessionStore.get();
  useEffect(() => {
    if (refused) onSignedOut();
  }, [refused, onSignedOut]);
  return (
    <View className="page operator">
      <View className="merchant-grid">
        <View className="card">
          <View className="card-title">
            <Text>小二服务商后台</Text>
            <Text className="muted" onClick={onSignedOut}>{`${name} · 退出`}</Text>
          </View>
          <View className="muted">新建商户后，把开通链接发给老板，老板在手机上打开就能一步步开通。</View>
          <View className="row" style={{ marginTop: '24px' }}>
            <Text className="strong">{data ? `商户（${data.items.length}）` : '商户'}</Text>
            <Text className="tag tag-on" onClick={() => !loading && void reload()}>
              {loading ? '刷新中…' : '刷新'}
            </Text>
          </View>
        </View>
        <CreateMerchant onCreated={reload} />
      </View>
      {error && !data && <ErrorState error={error} onRetry={reload} />}
      {!data && loading && <Loading />}
      {data && data.items.length === 0 && <Empty title="还没有商户" hint="在上面新建第一个商户" />}
      {data && (
        <View className="merchant-grid">
          {data.items.map((m) => (
            <MerchantCard key={m.id} merchant={m} onChanged={reload} />
          ))}
        </View>
      )}
    </View>
  );
}
