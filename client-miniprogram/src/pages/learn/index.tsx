// The questions customers asked that the shop's data could not answer, grouped by meaning, the most asked first. One
// tap "添加答案" turns a group into an FAQ (its ways of asking and the owner's answer): the next customer is answered.
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as learning from '@xiaoer/common/api/learning';
import { useState } from 'react';
import { Empty, ErrorState, Loading } from '../../components/States';
import { useAction } from '../../hooks/useAction';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/client';
import { shortTime } from '../../services/format';

export default function Learn() {
  const { data, error, loading, reload } = useAsync(() => call(learning.unansweredQuestions, { query: {} }));
  Taro.useDidShow(() => void reload());
  const [answering, setAnswering] = useState<{ id: string; text: string } | null>(null);
  const { busy, act } = useAction(async () => {
    setAnswering(null);
    await reload();
  });
  const answer = (id: string, text: string) =>
    act(() => call(learning.answerQuestions, { params: { id }, body: { answer: text } }), '已加入常见问答');
  return (
    <View className="page">
      <View className="muted" style={{ marginBottom: '16px' }}>
        最近两周顾客问了、小二答不上来转给店员的问题，意思相同的归在一起。添加答案后，下次有人这样问，小二就会回答。
      </View>
      <View className="btn-row" style={{ marginBottom: '16px' }}>
        <Button className="btn btn-ghost" onClick={() => void Taro.navigateTo({ url: '/pages/ask/index' })}>
          问问小二：试试它会怎么答
        </Button>
      </View>
      {error && <ErrorState error={error} onRetry={reload} />}
      {!data && loading && <Loading />}
      {data && !data.groups.length && (
        <Empty title="没有答不上的问题 👍" hint="顾客问到店铺资料里没有的内容时，会出现在这里" />
      )}
      {data?.groups.map((g) => (
        <View className="card" key={g.id} data-group={g.id}>
          <View className="row">
            <Text style={{ fontWeight: 600 }}>{`「${g.question}」`}</Text>
            <Text className="tag">{`${g.count} 次`}</Text>
          </View>
          {g.variants.length > 1 && (
            <View className="muted" style={{ marginTop: '8px' }}>{`也这样问：${g.variants.slice(1).join('、')}`}</View>
          )}
          {g.examples.map((e) => (
            <View className="muted" key={`${e.at}-${e.question}`} style={{ marginTop: '8px' }}>
              {`${e.customerName} · ${shortTime(e.at)} · ${e.reason}`}
            </View>
          ))}
          {answering?.id === g.id ? (
            <>
              <Textarea
                className="textarea"
                value={answering.text}
                maxlength={1000}
                placeholder="写下店里的答案，如：可以的，前台有充电宝免费借用"
                onInput={(e) => setAnswering({ id: g.id, text: e.detail.value })}
              />
              <View className="btn-row">
                <Button
                  className="btn btn-primary"
                  disabled={busy || !answering.text.trim() || undefined}
                  onClick={() => answer(g.id, answering.text)}
                >
                  保存答案
                </Button>
                <Button className="btn btn-ghost" onClick={() => setAnswering(null)}>
                  取消
                </Button>
              </View>
            </>
          ) : (
            <View className="btn-row">
              <Button className="btn btn-primary" onClick={() => setAnswering({ id: g.id, text: '' })}>
                添加答案
              </Button>
              <Button
                className="btn btn-ghost"
                disabled={busy || undefined}
                onClick={() => act(() => call(learning.dismissQuestions, { params: { id: g.id } }), '已移出列表')}
              >
                不用回答
              </Button>
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
