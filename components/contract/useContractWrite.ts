import { useCallback, useState } from 'preact/hooks';
import type { ContractPatch } from '@/lib/api/contract';
import type { ApiError } from '@/lib/api/result';
import type { Session } from '@/lib/model/types';
import { useEnv } from '../app/env';

export interface ContractWrite {
  write(patch: ContractPatch, what: string): Promise<void>;
  failure: { what: string; error: ApiError; patch: ContractPatch } | null;
  retry(): void;
}

/** Immediate contract writes (choices, check-in) with the last failure kept for a retry. */
export function useContractWrite(sessionId: string, onSaved: (session: Session) => void): ContractWrite {
  const env = useEnv();
  const [failure, setFailure] = useState<ContractWrite['failure']>(null);
  const write = useCallback(
    async (patch: ContractPatch, what: string) => {
      const result = await env.api.updateContract({ sessionId, patch });
      if (result.ok) {
        setFailure(null);
        onSaved(result.value);
      } else setFailure({ what, error: result.error, patch });
    },
    [env, sessionId, onSaved],
  );
  const retry = () => failure && void write(failure.patch, failure.what);
  return { write, failure, retry };
}
