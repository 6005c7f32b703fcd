import { useState } from 'react';
import { getJSON } from '../api/client';
import type { Comment, CursorPage } from '../api/types';
import { formatDateTime } from '../format';

/** A post's comments, fetched only when the reader opens them. */
export function Comments({ postId, count }: { postId: number; count: number }) {
  const [comments, setComments] = useState<Comment[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>();
  const [state, setState] = useState<'idle' | 'loading' | 'error'>('idle');

  const load = async () => {
    setState('loading');
    try {
      const page = await getJSON<CursorPage<Comment>>(`/api/posts/${postId}/comments`, { cursor, limit: 5 });
      setComments((current) => [...current, ...page.items]);
      setCursor(page.nextCursor);
      setState('idle');
    } catch {
      setState('error');
    }
  };

  return (
    <details
      className="comments"
      onToggle={(event) => {
        if (event.currentTarget.open && cursor === undefined && state === 'idle') load();
      }}
    >
      <summary>{count} comments</summary>
      <ul>
        {comments.map((comment) => (
          <li key={comment.id}>
            <strong>{comment.author.displayName}</strong> {comment.body}{' '}
            <time className="muted" dateTime={comment.createdAt}>
              {formatDateTime(comment.createdAt)}
            </time>
          </li>
        ))}
      </ul>
      {state === 'loading' && <p role="status">Loading comments…</p>}
      {state === 'error' && (
        <p role="alert">
          Could not load the comments.{' '}
          <button type="button" onClick={load}>
            Try again
          </button>
        </p>
      )}
      {cursor && state === 'idle' && (
        <button type="button" onClick={load}>
          More comments
        </button>
      )}
    </details>
  );
}
