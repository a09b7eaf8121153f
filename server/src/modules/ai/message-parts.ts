// One customer message may ask several things ("大杯多少钱？另外能送到滨江吗"): it is cut into its questions at
// question marks, sentence ends and the words that start another question; a piece that asks nothing by itself
// ("杨枝甘露，") stays with the question after it.

const BREAK = /[？?。！!；;\n]+|[，,、]\s*(?=还有|另外|顺便|以及|再问|还想问|对了|然后)|(?<=[吗呢嘛么])[，,\s]+/;

/**
 * A remark about the customer's own plans after a question ("想给老二也报一个"): context, not part of what is asked. A
 * choice ("我要大杯") stays with its question.
 */
const REMARK = /^(我(?!要|想要)|想(?!要)|打算|准备|计划)/;

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
    for (const c of commas) {
      const joined = pending ? `${pending} ${c}` : c;
      if (asksSomething(c)) {
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
