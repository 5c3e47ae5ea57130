// --topic T (all partitions, one call with partition -1) and --topic T:P[,P...] (one call per partition),
// as kafka-consumer-groups.sh writes them.
import { UsageError } from './usage-error.js';

/** One topic and its partitions; -1 alone means all partitions. */
export interface TopicPartitions {
  readonly topic: string;
  readonly partitions: readonly number[];
}

const MAX_PARTITION = 2_147_483_647;

/** Parses one --topic value. Kafka topic names have no ':', so the first one starts the partition list. */
export function parseTopic(value: string): TopicPartitions {
  const colon = value.indexOf(':');
  const topic = colon === -1 ? value : value.slice(0, colon);
  if (topic === '')
    throw new UsageError(`--topic '${value}' has no topic name; e.g. --topic orders or --topic orders:0,1`);
  if (colon === -1) return { topic, partitions: [-1] };
  const list = value.slice(colon + 1).split(',');
  const partitions = list.map((text) => {
    const partition = Number(text);
    if (!/^\d+$/.test(text) || partition > MAX_PARTITION)
      throw new UsageError(
        `--topic '${value}': '${text}' is not a partition number (0 to ${MAX_PARTITION}); e.g. --topic orders:0,1,2`,
      );
    return partition;
  });
  const repeated = partitions.find((p, i) => partitions.indexOf(p) !== i);
  if (repeated !== undefined) throw new UsageError(`--topic '${value}' names partition ${repeated} twice`);
  return { topic, partitions };
}

/** All --topic values; a topic given twice is refused (say its partitions once: --topic T:0,1). */
export function parseTopics(values: readonly string[]): TopicPartitions[] {
  const topics = values.map(parseTopic);
  const seen = new Set<string>();
  for (const { topic } of topics) {
    if (seen.has(topic))
      throw new UsageError(`--topic ${topic} is given twice; give each topic once, e.g. --topic ${topic}:0,1`);
    seen.add(topic);
  }
  return topics;
}
