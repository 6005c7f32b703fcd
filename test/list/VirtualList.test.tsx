import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { VirtualList } from '../../src';

describe('VirtualList input checks', () => {
  it('explains a count that is not a whole number', () => {
    expect(() => render(<VirtualList count={-1}>{(index) => index}</VirtualList>)).toThrow(
      'VirtualList: Expected a whole number of at least 0 for count but received -1 of type number. Pass either count or an items array.',
    );
  });

  it('explains an itemSize that is not a positive size', () => {
    expect(() =>
      render(
        <VirtualList count={3} itemSize={0}>
          {(index) => index}
        </VirtualList>,
      ),
    ).toThrow(
      'VirtualList: Expected a size in px greater than 0 for itemSize but received 0 of type number.',
    );
  });
});
