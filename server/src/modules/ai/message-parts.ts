// One customer message may ask several things ("大杯多少钱？另外能送到滨江吗"): it is cut into its questions at
// question marks, sentence ends and the words that start another question; a piece that asks nothing by itself
// ("杨枝甘露，") stays with the question after it.

const BREAK = /[？?。！!；;\n]+|[，,、]\s*(?=还有|另外|顺便|以及|再问|还想问|对了|然后)|(?<=[吗呢嘛么])[，,\s]+/;

/**
 * A remark about the customer's own plans after a question ("想给老二也报一个"): context, not part of what is asked. A
 * choice ("我要大杯") stays with its question.
 */
const REMARK = /^(我(?!要|想要)|想(?!要)|打算|准备|计划)/;

/** A piece asked as a question: a question word or mark. */
const ASKED =
  /(吗|呢|嘛|[？?]|怎么|什么|啥|哪|几|多少|多久|多[大高长重宽远厚]|能不能|可不可以|是不是|有没有|会不会|行不行|要不要|([\u4e00-\u9fff])[不没]\2)/;
/** A question with no topic of its own: whether it costs, counts, can be done ("会扣钱吗", "能退吗", "怎么算"). */
const BARE =
  /^(那|还|会|能|可以|要|这样|这种|那样)?.{0,3}(扣钱|扣费|扣课时|收费|收钱|要钱|加钱|退|算|行|可以|扣)[吗么嘛呢不]?[?？]?$/;

export function splitQuestions(message: string, asksSomething: (part: string) => boolean): string[] {
  const pieces = message
    .split(BREAK)
    .map((p) =>
      p
        .replace(/^(还有就是|还有|另外|顺便问下|顺便问一下|顺便|以及|再问下|再问一下|还想问|对了|然后)[，,\s]*/, '')
        .trim(),
    )
    .filter(Boolean);
  // commas inside a piece split it too when both sides ask something of their own
  const parts: string[] = [];
  for (const piece of pieces) {
    // a space between Chinese words is how many customers type a comma
    const commas = piece
      .split(/[，,]|(?<=[\u4e00-\u9fff\w])\s+(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])\s+(?=\w)/)
      .map((p) => p.trim())
      .filter(Boolean);
    let pending = '';
    for (const [i, c] of commas.entries()) {
      const joined = pending ? `${pending} ${c}` : c;
      // a situation told before the question about it ("临时有事去不了 会扣钱吗") is that question's, not one of its own
      const told = !ASKED.test(c) && i + 1 < commas.length && ASKED.test(commas[i + 1]!) && BARE.test(commas[i + 1]!);
      if (asksSomething(c) && !told) {
        parts.push(joined);
        pending = '';
      } else pending = joined;
    }
    if (pending) {
      if (parts.length && !asksSomething(pending) && commas.length > 1 && !REMARK.test(pending))
        parts[parts.length - 1] += ` ${pending}`;
      else parts.push(pending);
    }
  }
  return parts.length ? parts : [message.trim()];
}
