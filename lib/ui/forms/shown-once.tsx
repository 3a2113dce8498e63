'use client';
// A value shown once (a token: it is stored hashed, nobody can show it again), set apart, with
// a « Copier » button; without JavaScript it is selected with one click (user-select: all).
import { useState } from 'react';
import { useActionAnswer } from './action-form';

export function ShownOnce({ title, use }: { title: string; use: string }) {
  const answer = useActionAnswer();
  const [copied, setCopied] = useState(false);
  if (answer.status !== 'ok' || !answer.secret) return null;
  const secret = answer.secret;
  return (
    <div
      role="status"
      className="mt-4 basis-full rounded-md border border-green-300 bg-green-50 p-4"
    >
      <h3 className="font-semibold text-green-900">{title}</h3>
      <p className="mt-1 text-green-900">{use}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code className="block break-all rounded border border-slate-300 bg-white p-2 select-all">
          {secret}
        </code>
        <button
          type="button"
          className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium"
          onClick={() => {
            void navigator.clipboard.writeText(secret).then(() => setCopied(true));
          }}
        >
          {copied ? 'Copié' : 'Copier'}
        </button>
      </div>
    </div>
  );
}
