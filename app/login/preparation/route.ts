import { prepareLogin } from '@/lib/auth/next-auth/login-preparation';

export const GET = prepareLogin;
