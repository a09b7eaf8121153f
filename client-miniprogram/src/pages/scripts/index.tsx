// The scripts library (话术库) staff send from the sidebar with one tap: by category with how often each was used, the
// blanks of the industry template highlighted (staff cannot send those until they are filled), and — for managers
// and owners — a new script or an edit with its variables previewed as a customer would receive them.
import { Text, View, Button } from '@tarojs/components';
import * as knowledge from '@xiaoer/common/api/knowledge';
import * as merchants from '@xiaoer/common/api/merchants';
import type { ScriptDto } from '@xiaoer/common/schemas/knowledge-item';
import { hasBlank } from '@xiaoer/common/schemas/knowledge-template';
import { useState } from 'react';
import { Empty, ErrorState, Loading } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';
import { useSignedIn } from '../../hooks/useSignedIn';
import { call } from '../../services/client';
import { ALL, ATTACHMENT_KINDS, categoriesOf, scriptsIn } from '../../services/scripts-page';
import { sessionStore } from '../../services/session';
import { BlankText } from '../setup/BlankText';
import { ScriptEditor } from './ScriptEditor';
import '../../components/form.scss';
import '../setup/setup.scss';
import './scripts.scss';

async function load() {
  const [scripts, merchant] = await Promise.all([
    call(knowledge.scripts.list),
    call(merchants.merchant).catch(() => null),
  ]);
  return { scripts: scripts.items, shopName: merchant?.name ?? '' };
}

/** Which script the editor is open on: a new one, or an existing one by id. */
type Editing = { id: string | null } | null;

export default function Scripts() {
  useSignedIn();
  const { data, error, loading, reload } = useAsync(load);
  const [tab, setTab] = useState(ALL);
  const [editing, setEditing] = useState<Editing>(null);
  const canEdit = sessionStore.get()?.staff.role !== 'staff';
  if (error && !data) return <ErrorState error={error} onRetry={reload} />;
  if (!data && loading) return <Loading />;
  const scripts = data?.scripts ?? [];
  const categories = categoriesOf(scripts);
  const shown = scriptsIn(scripts, categories.includes(tab) ? tab : ALL);
  const blanks = scripts.filter((s) => hasBlank(s.title, s.content)).length;
  const done = async () => {
    setEditing(null);
    await reload();
  };

  if (editing)
    return (
      <View className="page narrow">
        <ScriptEditor
          script={scripts.find((s) => s.id === editing.id) ?? null}
          categories={categories.slice(1)}
          defaultCategory={tab === ALL ? '' : tab}
          shopName={data?.shopName ?? ''}
          onDone={done}
          onCancel={() => setEditing(null)}
        />
      </View>
    );

  return (
    <View className="page narrow">
      <View className="card">
        <View className="script-head">
          <Text className="card-title">{`话术库（${scripts.length}）`}</Text>
          {canEdit && (
            <Button className="btn btn-primary" onClick={() => setEditing({ id: null })}>
              新增话术
            </Button>
          )}
        </View>
        <View className="muted">
          店员在企业微信侧边栏「话术」里一点就发，{'{客户称呼}'}、{'{店名}'}、{'{推荐商品}'}会自动换成真实的。
        </View>
        {blanks > 0 && <View className="warn">{`有 ${blanks} 条还有【请填写】的内容，补上之前店员发不出去。`}</View>}
      </View>
      {scripts.length > 0 && (
        <View className="chips" role="tablist">
          {categories.map((c) => (
            <View
              key={c}
              role="tab"
              className={`chip ${c === tab ? 'chip-on' : ''}`}
              onClick={() => setTab(c)}
              data-category={c}
            >
              {c === ALL ? `${c} ${scripts.length}` : `${c} ${scripts.filter((s) => s.category === c).length}`}
            </View>
          ))}
        </View>
      )}
      {scripts.length === 0 ? (
        <Empty
          title="还没有话术"
          hint={canEdit ? '点「新增话术」写一条，比如进店欢迎、催单安抚、新品推荐。' : '请店长或老板在这里添加。'}
        />
      ) : (
        shown.map((s) => <ScriptCard key={s.id} script={s} canEdit={canEdit} onEdit={() => setEditing({ id: s.id })} />)
      )}
    </View>
  );
}

function ScriptCard({ script, canEdit, onEdit }: { script: ScriptDto; canEdit: boolean; onEdit: () => void }) {
  const attachment = script.attachment && ATTACHMENT_KINDS.find((k) => k.kind === script.attachment!.kind)?.name;
  return (
    <View className="card" data-script={script.title}>
      <View className="script-head">
        <Text className="strong">
          <BlankText text={script.title} />
        </Text>
        {canEdit && (
          <Text className="tag tag-on" onClick={onEdit}>
            修改
          </Text>
        )}
      </View>
      <View className="script-meta">
        <Text>{script.category}</Text>
        <Text>{`用过 ${script.usageCount} 次`}</Text>
        {attachment && <Text>{`附件：${attachment}`}</Text>}
        {hasBlank(script.title, script.content) && <Text className="blank">待填写</Text>}
      </View>
      <View className="script-body">
        <BlankText text={script.content} />
      </View>
    </View>
  );
}
