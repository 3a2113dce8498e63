import { unknownIdentityPage } from '@/lib/auth/ent-refusal';

export const GET = unknownIdentityPage;
