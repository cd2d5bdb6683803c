import { registerEnumType } from 'type-graphql';
import { scoreSentiment } from './scorer.js';

export enum Tone {
  NEGATIVE = 'NEGATIVE',
  NEUTRAL = 'NEUTRAL',
  POSITIVE = 'POSITIVE',
}

registerEnumType(Tone, {
  name: 'Tone',
  description: 'The tone of what a citizen wrote, from the sentiment scorer.',
  valuesConfig: {
    NEGATIVE: { description: 'Complaint, anger, worry (bức xúc).' },
    NEUTRAL: { description: 'Questions, information, requests.' },
    POSITIVE: { description: 'Thanks, praise, relief.' },
  },
});

/** The stored form of a sentiment: the label and the score, as written on threads and messages. */
export function toneOf(text: string): { tone: Tone; toneScore: number } {
  const { tone, score } = scoreSentiment(text);
  return { tone: tone.toUpperCase() as Tone, toneScore: score };
}
