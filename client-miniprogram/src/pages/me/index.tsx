// The owner's corner: who is signed in, customers, importing data, settings, signing out.
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { signOut } from '../../services/auth';
import { sessionStore } from '../../services/session';
import { useSignedIn } from '../../hooks/useSignedIn';

const LINKS = [
  { url: '/pages/setup/checklist', title: '开通进度', hint: '店铺信息、企业微信、员工、菜单，一步步接着做' },
  { url: '/pages/catalog/index', title: '菜单 / 商品', hint: '今日售罄、库存、价格、别名；常见问答与规定；修改记录' },
  { url: '/pages/scripts/index', title: '话术库', hint: '店员在侧边栏一点就发的话术：分类、变量、附件、用过几次' },
  {
    url: '/pages/channels/index',
    title: '联系我二维码',
    hint: '桌贴、小票、传单、外卖袋各一个码；每周带来多少顾客；各自的欢迎语',
  },
  { url: '/pages/customers/index', title: '客户', hint: '搜索、按标签筛选、看客户档案' },
  { url: '/pages/groups/index', title: '客户群', hint: '给群分层、看群效果、生成入群二维码' },
  { url: '/pages/data/index', title: '导入数据', hint: '把收银、预约、库存表格从微信聊天里导进来' },
  { url: '/pages/ask/index', title: '问问小二', hint: '输入任何问题，看小二会怎么答、用到了哪些店铺资料' },
  { url: '/pages/learn/index', title: '小二没答上的问题', hint: '按意思归类，一键添加答案' },
  { url: '/pages/staff/index', title: '员工与角色', hint: '每位员工的角色和门店、邀请用小程序、停用离职员工' },
  {
    url: '/pages/integrations/index',
    title: '对接与集成',
    hint: '收银 / ERP 推送地址和最近推送、企业微信连接状态、天气、AI 模型',
  },
  { url: '/pages/settings/index', title: '设置', hint: '营业时间、自动回复、场景开关、打扰规则、天气、AI 模型' },
];

export default function Me() {
  useSignedIn();
  const me = sessionStore.get()?.staff;
  return (
    <View className="page">
      <View className="card">
        <View className="card-title">{me?.name ?? '未登录'}</View>
        <View className="muted">{me?.role === 'owner' ? '老板' : me?.role === 'manager' ? '店长' : '店员'}</View>
      </View>
      <View className="card">
        {LINKS.map((l) => (
          <View key={l.url} className="field" onClick={() => void Taro.navigateTo({ url: l.url })}>
            <View>
              <View>{l.title}</View>
              <View className="muted">{l.hint}</View>
            </View>
            <Text className="muted">›</Text>
          </View>
        ))}
      </View>
      <Button
        className="btn btn-ghost"
        style={{ width: '100%' }}
        onClick={() => {
          signOut();
          void Taro.reLaunch({ url: '/pages/login/index' });
        }}
      >
        退出登录
      </Button>
    </View>
  );
}
