import { useEffect, useRef } from 'react';

/** What the accounts page tells the administrator after a change: done or refused, and a new secret once. */
export interface Notice {
  kind: 'ok' | 'error';
  text: string;
  /** A token shown this once: only its hash is kept. */
  secret?: string;
}

export function AccountNotice({ notice }: { notice: Notice }) {
  const box = useRef<HTMLDivElement>(null);
  // The change was asked from a row far down a long table: the answer is brought into view. A block
  // body, not an arrow's value: Chromium's scrollIntoView now returns a promise, which React would take
  // for the effect's clean-up and call.
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new notice is the trigger, not its object
  useEffect(() => {
    box.current?.scrollIntoView?.({ block: 'nearest' });
  }, [notice.kind, notice.text, notice.secret]);
  return (
    <div
      ref={box}
      className={`notice notice--${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
    >
      <p>{notice.text}</p>
      {notice.secret && (
        <p>
          <code className="notice__secret">{notice.secret}</code>
        </p>
      )}
    </div>
  );
}
