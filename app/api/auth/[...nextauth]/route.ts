import { handleAuthRequest } from '@/lib/auth/next-auth/sign-in-guard';

export { handleAuthRequest as GET, handleAuthRequest as POST };
