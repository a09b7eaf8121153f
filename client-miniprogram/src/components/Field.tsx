// A labelled form field with its own error line under it (the server's schema's Chinese message).
import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import './form.scss';

export function Field({ label, error, children }: PropsWithChildren<{ label: string; error?: string }>) {
  return (
    <View className={`form-field${error ? ' form-field-bad' : ''}`}>
      <Text className="form-label">{label}</Text>
      {children}
      {error && (
        <View className="form-error" role="alert">
          {error}
        </View>
      )}
    </View>
  );
}

/** An error about the whole form (the server's refusal not tied to a field). */
export function FormError({ error }: { error?: string }) {
  return error ? (
    <View className="form-error" role="alert">
      {error}
    </View>
  ) : null;
}
