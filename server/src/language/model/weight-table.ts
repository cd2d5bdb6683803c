/**
 * Feature id → its three class weights, open addressing over one buffer where each slot holds the
 * id and its weights side by side: a look-up touches one cache line. Several times faster than a
 * Map for the few hundred look-ups each scored text makes. Ids are non-negative 30-bit integers.
 */
const STRIDE = 4;

export class WeightTable {
  private readonly ids: Int32Array;
  private readonly weights: Float32Array;
  private readonly mask: number;

  /** `weights` holds three per id, in the order of `ids`. */
  constructor(ids: ArrayLike<number>, weights: ArrayLike<number>) {
    let size = 1024;
    while (size < ids.length * 3) size *= 2;
    this.mask = size - 1;
    const buffer = new ArrayBuffer(size * STRIDE * 4);
    this.ids = new Int32Array(buffer);
    this.weights = new Float32Array(buffer);
    for (let slot = 0; slot < size; slot += 1) this.ids[slot * STRIDE] = -1;
    for (let row = 0; row < ids.length; row += 1) {
      const id = ids[row]!;
      let slot = id & this.mask;
      while (this.ids[slot * STRIDE] !== -1 && this.ids[slot * STRIDE] !== id) slot = (slot + 1) & this.mask;
      this.ids[slot * STRIDE] = id;
      for (let label = 0; label < 3; label += 1) this.weights[slot * STRIDE + 1 + label] = weights[row * 3 + label]!;
    }
  }

  /** The offset of an id's weights, or -1. */
  find(id: number): number {
    let slot = id & this.mask;
    for (;;) {
      const key = this.ids[slot * STRIDE]!;
      if (key === id) return slot * STRIDE + 1;
      if (key === -1) return -1;
      slot = (slot + 1) & this.mask;
    }
  }

  has(id: number): boolean {
    return this.find(id) >= 0;
  }

  /** Adds value × the id's weights to scores (three classes); nothing for an unknown id. */
  add(id: number, value: number, scores: number[]): void {
    const offset = this.find(id);
    if (offset < 0) return;
    scores[0]! += this.weights[offset]! * value;
    scores[1]! += this.weights[offset + 1]! * value;
    scores[2]! += this.weights[offset + 2]! * value;
  }
}
