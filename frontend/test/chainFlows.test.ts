import { describe, expect, it } from 'vitest';
import { flowsToDraw } from '../src/views/chainLayout';

describe('flows as drawn on the chain map', () => {
  it('draws a ⇄ b once, with an arrow at each end', () => {
    const drawn = flowsToDraw([
      { from: 'A', to: 'B', recycling: false },
      { from: 'B', to: 'A', recycling: false },
      { from: 'B', to: 'C', recycling: false },
    ]);
    expect(drawn).toHaveLength(2);
    expect(drawn.find((f) => f.from === 'A' && f.to === 'B')?.mutual).toBe(true);
    expect(drawn.find((f) => f.to === 'C')?.mutual).toBe(false);
  });

  it('keeps a return flow apart from the forward flow it reverses', () => {
    const drawn = flowsToDraw([
      { from: 'CELL', to: 'RECYCLE', recycling: false },
      { from: 'RECYCLE', to: 'CELL', recycling: true },
    ]);
    expect(drawn).toHaveLength(2);
    expect(drawn.every((f) => !f.mutual)).toBe(true);
    expect(drawn.filter((f) => f.recycling)).toHaveLength(1);
  });
});
