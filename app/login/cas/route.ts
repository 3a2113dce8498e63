import { casSignIn } from '@/lib/auth/ways/cas/sign-in';

export const GET = casSignIn;
