import { registerEnumType } from 'type-graphql';
import { scorerName, type Sentiment, type ToneScorer } from '../language/index.js';

export enum Tone {
  NEGATIVE = 'NEGATIVE',
  NEUTRAL = 'NEUTRAL',
  POSITIVE = 'POSITIVE',
}

registerEnumType(Tone, {
  name: 'Tone',
  description: 'The tone of what a citizen wrote, from the tone scorer.',
  valuesConfig: {
    NEGATIVE: { description: 'Complaint, anger, worry (bức xúc).' },
    NEUTRAL: { description: 'Questions, information, requests.' },
    POSITIVE: { description: 'Thanks, praise, relief.' },
  },
});

/** The stored form of a tone, as written on threads and messages: with the scorer that gave it. */
export interface ToneColumns {
  tone: Tone;
  toneScore: number;
  toneConfidence: number;
  toneModel: string;
}

export const toneColumns = (scorer: ToneScorer, sentiment: Sentiment): ToneColumns => ({
  tone: sentiment.tone.toUpperCase() as Tone,
  toneScore: sentiment.score,
  toneConfidence: sentiment.confidence,
  toneModel: scorerName(scorer),
});

/** Scores a text and gives the columns to store. Call it before a transaction, never under a lock. */
export const scoreTone = (scorer: ToneScorer, text: string): ToneColumns => toneColumns(scorer, scorer.score(text));
