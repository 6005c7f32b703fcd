import { useInfiniteLoader, VirtualList } from '@perfkit/react';
import { useCallback, useId, useState } from 'react';
import { useLoaderData, useSearchParams } from 'react-router-dom';
import { getJSON, postJSON } from '../api/client';
import type { Conversation as ConversationInfo, Message } from '../api/types';
import { MessageRow } from '../chat/MessageRow';
import { SendBox } from '../chat/SendBox';
import { type chatLoader, MESSAGE_PAGE_SIZE } from '../routes/loaders';

/** The demo has no sign-in: the visitor writes as this seeded user. */
const CURRENT_USER_ID = 1;

interface ConversationProps {
  conversation: ConversationInfo;
  newest: { items: Message[]; prevCursor: string | null };
}

function Conversation({ conversation: { id, title }, newest }: ConversationProps) {
  // The newest page came with the route: the list mounts with it and so opens at the bottom.
  const [messages, setMessages] = useState(newest.items);
  // null once the start of the conversation is loaded.
  const [before, setBefore] = useState(newest.prevCursor);

  const { load, isLoading, error } = useInfiniteLoader({
    hasMore: before !== null,
    manual: true, // the list reports its start (onStartReached); no sentinel needed
    loadMore: async ({ signal }) => {
      const page = await getJSON<{ items: Message[]; prevCursor: string | null }>(
        `/api/conversations/${id}/messages`,
        { before, limit: MESSAGE_PAGE_SIZE },
        signal,
      );
      setMessages((current) => [...page.items, ...current]);
      setBefore(page.prevCursor);
    },
  });

  const send = useCallback(
    async (body: string) => {
      const { item } = await postJSON<{ item: Message }>(`/api/conversations/${id}/messages`, {
        senderId: CURRENT_USER_ID,
        body,
      });
      setMessages((current) => [...current, item]);
    },
    [id],
  );

  return (
    <>
      <div className="chat__status" role="status">
        {isLoading && 'Loading older messages…'}
        {before === null && 'This is the start of the conversation.'}
      </div>
      {error !== undefined && (
        <p role="alert">
          Could not load older messages.{' '}
          <button type="button" onClick={load}>
            Try again
          </button>
        </p>
      )}
      <div className="chat__list">
        {/* Never mounted empty: an alignToBottom list mounted without items does not start at the end
            once they arrive (reported as a VirtualList bug). */}
        {messages.length > 0 ? (
          <VirtualList
            items={messages}
            getItemKey={(index) => messages[index]!.id}
            alignToBottom
            followOutput
            onStartReached={load}
            threshold={600}
            estimatedItemSize={64}
            aria-label={`Messages in ${title}`}
          >
            {(message) => <MessageRow message={message} isOwn={message.sender.id === CURRENT_USER_ID} />}
          </VirtualList>
        ) : (
          <p className="chat__empty">No messages yet. Say hello.</p>
        )}
      </div>
      <SendBox onSend={send} />
    </>
  );
}

export default function Chat() {
  const { conversations, current, newest } = useLoaderData<typeof chatLoader>();
  const [, setParams] = useSearchParams();
  const selectId = useId();

  return (
    <section className="chat">
      <div className="chat__header">
        <h1>Chat</h1>
        {current && (
          <>
            <label htmlFor={selectId}>Conversation</label>
            <select
              id={selectId}
              value={current.id}
              onChange={(event) => setParams({ c: event.target.value })}
            >
              {conversations.map((conversation) => (
                <option key={conversation.id} value={conversation.id}>
                  {conversation.title}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      {current && newest ? (
        <Conversation key={current.id} conversation={current} newest={newest} />
      ) : (
        <p>No conversations yet.</p>
      )}
    </section>
  );
}
