import { EmptyState } from '../components/EmptyState';

export function LandscapeView() {
  return (
    <EmptyState title="No landscape yet">
      A landscape is the Cloud Integration tenant and the systems around it. Landscapes arrive with the
      landscape model; until then there is nothing to draw.
    </EmptyState>
  );
}
