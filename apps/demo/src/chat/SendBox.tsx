import { type FormEvent, useId, useState } from 'react';

/** The message field: sends on submit, keeps the text if sending fails. */
export function SendBox({ onSend }: { onSend: (body: string) => Promise<void> }) {
  const [body, setBody] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'error'>('idle');
  const inputId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    if (!text || state === 'sending') return;
    setState('sending');
    try {
      await onSend(text);
      setBody('');
      setState('idle');
    } catch {
      setState('error');
    }
  };

  return (
    <form className="send-box" onSubmit={submit}>
      <label htmlFor={inputId} className="visually-hidden">
        Message
      </label>
      <input
        id={inputId}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        placeholder="Write a message"
        autoComplete="off"
        maxLength={2000}
      />
      <button type="submit" disabled={state === 'sending' || !body.trim()}>
        Send
      </button>
      {state === 'error' && <p role="alert">The message was not sent. Try again.</p>}
    </form>
  );
}
