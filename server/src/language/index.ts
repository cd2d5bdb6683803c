// The language module: Vietnamese normalisation, tone scoring and word segmentation. A leaf: it
// imports no domain, and the domains receive a ToneScorer instead of importing a scorer.
import { LearnedToneScorer } from './model/learned-scorer.js';
import type { ToneScorer } from './tone.js';

export { scorerName, TONES, type Sentiment, type Tone, type ToneScorer } from './tone.js';
export { keywordsOf } from './words/keywords.js';

/** The scorer the server and the scripts use: the committed learned model. */
export const defaultToneScorer = (): ToneScorer => LearnedToneScorer.load();
