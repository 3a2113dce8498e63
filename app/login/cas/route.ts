import { casSignIn } from '@/lib/auth/cas-sign-in';

export const GET = casSignIn;
