// A text with the blanks the owner still has to fill highlighted.
import { Text } from '@tarojs/components';
import { segments } from '../../services/knowledge-step';

export function BlankText({ text }: { text: string }) {
  return (
    <Text className="blank-text">
      {segments(text).map((s, i) =>
        s.blank ? (
          <Text key={i} className="blank">
            {s.text}
          </Text>
        ) : (
          <Text key={i}>{s.text}</Text>
        ),
      )}
    </Text>
  );
}
