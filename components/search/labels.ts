import type { SearchHit } from '@/lib/api/contract';

export const HIT_KIND_LABEL: Record<SearchHit['kind'], string> = {
  client: 'Client',
  session: 'Session',
  item: 'Captured',
  question: 'Question',
};
