import type { Message } from '../api/types';
import { formatTime } from '../format';

export function MessageRow({ message, isOwn }: { message: Message; isOwn: boolean }) {
  return (
    <div className={isOwn ? 'message message--own' : 'message'}>
      <p className="message__meta">
        <strong>{isOwn ? 'You' : message.sender.displayName}</strong>{' '}
        <time className="muted" dateTime={message.createdAt}>
          {formatTime(message.createdAt)}
        </time>
      </p>
      <p className="message__body">{message.body}</p>
    </div>
  );
}
