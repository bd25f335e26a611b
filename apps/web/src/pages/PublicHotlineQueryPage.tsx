import { PublicFrame } from '../modules/hotline/components/PublicFrame.tsx';
import { PublicQueryView } from '../modules/hotline/components/PublicQueryView.tsx';

export function PublicHotlineQueryPage() {
  return (
    <PublicFrame>
      <PublicQueryView />
    </PublicFrame>
  );
}
