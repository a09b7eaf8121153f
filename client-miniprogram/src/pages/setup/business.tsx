// Step 1 of the setup, the business: its name and industry, its shops with address, phone and parking, when it opens
// (closed days and holidays), the 客服 hours of online sellers, and the facts customers ask about (payment, delivery
// platforms, couriers …). Each part saves on its own, so the owner can stop half-way and come back.
import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as merchants from '@xiaoer/common/api/merchants';
import type { MerchantDto } from '@xiaoer/common/schemas/merchant';
import { ErrorState, Loading } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/client';
import { CHECKLIST_PAGE, businessGaps } from '../../services/setup-steps';
import { HoursSection } from '../settings/HoursSection';
import { FactsCard } from './FactsCard';
import { ProfileCard } from './ProfileCard';
import { ServiceHoursCard } from './ServiceHoursCard';
import { ShopsCard } from './ShopsCard';
import '../../components/form.scss';

/** Hours to start from when none are saved yet: every day 09:00–21:00, for the owner to adjust and save. */
const withSuggestedHours = (merchant: MerchantDto): MerchantDto =>
  merchant.businessHours.length
    ? merchant
    : {
        ...merchant,
        businessHours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '09:00', close: '21:00' })),
      };

export default function BusinessStep() {
  const { data: merchant, error, loading, reload } = useAsync(() => call(merchants.merchant));
  if (!merchant)
    return (
      <View className="page">{error ? <ErrorState error={error} onRetry={reload} /> : loading && <Loading />}</View>
    );
  const gaps = businessGaps(merchant);
  const back = () =>
    Taro.getCurrentPages().length > 1 ? void Taro.navigateBack() : void Taro.redirectTo({ url: CHECKLIST_PAGE });

  return (
    <View className="page">
      <View className="narrow">
        <ProfileCard merchant={merchant} onSaved={reload} />
        <ShopsCard
          shops={merchant.shops}
          businessHours={withSuggestedHours(merchant).businessHours}
          onChanged={reload}
        />
        <HoursSection merchant={withSuggestedHours(merchant)} onSaved={reload} />
        <ServiceHoursCard merchant={merchant} onSaved={reload} />
        <FactsCard merchant={merchant} onSaved={reload} />
        <View className="card" id="business-status" data-done={gaps.length === 0}>
          <View className="card-title">{gaps.length === 0 ? '店铺信息已填好' : '还差一点'}</View>
          {gaps.length === 0 ? (
            <View className="muted">随时可以回来修改，改完顾客马上就能问到新的信息。</View>
          ) : (
            gaps.map((gap) => (
              <View key={gap} className="muted">
                {`· ${gap}`}
              </View>
            ))
          )}
          <View className="btn-row">
            <Button className={`btn ${gaps.length === 0 ? 'btn-primary' : 'btn-ghost'}`} onClick={back}>
              {gaps.length === 0 ? '完成，回到开通清单' : '先到这里，回到开通清单'}
            </Button>
          </View>
        </View>
      </View>
    </View>
  );
}
