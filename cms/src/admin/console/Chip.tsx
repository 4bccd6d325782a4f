// A quick filter of the console: a toggle button that says whether it is on.
import { Button } from '@strapi/design-system';

export function Chip({ on, onClick, children }: { on: boolean; onClick: () => void; children: string }) {
  return (
    <Button size="S" variant={on ? 'default' : 'tertiary'} aria-pressed={on} onClick={onClick} data-chip={children}>
      {on ? `✓ ${children}` : children}
    </Button>
  );
}
