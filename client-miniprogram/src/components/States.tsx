import { Button, Text, View } from '@tarojs/components';

export function Loading() {
  return (
    <View aria-busy>
      <View className="skeleton" />
      <View className="skeleton" />
    </View>
  );
}

export function ErrorState({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  return (
    <View className="state" role="alert">
      <View className="state-title">没能加载出来</View>
      <Text>{error.message}</Text>
      {onRetry && (
        <View className="btn-row" style={{ justifyContent: 'center' }}>
          <Button className="btn btn-ghost" onClick={onRetry}>
            重试
          </Button>
        </View>
      )}
    </View>
  );
}

export function Empty({ title, hint }: { title: string; hint?: string }) {
  return (
    <View className="state">
      <View className="state-title">{title}</View>
      {hint && <Text>{hint}</Text>}
    </View>
  );
}
