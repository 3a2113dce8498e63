import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';
import { guardSignIn } from '@/lib/auth/sign-in-guard';

const handler = guardSignIn(NextAuth(authOptions));

export { handler as GET, handler as POST };
