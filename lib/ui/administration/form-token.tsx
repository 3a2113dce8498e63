// The form token every administration form carries (lib/auth/form-token.ts).
import { FORM_TOKEN_FIELD } from '@/lib/auth/form-token';

export function FormTokenInput({ value }: { value: string }) {
  return <input type="hidden" name={FORM_TOKEN_FIELD} value={value} />;
}
