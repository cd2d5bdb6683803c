/**
 * Multinomial logistic regression with L2 regularisation, trained full-batch by L-BFGS.
 * Written here rather than taken from npm: the registry's maintained ML packages are either large
 * (TensorFlow.js, ONNX) or lack sparse multinomial training, and this is about 150 lines with no
 * randomness at all, so training is reproducible to the bit on any Node version.
 */
export interface SparseExample {
  /** Feature indices and values. */
  indices: Int32Array;
  values: Float64Array;
  label: number;
  /** How much the example counts (1 when absent). */
  weight?: number;
}

export interface LinearModel {
  classes: number;
  features: number;
  /** features × classes, row-major. */
  weights: Float64Array;
  bias: Float64Array;
}

export function logits(model: LinearModel, indices: ArrayLike<number>, values: ArrayLike<number>): number[] {
  const { classes, weights } = model;
  const result = Array.from(model.bias);
  for (let position = 0; position < indices.length; position += 1) {
    const row = indices[position]! * classes;
    const value = values[position]!;
    for (let label = 0; label < classes; label += 1) result[label]! += weights[row + label]! * value;
  }
  return result;
}

export function softmax(scores: number[], temperature = 1): number[] {
  const scaled = scores.map((score) => score / temperature);
  const top = Math.max(...scaled);
  const exps = scaled.map((score) => Math.exp(score - top));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((value) => value / sum);
}

/** Mean negative log-likelihood plus λ/2·Σ sⱼ‖Wⱼ‖² (sⱼ a feature's penalty scale), and its gradient (weights then biases). */
function objective(
  parameters: Float64Array,
  examples: SparseExample[],
  features: number,
  classes: number,
  lambda: number,
  gradient: Float64Array,
  scales: Float64Array | undefined,
): number {
  gradient.fill(0);
  const biasOffset = features * classes;
  let loss = 0;
  const scores = new Float64Array(classes);
  for (const example of examples) {
    for (let label = 0; label < classes; label += 1) scores[label] = parameters[biasOffset + label]!;
    for (let position = 0; position < example.indices.length; position += 1) {
      const row = example.indices[position]! * classes;
      const value = example.values[position]!;
      for (let label = 0; label < classes; label += 1) scores[label]! += parameters[row + label]! * value;
    }
    let top = -Infinity;
    for (let label = 0; label < classes; label += 1) top = Math.max(top, scores[label]!);
    let sum = 0;
    for (let label = 0; label < classes; label += 1) sum += Math.exp(scores[label]! - top);
    const logSum = top + Math.log(sum);
    const weight = example.weight ?? 1;
    loss += weight * (logSum - scores[example.label]!);
    for (let label = 0; label < classes; label += 1) {
      const error = weight * (Math.exp(scores[label]! - logSum) - (label === example.label ? 1 : 0));
      gradient[biasOffset + label]! += error;
      for (let position = 0; position < example.indices.length; position += 1) {
        gradient[example.indices[position]! * classes + label]! += error * example.values[position]!;
      }
    }
  }
  const count = examples.reduce((sum, example) => sum + (example.weight ?? 1), 0);
  let penalty = 0;
  for (let index = 0; index < parameters.length; index += 1) {
    gradient[index]! /= count;
    if (index < biasOffset) {
      const scale = scales ? scales[Math.floor(index / classes)]! : 1;
      penalty += scale * parameters[index]! ** 2;
      gradient[index]! += lambda * scale * parameters[index]!;
    }
  }
  return loss / count + (lambda / 2) * penalty;
}

const dot = (a: Float64Array, b: Float64Array) => {
  let sum = 0;
  for (let index = 0; index < a.length; index += 1) sum += a[index]! * b[index]!;
  return sum;
};

export interface TrainOptions {
  lambda: number;
  iterations: number;
  /** Past gradients L-BFGS remembers. */
  memory?: number;
  /** Per feature, a multiple of λ (default 1 for all). */
  penaltyScales?: Float64Array;
}

/** Trains from zero weights: the same examples and options always give the same model. */
export function trainLogistic(
  examples: SparseExample[],
  features: number,
  classes: number,
  { lambda, iterations, memory = 10, penaltyScales }: TrainOptions,
): LinearModel {
  const size = features * classes + classes;
  let x: Float64Array = new Float64Array(size);
  let gradient: Float64Array = new Float64Array(size);
  let loss = objective(x, examples, features, classes, lambda, gradient, penaltyScales);
  const history: Array<{ s: Float64Array; y: Float64Array; rho: number }> = [];
  const direction = new Float64Array(size);
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    // Two-loop recursion: direction = −H·g.
    direction.set(gradient);
    const alphas: number[] = [];
    for (let index = history.length - 1; index >= 0; index -= 1) {
      const { s, y, rho } = history[index]!;
      const alpha = rho * dot(s, direction);
      alphas[index] = alpha;
      for (let k = 0; k < size; k += 1) direction[k]! -= alpha * y[k]!;
    }
    const last = history[history.length - 1];
    const gamma = last
      ? dot(last.s, last.y) / dot(last.y, last.y)
      : 1 / Math.max(1, Math.sqrt(dot(gradient, gradient)));
    for (let k = 0; k < size; k += 1) direction[k]! *= gamma;
    for (let index = 0; index < history.length; index += 1) {
      const { s, y, rho } = history[index]!;
      const beta = rho * dot(y, direction);
      for (let k = 0; k < size; k += 1) direction[k]! += s[k]! * (alphas[index]! - beta);
    }
    for (let k = 0; k < size; k += 1) direction[k] = -direction[k]!;
    let slope = dot(gradient, direction);
    if (slope >= 0) {
      // Not a descent direction: restart from the gradient.
      history.length = 0;
      for (let k = 0; k < size; k += 1) direction[k] = -gradient[k]!;
      slope = dot(gradient, direction);
    }
    // Backtracking line search (Armijo).
    let step = 1;
    const next = new Float64Array(size);
    const nextGradient = new Float64Array(size);
    let nextLoss = Infinity;
    for (let tries = 0; tries < 30; tries += 1) {
      for (let k = 0; k < size; k += 1) next[k] = x[k]! + step * direction[k]!;
      nextLoss = objective(next, examples, features, classes, lambda, nextGradient, penaltyScales);
      if (nextLoss <= loss + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(nextLoss < loss)) break;
    const s = new Float64Array(size);
    const y = new Float64Array(size);
    for (let k = 0; k < size; k += 1) {
      s[k] = next[k]! - x[k]!;
      y[k] = nextGradient[k]! - gradient[k]!;
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      history.push({ s, y, rho: 1 / sy });
      if (history.length > memory) history.shift();
    }
    const improvement = loss - nextLoss;
    x = next;
    gradient = nextGradient;
    loss = nextLoss;
    if (improvement < 1e-7) break;
  }
  return {
    classes,
    features,
    weights: x.slice(0, features * classes),
    bias: x.slice(features * classes),
  };
}
