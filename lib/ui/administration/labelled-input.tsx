// An input with its visible label above it, as every administration form lays them out.
import { INPUT } from './section';

export function LabelledInput({
  id,
  label,
  className = '',
  ...input
}: {
  id: string;
  label: string;
  className?: string;
} & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input id={id} className={`${INPUT} ${className}`} {...input} />
    </div>
  );
}
