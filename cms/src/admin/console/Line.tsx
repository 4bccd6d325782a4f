// A labelled line of the call panel ("Label: value"), the label in bold.
import type { ReactNode } from 'react';
import { Typography } from '@strapi/design-system';

export const Line = ({ label, colon, children }: { label: string; colon: string; children: ReactNode }) => (
  <Typography tag="p" variant="omega">
    <Typography fontWeight="bold">
      {label}
      {colon}
    </Typography>
    {children}
  </Typography>
);
