import { handleAuthRequest } from '@/lib/auth/sign-in-guard';

export { handleAuthRequest as GET, handleAuthRequest as POST };
