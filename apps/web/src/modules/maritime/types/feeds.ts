export type FeedKind = 'tcp-client' | 'tcp-server' | 'udp' | 'file';
export type ReplayPace = 'realtime' | 'fast';

export interface FeedStats {
  state: string;
  sentences: number;
  messages: number;
  errors: number;
  lastSeen: string | null;
  connections: number;
  reconnects: number;
  lastError: string | null;
  startedAt: string;
}

export interface Feed {
  id: number;
  name: string;
  kind: FeedKind;
  address: string;
  replay: ReplayPace | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  stats: FeedStats | null;
}

export interface CreateFeedRequest {
  name: string;
  kind: FeedKind;
  address: string;
  replay?: ReplayPace;
  enabled?: boolean;
}
