// The product's photo in the editor: shown as customers' staff will see it in the list, 上传照片 / 换一张 and 删除照片
// (each saved at once, apart from the form). A photo too big or of the wrong type is refused under it, in words.
import { Button, Image, View } from '@tarojs/components';
import * as catalog from '@xiaoer/common/api/catalog';
import type { ProductDto } from '@xiaoer/common/schemas/knowledge-item';
import { useState } from 'react';
import { Field } from '../../components/Field';
import { toast } from '../../components/Toast';
import { apiBase } from '../../services/api';
import { call } from '../../services/client';
import { pickPhoto } from '../../services/photo-file';

export function PhotoField({ product, onChanged }: { product?: ProductDto; onChanged: (p: ProductDto) => void }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (!product) return <Field label="照片">{<View className="muted">保存商品后就可以加照片</View>}</Field>;
  const params = { id: product.id };

  const run = async (work: () => Promise<ProductDto | null>, done: string) => {
    setError(undefined);
    setBusy(true);
    try {
      const changed = await work();
      if (changed) {
        onChanged(changed);
        toast(done, 'success');
      }
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const upload = () =>
    run(async () => {
      const data = await pickPhoto();
      return data ? call(catalog.uploadProductPhoto, { params, body: { data } }) : null;
    }, '照片已更新');
  const remove = () => run(() => call(catalog.removeProductPhoto, { params }), '照片已删除');

  return (
    <Field label="照片" error={error}>
      <View className="photo-field">
        {product.photoUrl ? (
          <Image className="photo-preview" src={apiBase() + product.photoUrl} mode="aspectFill" />
        ) : (
          <View className="photo-preview photo-none">还没有照片</View>
        )}
        <View className="btn-row">
          <Button className="btn btn-ghost" disabled={busy || undefined} onClick={() => void upload()}>
            {product.photoUrl ? '换一张' : '上传照片'}
          </Button>
          {product.photoUrl && (
            <Button className="btn btn-ghost" disabled={busy || undefined} onClick={() => void remove()}>
              删除照片
            </Button>
          )}
        </View>
        <View className="muted">JPG、PNG 或 WebP，不超过 500KB</View>
      </View>
    </Field>
  );
}
