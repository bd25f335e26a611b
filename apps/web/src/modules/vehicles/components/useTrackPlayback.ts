import { useCallback, useEffect, useState } from 'react';

/** Playback steps this often; one step is one reported position. */
const STEP_MS = 200;

export interface Playback {
  index: number;
  playing: boolean;
  seek: (index: number) => void;
  toggle: () => void;
}

/** A cursor over `count` track points that plays forward and stops at the end. */
export function useTrackPlayback(count: number): Playback {
  const [index, setIndex] = useState(0);
  const [playing, setPlaying] = useState(false);

  // A new track starts over at its first point (state adjusted while rendering, not in an effect).
  const [seen, setSeen] = useState(count);
  if (seen !== count) {
    setSeen(count);
    setIndex(0);
    setPlaying(false);
  }

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setIndex((i) => {
        if (i + 1 >= count) {
          setPlaying(false);
          return Math.max(0, count - 1);
        }
        return i + 1;
      });
    }, STEP_MS);
    return () => clearInterval(timer);
  }, [playing, count]);

  const seek = useCallback((i: number) => setIndex(i), []);
  const toggle = useCallback(() => {
    setPlaying((p) => {
      if (!p) setIndex((i) => (i + 1 >= count ? 0 : i));
      return !p;
    });
  }, [count]);
  return { index, playing, seek, toggle };
}
