import { FeedList } from '../modules/maritime/components/FeedList.tsx';

export function MaritimeFeedsPage() {
  return <FeedList />;
}
