import { prepareLogin } from '@/lib/auth/login-preparation';

export const GET = prepareLogin;
