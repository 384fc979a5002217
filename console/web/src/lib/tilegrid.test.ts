import { describe, expect, it } from 'vitest';

import { REGIONS } from './regions';
import { GRID_COLUMNS, GRID_ROWS, TILES } from './tilegrid';

describe('the tile-grid map', () => {
  it('has every one of the 89 subjects once, each on its own square of the grid', () => {
    expect(TILES.map((t) => t.code).sort()).toEqual(REGIONS.map((r) => r.code).sort());
    const squares = new Set(TILES.map((t) => `${t.col}:${t.row}`));
    expect(squares.size).toBe(89);
    for (const t of TILES) {
      expect(t.col).toBeLessThan(GRID_COLUMNS);
      expect(t.row).toBeLessThan(GRID_ROWS);
      expect(t.short.length).toBeLessThanOrEqual(6);
    }
  });
});
